import { randomBytes } from 'node:crypto';
import { Node as PmNode, type Schema } from '@tiptap/pm/model';
import type * as Y from 'yjs';
import { RichNodeSchema, type RichNode } from '../../shared/schemas';
import { editorSchema } from './draft-checks';
import { DELETE, INSERT, KEEP, diffUnits, type EditRun } from './review-y-diff';

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

const TYPE = 'nrType';
const ATTRS = 'nrAttrs';
const BLOCK_MARKS = 'nrBlockMarks';
const PATH = 'nrPath';
const MARK = 'm:';

const BLOCK_UNIT = -1;
const BREAK_UNIT = -2;
const OTHER_UNIT = -3;
/** Where a block deleted whole stood: what others wrote into it meanwhile goes with it. */
const GONE_UNIT = -4;
const GONE_END_UNIT = -5;

type YAttrs = Record<string, unknown>;
type Json = Record<string, unknown>;
interface PmMarkJson {
  type: string;
  attrs?: Json;
}

export class BodyShapeError extends Error {}

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One key for a set of attributes, whatever order its keys came in. */
const canon = (attrs: YAttrs): string => {
  const keys = Object.keys(attrs).sort();
  let out = '';
  for (const key of keys) {
    const value = attrs[key];
    if (value === null || value === undefined) continue;
    out += `${key}\u0000${typeof value === 'string' ? value : JSON.stringify(value)}\u0001`;
  }
  return out;
};

const markKey = (schema: Schema, mark: PmMarkJson): [string, string] => {
  const json = JSON.stringify(mark.attrs ?? {});
  const type = schema.marks[mark.type];
  const overlaps = type ? !type.excludes(type) : false;
  return [overlaps ? `${MARK}${mark.type}#${json}` : `${MARK}${mark.type}`, json];
};

const marksOf = (schema: Schema, marks: readonly PmMarkJson[] | undefined): YAttrs => {
  const out: YAttrs = {};
  for (const mark of marks ?? []) {
    const [key, value] = markKey(schema, mark);
    out[key] = value;
  }
  return out;
};

// ---------------------------------------------------------------- the JSON as units

interface Container {
  type: string;
  attrs: Json | null;
  marks: unknown[] | null;
  id: string | null;
  depth: number;
  /** Markers (indexes into `markers`) of the blocks inside it. */
  markers: number[];
}

interface NewMarker {
  unit: number;
  run: number;
  type: string | null;
  attrs: Json | null;
  marks: unknown[] | null;
  chain: Container[];
}

/**
 * Units in runs: a run is units with one set of attributes (a text node, an embed, a delta
 * op), and `canon` numbers the sets of attributes, so units compare by two integers.
 */
interface Units {
  keys: Int32Array;
  runOf: Int32Array;
  runAttrs: YAttrs[];
  runCanon: number[];
}

interface Wanted extends Units {
  /** The text of every unit, an embed as one placeholder character. */
  flat: string;
  markers: NewMarker[];
  containers: Container[];
}

/** Numbers for sets of attributes, shared by the two sides of one sync. */
const canonIds = () => {
  const ids = new Map<string, number>();
  return (attrs: YAttrs): number => {
    const key = canon(attrs);
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  };
};

/** Keys from the text, embeds put in; runs spread over their units. */
const unitsFrom = (
  flat: string,
  embeds: readonly number[],
  embedKinds: readonly number[],
  runStarts: readonly number[],
) => {
  const keys = new Int32Array(flat.length);
  for (let i = 0; i < flat.length; i += 1) keys[i] = flat.charCodeAt(i);
  for (let k = 0; k < embeds.length; k += 1) keys[embeds[k] as number] = embedKinds[k] as number;
  const runOf = new Int32Array(flat.length);
  for (let r = 0; r < runStarts.length; r += 1)
    runOf.fill(r, runStarts[r] as number, (runStarts[r + 1] ?? flat.length) as number);
  return { keys, runOf };
};

const isLeafBlock = (schema: Schema, type: string): boolean => {
  const nodeType = schema.nodes[type];
  return !nodeType || nodeType.isTextblock || nodeType.isLeaf;
};

const unitsOfBody = (schema: Schema, body: RichNode, canonId: (a: YAttrs) => number): Wanted => {
  const parts: string[] = [];
  let length = 0;
  const embeds: number[] = [];
  const embedKinds: number[] = [];
  const runStarts: number[] = [];
  const runAttrs: YAttrs[] = [];
  const runCanon: number[] = [];
  const markers: NewMarker[] = [];
  const containers: Container[] = [];
  const addEmbed = (kind: number, own: YAttrs) => {
    embeds.push(length);
    embedKinds.push(kind);
    runStarts.push(length);
    runAttrs.push(own);
    runCanon.push(canonId(own));
    parts.push('\u0000');
    length += 1;
  };
  const addMarker = (marker: Omit<NewMarker, 'unit' | 'run'>) => {
    const index = markers.length;
    markers.push({ ...marker, unit: length, run: runStarts.length });
    for (const container of marker.chain) container.markers.push(index);
    addEmbed(BLOCK_UNIT, {});
  };
  const addInline = (node: RichNode) => {
    const own = marksOf(schema, node.marks as PmMarkJson[] | undefined);
    if (node.text === undefined) {
      addEmbed(node.type === 'hardBreak' ? BREAK_UNIT : OTHER_UNIT, own);
      return;
    }
    if (!node.text) return;
    runStarts.push(length);
    runAttrs.push(own);
    runCanon.push(canonId(own));
    parts.push(node.text);
    length += node.text.length;
  };
  const walk = (node: RichNode, chain: Container[]) => {
    if (isLeafBlock(schema, node.type)) {
      addMarker({
        type: node.type,
        attrs: node.attrs && Object.keys(node.attrs).length ? (node.attrs as Json) : null,
        marks: node.marks?.length ? node.marks : null,
        chain,
      });
      for (const child of node.content ?? []) addInline(child);
      return;
    }
    const container: Container = {
      type: node.type,
      attrs: node.attrs && Object.keys(node.attrs).length ? (node.attrs as Json) : null,
      marks: node.marks?.length ? node.marks : null,
      id: null,
      depth: chain.length,
      markers: [],
    };
    containers.push(container);
    const inner = [...chain, container];
    const children = node.content ?? [];
    if (children.length === 0) addMarker({ type: null, attrs: null, marks: null, chain: inner });
    for (const child of children) walk(child, inner);
  };
  for (const child of body.content ?? []) walk(child, []);
  const flat = parts.join('');
  return {
    ...unitsFrom(flat, embeds, embedKinds, runStarts),
    runAttrs,
    runCanon,
    flat,
    markers,
    containers,
  };
};

// ---------------------------------------------------------------- the Y.Text as units

interface PathEntry {
  type: string;
  id: string;
  attrs: Json | null;
  marks: unknown[] | null;
}

const parsePath = (value: unknown): PathEntry[] => {
  if (value === undefined || value === null) return [];
  let parsed: unknown;
  try {
    parsed = typeof value === 'string' ? JSON.parse(value) : value;
  } catch {
    throw new BodyShapeError('a block’s containers cannot be read');
  }
  if (!Array.isArray(parsed)) throw new BodyShapeError('a block’s containers cannot be read');
  return parsed.map((entry: unknown) => {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string')
      throw new BodyShapeError('a block’s containers cannot be read');
    const attrs: unknown = entry[2] ?? null;
    const marks: unknown = entry[3] ?? null;
    if (attrs !== null && !isRecord(attrs))
      throw new BodyShapeError('a container’s attributes cannot be read');
    if (marks !== null && !Array.isArray(marks))
      throw new BodyShapeError('a container’s marks cannot be read');
    return { type: entry[0], id: entry[1], attrs, marks };
  });
};

interface DeltaOp {
  insert?: unknown;
  attributes?: YAttrs;
}

interface Present extends Units {
  /** Where each unit is in the text: the words of a block deleted whole are no units. */
  at: Int32Array;
}

const embedKind = (embed: unknown): number =>
  isRecord(embed) && 'b' in embed
    ? BLOCK_UNIT
    : isRecord(embed) && 'br' in embed
      ? BREAK_UNIT
      : isRecord(embed) && 'g' in embed
        ? GONE_UNIT
        : isRecord(embed) && 'ge' in embed
          ? GONE_END_UNIT
          : OTHER_UNIT;

const unitsOfText = (text: Y.Text, canonId: (a: YAttrs) => number): Present => {
  const parts: string[] = [];
  let length = 0;
  const embeds: number[] = [];
  const embedKinds: number[] = [];
  const runStarts: number[] = [];
  const runAttrs: YAttrs[] = [];
  const runCanon: number[] = [];
  /** Where the units of each run start in the text. */
  const runAt: number[] = [];
  let y = 0;
  let gone = false;
  for (const op of text.toDelta() as DeltaOp[]) {
    const own = op.attributes ?? {};
    if (typeof op.insert === 'string') {
      if (!gone && op.insert) {
        runStarts.push(length);
        runAttrs.push(own);
        runCanon.push(canonId(own));
        runAt.push(y);
        parts.push(op.insert);
        length += op.insert.length;
      }
      y += op.insert.length;
      continue;
    }
    const kind = embedKind(op.insert);
    if (kind === GONE_UNIT || kind === GONE_END_UNIT) gone = kind === GONE_UNIT;
    else {
      if (kind === BLOCK_UNIT) gone = false;
      if (!gone) {
        embeds.push(length);
        embedKinds.push(kind);
        runStarts.push(length);
        runAttrs.push(own);
        runCanon.push(canonId(own));
        runAt.push(y);
        parts.push('\u0000');
        length += 1;
      }
    }
    y += 1;
  }
  const units = unitsFrom(parts.join(''), embeds, embedKinds, runStarts);
  const at = new Int32Array(length);
  for (let r = 0; r < runStarts.length; r += 1) {
    const start = runStarts[r] as number;
    const end = (runStarts[r + 1] ?? length) as number;
    const from = runAt[r] as number;
    for (let i = start; i < end; i += 1) at[i] = from + i - start;
  }
  return { ...units, runAttrs, runCanon, at };
};

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

/** Marks of one type that may overlap (two comments) in one order, whatever order they came in. */
const sortedMarks = (node: RichNode): RichNode => {
  const out: RichNode = { ...node };
  if (node.marks && node.marks.length > 1) {
    const key = (m: { type: string; attrs?: unknown }) =>
      `${m.type}\u0000${JSON.stringify(m.attrs ?? {})}`;
    out.marks = [...node.marks].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
  if (node.content) out.content = node.content.map(sortedMarks);
  return out;
};

/**
 * The body as the editor writes it (every attribute, marks in schema order, two marks of one
 * type by their attributes): what bodyOf answers. Throws for a node or mark the editor lacks.
 */
export const canonicalBody = (body: RichNode): RichNode =>
  PmNode.fromJSON(editorSchema(), sortedMarks(body)).toJSON() as RichNode;

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

// ---------------------------------------------------------------- the Y.Text as JSON

const parseJson = (value: unknown, what: string): unknown => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new BodyShapeError(`${what} cannot be read`);
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new BodyShapeError(`${what} cannot be read`);
  }
};

const marksOfAttrs = (attrs: YAttrs | undefined): PmMarkJson[] | undefined => {
  if (!attrs) return undefined;
  const marks: PmMarkJson[] = [];
  for (const [key, value] of Object.entries(attrs)) {
    if (!key.startsWith(MARK) || value === null || value === undefined) continue;
    const hash = key.indexOf('#');
    const type = key.slice(MARK.length, hash < 0 ? undefined : hash);
    const parsed = parseJson(value, 'a mark');
    marks.push(isRecord(parsed) && Object.keys(parsed).length ? { type, attrs: parsed } : { type });
  }
  return marks.length ? marks : undefined;
};

interface Block {
  type: string | null;
  attrs: Json | null;
  marks: unknown[] | null;
  path: PathEntry[];
  content: RichNode[];
}

const blocksOfText = (schema: Schema, text: Y.Text): Block[] => {
  const blocks: Block[] = [];
  let current: Block | undefined;
  /** Inside the brackets of a block deleted whole: what another copy wrote there goes too. */
  let gone = false;
  const textBlock = (): Block => {
    const type = current?.type;
    const nodeType = type ? schema.nodes[type] : undefined;
    if (current && nodeType && nodeType.isTextblock) return current;
    // Words with no block of their own (after a rule, or before any block): a paragraph.
    current = {
      type: 'paragraph',
      attrs: null,
      marks: null,
      path: current?.path ?? [],
      content: [],
    };
    blocks.push(current);
    return current;
  };
  for (const op of text.toDelta() as DeltaOp[]) {
    const insert = op.insert;
    if (typeof insert === 'string') {
      const node: RichNode = { type: 'text', text: insert };
      const marks = marksOfAttrs(op.attributes);
      if (marks) node.marks = marks;
      if (!gone) textBlock().content.push(node);
    } else if (isRecord(insert) && 'b' in insert) {
      const a = op.attributes ?? {};
      const type = a[TYPE];
      if (type !== undefined && type !== null && typeof type !== 'string')
        throw new BodyShapeError('a block’s type cannot be read');
      const attrs = parseJson(a[ATTRS], 'a block’s attributes');
      const marks = parseJson(a[BLOCK_MARKS], 'a block’s marks');
      if (attrs !== null && !isRecord(attrs))
        throw new BodyShapeError('a block’s attributes cannot be read');
      if (marks !== null && !Array.isArray(marks))
        throw new BodyShapeError('a block’s marks cannot be read');
      current = { type: type ?? null, attrs, marks, path: parsePath(a[PATH]), content: [] };
      gone = false;
      blocks.push(current);
    } else if (isRecord(insert) && ('g' in insert || 'ge' in insert)) {
      gone = 'g' in insert;
    } else if (isRecord(insert) && 'br' in insert) {
      const node: RichNode = { type: 'hardBreak' };
      const marks = marksOfAttrs(op.attributes);
      if (marks) node.marks = marks;
      if (!gone) textBlock().content.push(node);
    } else {
      throw new BodyShapeError('the body holds something that is not text');
    }
  }
  return blocks;
};

const nodeOf = (type: string, attrs: Json | null, marks: unknown[] | null): RichNode => {
  const node: RichNode = { type };
  if (attrs) node.attrs = attrs as RichNode['attrs'];
  if (marks?.length) node.marks = marks as RichNode['marks'];
  return node;
};

const treeOfBlocks = (blocks: readonly Block[]): RichNode => {
  const root: RichNode = { type: 'doc', content: [] };
  const open: { entry: PathEntry; node: RichNode }[] = [];
  for (const block of blocks) {
    let same = 0;
    while (
      same < open.length &&
      same < block.path.length &&
      open[same]?.entry.id === block.path[same]?.id &&
      open[same]?.entry.type === block.path[same]?.type
    )
      same += 1;
    open.length = same;
    for (let depth = same; depth < block.path.length; depth += 1) {
      const entry = block.path[depth] as PathEntry;
      const node = nodeOf(entry.type, entry.attrs, entry.marks);
      node.content = [];
      const parent = depth === 0 ? root : (open[depth - 1] as { node: RichNode }).node;
      (parent.content ??= []).push(node);
      open.push({ entry, node });
    }
    if (block.type === null) continue;
    const node = nodeOf(block.type, block.attrs, block.marks);
    if (block.content.length) node.content = block.content;
    const parent = open.length ? (open[open.length - 1] as { node: RichNode }).node : root;
    (parent.content ??= []).push(node);
  }
  return root;
};

/**
 * The text as the editor's JSON, in the form the editor itself writes (every attribute, marks
 * in schema order), so a body derived from the document and saved syncs back as nothing.
 * Throws BodyShapeError for a text the editor could not hold.
 */
export const bodyOf = (text: Y.Text): RichNode => {
  const schema = editorSchema();
  const raw = treeOfBlocks(blocksOfText(schema, text));
  const bounded = RichNodeSchema.safeParse(raw);
  if (!bounded.success)
    throw new BodyShapeError(bounded.error.issues[0]?.message ?? 'not a release document');
  try {
    return RichNodeSchema.parse(canonicalBody(bounded.data));
  } catch (error) {
    throw new BodyShapeError(error instanceof Error ? error.message : String(error));
  }
};

/** Two bodies that mean the same document (attribute defaults and mark order aside). */
export const sameBody = (a: RichNode, b: RichNode): boolean => {
  try {
    const schema = editorSchema();
    return PmNode.fromJSON(schema, sortedMarks(a)).eq(PmNode.fromJSON(schema, sortedMarks(b)));
  } catch {
    return false;
  }
};
