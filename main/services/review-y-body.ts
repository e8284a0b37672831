import { randomBytes } from 'node:crypto';
import type * as Y from 'yjs';
import type { RichNode } from '../../shared/schemas';
import { editorSchema } from './draft-checks';
import { DELETE, INSERT, KEEP, diffUnits, type EditRun } from './review-y-diff';
import type { YAttrs, PathEntry, DeltaOp } from './review-y-vocab';
import {
  TYPE,
  ATTRS,
  BLOCK_MARKS,
  PATH,
  BLOCK_UNIT,
  GONE_UNIT,
  GONE_END_UNIT,
  parsePath,
  canonicalBody,
} from './review-y-vocab';
import type { NewMarker, Wanted, Present } from './review-y-units';
import { canonIds, unitsOfBody, embedKind, unitsOfText } from './review-y-units';

export { bodyOf, sameBody } from './review-y-read';
export { BodyShapeError, canonicalBody } from './review-y-vocab';

/**
 * The body's side of a release's review document: the ProseMirror JSON as ONE Y.Text, in the
 * manner of Quill's delta, so that Yjs merges it as text and a change of structure is never a
 * deleted and recreated element (which would drop whatever the other side put inside it).
 *
 * - Every block (a paragraph, a heading, a horizontal rule) starts with a block marker, the embed
 *   `{ b: 1 }`, whose formatting attributes say what the block is: `nrType`, `nrAttrs` (JSON),
 *   `nrBlockMarks` (JSON: a block suggested in or out whole) and `nrPath` (JSON: its chain of
 *   containers from the document down, each `[type, id, attrs?, marks?]` with an id that stays
 *   the same from save to save). A container with no block in it (an empty table row) is kept
 *   by a marker with a path and no `nrType`.
 * - The block's inline content follows as text, each mark one attribute (`m:<type>`, or
 *   `m:<type>#<attrs>` for a mark that can overlap itself, such as comments; the value is the
 *   mark's attrs as JSON). A hard break is the embed `{ br: 1 }`.
 *
 * - A block deleted whole is bracketed by two embeds that are no content, `{ g: 1 }` and
 *   `{ ge: 1 }`: what another copy wrote into it meanwhile is read as deleted with it.
 *
 * So a change of type or of container is a format() of markers, a split an inserted marker, a
 * join a deleted one, and concurrent words stay where they were written. The document is read
 * back by grouping consecutive blocks by their containers' ids.
 */

// ---------------------------------------------------------------- ids of containers

const newId = (): string => randomBytes(9).toString('base64url');

/**
 * Each container of the new body takes the id of the container its blocks were in before (the
 * same type, at the same depth if it can), so a save that changes no structure changes no path;
 * one with nothing to take it from gets a new id.
 */
const assignIds = (wanted: Wanted, matchOf: Int32Array, present: Present): void => {
  const oldPaths = new Map<number, PathEntry[]>();
  const pathAt = (unit: number): PathEntry[] => {
    let path = oldPaths.get(unit);
    if (!path) {
      try {
        path = parsePath(present.runAttrs[present.runOf[unit] as number]?.[PATH]);
      } catch {
        path = [];
      }
      oldPaths.set(unit, path);
    }
    return path;
  };
  const taken = new Set<string>();
  for (const container of wanted.containers) {
    for (const index of container.markers) {
      const marker = wanted.markers[index];
      const old = marker ? (matchOf[marker.unit] ?? -1) : -1;
      if (old < 0) continue;
      const path = pathAt(old);
      let best: PathEntry | undefined;
      let distance = Infinity;
      for (let depth = 0; depth < path.length; depth += 1) {
        const entry = path[depth] as PathEntry;
        if (entry.type !== container.type || taken.has(entry.id)) continue;
        const d = Math.abs(depth - container.depth);
        if (d < distance) {
          best = entry;
          distance = d;
        }
      }
      if (best) {
        container.id = best.id;
        break;
      }
    }
    if (container.id === null) container.id = newId();
    taken.add(container.id);
  }
};

const markerAttrs = (marker: NewMarker): YAttrs => {
  const path = marker.chain.map((c) => {
    const entry: unknown[] = [c.type, c.id];
    if (c.attrs || c.marks) entry.push(c.attrs);
    if (c.marks) entry.push(c.marks);
    return entry;
  });
  const out: YAttrs = { [PATH]: JSON.stringify(path) };
  if (marker.type !== null) out[TYPE] = marker.type;
  if (marker.attrs) out[ATTRS] = JSON.stringify(marker.attrs);
  if (marker.marks) out[BLOCK_MARKS] = JSON.stringify(marker.marks);
  return out;
};

/** What to pass to format() to turn `from` into `to`: removed keys as null. */
const formatting = (from: YAttrs, to: YAttrs): YAttrs => {
  const out: YAttrs = { ...to };
  for (const key of Object.keys(from)) if (!(key in to) && from[key] != null) out[key] = null;
  return out;
};

const normalised = canonicalBody;

/**
 * Brings the text to `body` by diff: only what changed becomes new Yjs items, a change of
 * type or container only formatting. Call it inside a transaction.
 */
export const syncBody = (text: Y.Text, body: RichNode): void => {
  const schema = editorSchema();
  const canonId = canonIds();
  const wanted = unitsOfBody(schema, normalised(body), canonId);
  const present = unitsOfText(text, canonId);
  const runs = diffUnits(present.keys, wanted.keys);
  const matchOf = new Int32Array(wanted.keys.length).fill(-1);
  for (const run of runs)
    if (run.kind === KEEP)
      for (let i = 0; i < run.length; i += 1) matchOf[run.newAt + i] = run.oldAt + i;
  assignIds(wanted, matchOf, present);
  for (const marker of wanted.markers) {
    const own = markerAttrs(marker);
    wanted.runAttrs[marker.run] = own;
    wanted.runCanon[marker.run] = canonId(own);
  }
  applyRuns(text, runs, present, wanted);
};

/**
 * The blocks deleted whole (their marker and all their units): for each unit, the marker of
 * the block deleted whole it is in, else -1.
 */
const wholeBlocksDeleted = (present: Present, runs: readonly EditRun[]): Int32Array => {
  const kept = new Uint8Array(present.keys.length);
  for (const run of runs) if (run.kind === KEEP) kept.fill(1, run.oldAt, run.oldAt + run.length);
  const blockOf = new Int32Array(present.keys.length).fill(-1);
  let marker = -1;
  let whole = false;
  const close = (end: number) => {
    if (marker >= 0 && whole) blockOf.fill(marker, marker, end);
  };
  for (let i = 0; i < present.keys.length; i += 1) {
    if (present.keys[i] === BLOCK_UNIT) {
      close(i);
      marker = i;
      whole = true;
    }
    if (kept[i]) whole = false;
  }
  close(present.keys.length);
  return blockOf;
};

/**
 * Applies the edit script. A block deleted whole is bracketed by two embeds that are no
 * content, `{ g: 1 }` before it and `{ ge: 1 }` after it, so what another copy wrote into it
 * meanwhile is read as deleted with it (a suggestion there stays listed, detached) rather than
 * surfacing in the block before; a join or a split keeps everything.
 */
const applyRuns = (text: Y.Text, runs: readonly EditRun[], present: Present, wanted: Wanted) => {
  const blockOf = wholeBlocksDeleted(present, runs);
  const pc = (unit: number) => present.runCanon[present.runOf[unit] as number] as number;
  const wc = (unit: number) => wanted.runCanon[wanted.runOf[unit] as number] as number;
  const at = Int32Array.from(present.at);
  const goneAt = new Map<number, number>();
  const markers: number[] = [];
  for (let i = 0; i < blockOf.length; i += 1) if (blockOf[i] === i) markers.push(i);
  // The opening brackets first, while the blocks' markers still stand (an insertion never
  // lands before a deleted item).
  for (let k = markers.length - 1; k >= 0; k -= 1)
    text.insertEmbed(at[markers[k] as number] as number, { g: 1 }, {});
  if (markers.length) {
    let shift = 0;
    let next = 0;
    for (let i = 0; i < at.length; i += 1) {
      if (markers[next] === i) {
        goneAt.set(i, (at[i] as number) + shift);
        shift += 1;
        next += 1;
      }
      at[i] = (at[i] as number) + shift;
    }
  }
  /** Calls `each(from, to)` for the pieces of units [a, b) that lie together in the text, in order. */
  const pieces = (a: number, b: number, each: (from: number, to: number) => void) => {
    let start = a;
    for (let i = a + 1; i < b; i += 1)
      if ((at[i] as number) !== (at[i - 1] as number) + 1) {
        each(start, i);
        start = i;
      }
    if (b > start) each(start, b);
  };
  // Forward, with what was inserted and deleted so far as `offset`; `cursor` is just after
  // the last unit dealt with, and `goneNow` where each opening bracket stands now.
  let offset = 0;
  let cursor = 0;
  const goneNow = new Map<number, number>();
  for (const run of runs) {
    if (run.kind === DELETE) {
      pieces(run.oldAt, run.oldAt + run.length, (from, to) => {
        for (let u = from; u < to; u += 1)
          if (blockOf[u] === u) goneNow.set(u, (goneAt.get(u) as number) + offset);
        const y = (at[from] as number) + offset;
        text.delete(y, to - from);
        offset -= to - from;
        cursor = y;
      });
    } else if (run.kind === INSERT) {
      // Words never go inside a block deleted whole: before it.
      const inBlock = run.oldAt > 0 ? (blockOf[run.oldAt - 1] as number) : -1;
      const before = inBlock >= 0 ? goneNow.get(inBlock) : undefined;
      let pos = before ?? cursor;
      const first = pos;
      let i = run.newAt;
      const end = run.newAt + run.length;
      while (i < end) {
        const key = wanted.keys[i] as number;
        const own = wanted.runAttrs[wanted.runOf[i] as number] as YAttrs;
        if (key < 0) {
          text.insertEmbed(pos, key === BLOCK_UNIT ? { b: 1 } : { br: 1 }, { ...own });
          pos += 1;
          i += 1;
          continue;
        }
        let j = i + 1;
        while (j < end && (wanted.keys[j] as number) >= 0 && wanted.runOf[j] === wanted.runOf[i])
          j += 1;
        text.insert(pos, wanted.flat.slice(i, j), { ...own });
        pos += j - i;
        i = j;
      }
      const added = pos - first;
      offset += added;
      if (before !== undefined) {
        goneNow.set(inBlock, before + added);
        cursor += added;
      } else cursor = pos;
    } else {
      let i = 0;
      while (i < run.length) {
        const o = run.oldAt + i;
        const n = run.newAt + i;
        const oldCanon = pc(o);
        const newCanon = wc(n);
        if (oldCanon === newCanon) {
          i += 1;
          continue;
        }
        let j = i + 1;
        while (j < run.length && pc(run.oldAt + j) === oldCanon && wc(run.newAt + j) === newCanon)
          j += 1;
        const change = formatting(
          present.runAttrs[present.runOf[o] as number] as YAttrs,
          wanted.runAttrs[wanted.runOf[n] as number] as YAttrs,
        );
        pieces(o, run.oldAt + j, (from, to) => {
          text.format((at[from] as number) + offset, to - from, change);
        });
        i = j;
      }
      cursor = (at[run.oldAt + run.length - 1] as number) + offset + 1;
    }
  }
  if (markers.length) closeGone(text);
};

/** Puts a closing bracket right after every opening one that has none: behind the deleted items. */
const closeGone = (text: Y.Text): void => {
  const open: number[] = [];
  let y = 0;
  let last = -1;
  for (const op of text.toDelta() as DeltaOp[]) {
    if (typeof op.insert === 'string') {
      y += op.insert.length;
      continue;
    }
    const kind = embedKind(op.insert);
    if (kind === GONE_END_UNIT) last = -1;
    else if (kind === GONE_UNIT || kind === BLOCK_UNIT) {
      if (last >= 0) open.push(last);
      last = kind === GONE_UNIT ? y : -1;
    }
    y += 1;
  }
  if (last >= 0) open.push(last);
  for (let k = open.length - 1; k >= 0; k -= 1)
    text.insertEmbed((open[k] as number) + 1, { ge: 1 }, {});
};
