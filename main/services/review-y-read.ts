import { Node as PmNode, type Schema } from '@tiptap/pm/model';
import type * as Y from 'yjs';
import { RichNodeSchema, type RichNode } from '../../shared/schemas';
import { editorSchema } from './draft-checks';
import type { YAttrs, Json, PmMarkJson, PathEntry, DeltaOp } from './review-y-vocab';
import {
  TYPE,
  ATTRS,
  BLOCK_MARKS,
  PATH,
  MARK,
  BodyShapeError,
  isRecord,
  parsePath,
  sortedMarks,
  canonicalBody,
} from './review-y-vocab';

/** The body's Y.Text read back as the editor's JSON (main/services/review-y-body.ts). */
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
