import { Node as PmNode, type Schema } from '@tiptap/pm/model';
import type { RichNode } from '../../shared/schemas';
import { editorSchema } from './draft-checks';

/** The words of the body's Y.Text (main/services/review-y-body.ts): its attributes, marks and paths. */

export const TYPE = 'nrType';
export const ATTRS = 'nrAttrs';
export const BLOCK_MARKS = 'nrBlockMarks';
export const PATH = 'nrPath';
export const MARK = 'm:';

export const BLOCK_UNIT = -1;
export const BREAK_UNIT = -2;
export const OTHER_UNIT = -3;
/** Where a block deleted whole stood: what others wrote into it meanwhile goes with it. */
export const GONE_UNIT = -4;
export const GONE_END_UNIT = -5;

export type YAttrs = Record<string, unknown>;
export type Json = Record<string, unknown>;
export interface PmMarkJson {
  type: string;
  attrs?: Json;
}

export class BodyShapeError extends Error {}

export const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One key for a set of attributes, whatever order its keys came in. */
export const canon = (attrs: YAttrs): string => {
  const keys = Object.keys(attrs).sort();
  let out = '';
  for (const key of keys) {
    const value = attrs[key];
    if (value === null || value === undefined) continue;
    out += `${key}\u0000${typeof value === 'string' ? value : JSON.stringify(value)}\u0001`;
  }
  return out;
};

export const markKey = (schema: Schema, mark: PmMarkJson): [string, string] => {
  const json = JSON.stringify(mark.attrs ?? {});
  const type = schema.marks[mark.type];
  const overlaps = type ? !type.excludes(type) : false;
  return [overlaps ? `${MARK}${mark.type}#${json}` : `${MARK}${mark.type}`, json];
};

export const marksOf = (schema: Schema, marks: readonly PmMarkJson[] | undefined): YAttrs => {
  const out: YAttrs = {};
  for (const mark of marks ?? []) {
    const [key, value] = markKey(schema, mark);
    out[key] = value;
  }
  return out;
};

export interface PathEntry {
  type: string;
  id: string;
  attrs: Json | null;
  marks: unknown[] | null;
}

export const parsePath = (value: unknown): PathEntry[] => {
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

export interface DeltaOp {
  insert?: unknown;
  attributes?: YAttrs;
}

/** Marks of one type that may overlap (two comments) in one order, whatever order they came in. */
export const sortedMarks = (node: RichNode): RichNode => {
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
