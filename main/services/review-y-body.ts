import { Node as PmNode, Schema, type NodeSpec } from '@tiptap/pm/model';
import { updateYFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { RichNodeSchema, type RichNode } from '../../shared/schemas';
import { editorSchema } from './draft-checks';

/**
 * The body's side of a release's review document: the ProseMirror JSON as a Y.XmlFragment and
 * back. y-tiptap keeps the marks of text but not the marks a block carries (a paragraph
 * suggested in or out whole), so those travel as one attribute of the block's element, in a
 * schema that differs from the editor's only by that attribute.
 */
const BLOCK_MARKS_ATTR = 'nrBlockMarks';

let ySchema: Schema | undefined;
const ySchemaOf = (): Schema => {
  if (ySchema) return ySchema;
  const base = editorSchema();
  const nodes: Record<string, NodeSpec> = {};
  base.spec.nodes.forEach((name, spec) => {
    nodes[name] =
      name === 'text'
        ? spec
        : { ...spec, attrs: { ...spec.attrs, [BLOCK_MARKS_ATTR]: { default: null } } };
  });
  ySchema = new Schema({ nodes, marks: base.spec.marks, topNode: base.spec.topNode });
  return ySchema;
};

/** Block marks moved into the attribute; a body is bounded in depth by RichNodeSchema. */
const toYJson = (node: RichNode): RichNode => {
  if (node.text !== undefined) return node;
  const { marks, content, attrs, ...rest } = node;
  const out: RichNode = { ...rest };
  const nextAttrs = marks?.length ? { ...attrs, [BLOCK_MARKS_ATTR]: JSON.stringify(marks) } : attrs;
  if (nextAttrs) out.attrs = nextAttrs;
  if (content) out.content = content.map(toYJson);
  return out;
};

type Loose = Record<string, unknown>;

const isRecord = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The attribute put back as marks; what does not parse is left for the body check to refuse. */
const fromYJson = (node: unknown): unknown => {
  if (!isRecord(node)) return node;
  const out: Loose = { ...node };
  const attrs = node['attrs'];
  if (isRecord(attrs) && BLOCK_MARKS_ATTR in attrs) {
    const { [BLOCK_MARKS_ATTR]: encoded, ...restAttrs } = attrs;
    out['attrs'] = restAttrs;
    if (typeof encoded === 'string') {
      try {
        out['marks'] = JSON.parse(encoded) as unknown;
      } catch {
        out['marks'] = 'unreadable block marks';
      }
    }
  }
  const content = node['content'];
  if (Array.isArray(content)) out['content'] = content.map(fromYJson);
  return out;
};

/** Brings the fragment to `body` by diff: only what changed becomes new Yjs items. */
export const syncBody = (doc: Y.Doc, fragment: Y.XmlFragment, body: RichNode): void => {
  const node = PmNode.fromJSON(ySchemaOf(), toYJson(body));
  updateYFragment(doc, fragment, node, { mapping: new Map(), isOMark: new Map() });
};

export class BodyShapeError extends Error {}

/**
 * The fragment as the editor's JSON, in the form the editor itself writes (every attribute,
 * marks in schema order), so a body derived from the document and saved syncs back as nothing.
 * Throws BodyShapeError for a fragment the editor could not hold.
 */
export const bodyOf = (fragment: Y.XmlFragment): RichNode => {
  const raw = fromYJson(yXmlFragmentToProsemirrorJSON(fragment));
  const bounded = RichNodeSchema.safeParse(raw);
  if (!bounded.success)
    throw new BodyShapeError(bounded.error.issues[0]?.message ?? 'not a release document');
  try {
    return RichNodeSchema.parse(PmNode.fromJSON(editorSchema(), bounded.data).toJSON());
  } catch (error) {
    throw new BodyShapeError(error instanceof Error ? error.message : String(error));
  }
};

/** Two bodies that mean the same document (attribute defaults and mark order aside). */
export const sameBody = (a: RichNode, b: RichNode): boolean => {
  try {
    const schema = editorSchema();
    return PmNode.fromJSON(schema, a).eq(PmNode.fromJSON(schema, b));
  } catch {
    return false;
  }
};
