import { getSchema } from '@tiptap/core';
import { Node, type Schema } from '@tiptap/pm/model';
import { releaseExtensions } from '../../shared/extensions';
import { ServiceError } from '../../shared/result';
import { DocSchema, type RichNode } from '../../shared/schemas';

let schema: Schema | undefined;
const releaseSchema = (): Schema => (schema ??= getSchema(releaseExtensions()));

const isInline = (node: RichNode): boolean =>
  releaseSchema().nodes[node.type]?.isInline ?? node.type === 'text';

/** Nodes whose children are blocks; the parser can leave text among them (an image's alt text). */
const BLOCK_CONTAINERS = new Set(['doc', 'blockquote', 'listItem']);

/** Runs of inline nodes standing where blocks belong go into a paragraph of their own. */
export const wrapStrayInline = (node: RichNode): RichNode => {
  if (!node.content) return node;
  const children = node.content.map(wrapStrayInline);
  if (!BLOCK_CONTAINERS.has(node.type)) return { ...node, content: children };
  const blocks: RichNode[] = [];
  let stray: RichNode[] | null = null;
  for (const child of children) {
    if (!isInline(child)) {
      stray = null;
      blocks.push(child);
      continue;
    }
    if (!stray) {
      stray = [];
      blocks.push({ type: 'paragraph', content: stray });
    }
    stray.push(child);
  }
  return { ...node, content: blocks };
};

/** The marks with each type once, the first kept. */
const marksOnce = (marks: NonNullable<RichNode['marks']>): NonNullable<RichNode['marks']> => {
  const seen = new Set<string>();
  return marks.filter((mark) => {
    if (seen.has(mark.type)) return false;
    seen.add(mark.type);
    return true;
  });
};

/**
 * A copy of the body with each mark once per text: `*a *b* c*` is emphasis inside emphasis,
 * which Markdown allows and the editor cannot hold (the whole file was refused as an "Invalid
 * collection of marks"). Walked with a loop, as everything that reads a body before it is in
 * the editor's shape.
 */
const withMarksOnce = (body: RichNode): RichNode => {
  const copy: RichNode = { ...body };
  const pending: RichNode[] = [copy];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.marks) node.marks = marksOnce(node.marks);
    if (node.content) {
      node.content = node.content.map((child) => ({ ...child }));
      for (const child of node.content) pending.push(child);
    }
  }
  return copy;
};

/**
 * The body checked against the editor's own schema, in the shape the editor writes it:
 * an import can only ever produce what the editor could have made.
 */
export const validatedBody = (body: RichNode, sourceName: string): RichNode => {
  let node: Node;
  try {
    node = Node.fromJSON(releaseSchema(), withMarksOnce(body));
    node.check();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ServiceError(
      'INVALID_INPUT',
      `${sourceName}: the text does not fit a release body (${reason}).`,
    );
  }
  // Through JSON, as the store will keep it: a number the HTML did not give (`start="x"` is NaN)
  // becomes null, which the editor reads as its default.
  const json: unknown = JSON.parse(JSON.stringify(node.toJSON()));
  const checked = DocSchema.safeParse(json);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new ServiceError(
      'INVALID_INPUT',
      `${sourceName}: the text does not fit a release body (${issue?.message ?? 'invalid'}).`,
    );
  }
  return checked.data;
};
