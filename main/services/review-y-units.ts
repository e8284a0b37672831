import type { Schema } from '@tiptap/pm/model';
import type * as Y from 'yjs';
import type { RichNode } from '../../shared/schemas';
import type { YAttrs, Json, PmMarkJson, DeltaOp } from './review-y-vocab';
import {
  BLOCK_UNIT,
  BREAK_UNIT,
  OTHER_UNIT,
  GONE_UNIT,
  GONE_END_UNIT,
  isRecord,
  canon,
  marksOf,
} from './review-y-vocab';

/** A body, and the body's Y.Text, as the units the sync diffs (main/services/review-y-body.ts). */
// ---------------------------------------------------------------- the JSON as units

export interface Container {
  type: string;
  attrs: Json | null;
  marks: unknown[] | null;
  id: string | null;
  depth: number;
  /** Markers (indexes into `markers`) of the blocks inside it. */
  markers: number[];
}

export interface NewMarker {
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
export interface Units {
  keys: Int32Array;
  runOf: Int32Array;
  runAttrs: YAttrs[];
  runCanon: number[];
}

export interface Wanted extends Units {
  /** The text of every unit, an embed as one placeholder character. */
  flat: string;
  markers: NewMarker[];
  containers: Container[];
}

/** Numbers for sets of attributes, shared by the two sides of one sync. */
export const canonIds = () => {
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
export const unitsFrom = (
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

export const isLeafBlock = (schema: Schema, type: string): boolean => {
  const nodeType = schema.nodes[type];
  return !nodeType || nodeType.isTextblock || nodeType.isLeaf;
};

export const unitsOfBody = (
  schema: Schema,
  body: RichNode,
  canonId: (a: YAttrs) => number,
): Wanted => {
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

export interface Present extends Units {
  /** Where each unit is in the text: the words of a block deleted whole are no units. */
  at: Int32Array;
}

export const embedKind = (embed: unknown): number =>
  isRecord(embed) && 'b' in embed
    ? BLOCK_UNIT
    : isRecord(embed) && 'br' in embed
      ? BREAK_UNIT
      : isRecord(embed) && 'g' in embed
        ? GONE_UNIT
        : isRecord(embed) && 'ge' in embed
          ? GONE_END_UNIT
          : OTHER_UNIT;

export const unitsOfText = (text: Y.Text, canonId: (a: YAttrs) => number): Present => {
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
