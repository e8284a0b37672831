import { getSchema } from '@tiptap/core';
import { Node as PmNode, type Schema } from '@tiptap/pm/model';
import { z } from 'zod';
import { textProblem } from '../../shared/body-bounds';
import { isAllowedHref, releaseExtensions } from '../../shared/extensions';
import { ServiceError } from '../../shared/result';
import type { ReviewState } from '../../shared/review';
import {
  EmbargoInputSchema,
  RichNodeSchema,
  type Draft,
  type ReleaseBlocks,
  type ReleaseMeta,
  type RichNode,
  type Taxonomies,
  type TaxonomyName,
} from '../../shared/schemas';

// What a release must be before the store keeps it: a body the editor can open, terms the
// taxonomies have, texts and an embargo that are well formed. The drafts service, the CLI's
// check and the store move all ask here.

interface EditorRules {
  schema: Schema;
  /** ProseMirror does not check attribute values, and a heading without one defaults to level 1. */
  headingLevels: readonly number[];
}

const HeadingOptionsSchema = z.object({ levels: z.array(z.number().int()) });

let editorRules: EditorRules | undefined;
/** Built on first use: building it loads every extension, which a CLI `list` never needs. */
const getEditorRules = (): EditorRules => {
  if (editorRules) return editorRules;
  const extensions = releaseExtensions();
  const kit = extensions.find((extension) => extension.name === 'starterKit');
  const heading = HeadingOptionsSchema.safeParse(kit?.options?.heading);
  editorRules = {
    schema: getSchema(extensions),
    headingLevels: heading.success ? heading.data.levels : [1, 2, 3, 4, 5, 6],
  };
  return editorRules;
};

/** The editor's own schema: what a body must fit, and what the review document converts through. */
export const editorSchema = (): Schema => getEditorRules().schema;

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

const invalid = (message: string): ServiceError => new ServiceError('INVALID_INPUT', message);

type AttrCheck = (value: unknown) => boolean;
const isNull: AttrCheck = (value) => value === null;
const isInteger =
  (min: number, max: number): AttrCheck =>
  (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
const isText =
  (max: number): AttrCheck =>
  (value) =>
    typeof value === 'string' && value.length <= max;
const oneOf =
  (...values: readonly unknown[]): AttrCheck =>
  (value) =>
    values.includes(value);
const either =
  (...checks: AttrCheck[]): AttrCheck =>
  (value) =>
    checks.some((check) => check(value));
const cellAttrs: Record<string, AttrCheck> = {
  colspan: isInteger(1, 1000),
  rowspan: isInteger(1, 1000),
  colwidth: either(
    isNull,
    (value) =>
      Array.isArray(value) &&
      value.length <= 1000 &&
      value.every((width) => width === null || isInteger(0, 100_000)(width)),
  ),
  align: either(isNull, oneOf('left', 'center', 'right')),
};

/**
 * The values each attribute of the editor's nodes and marks may take. ProseMirror keeps
 * whatever value it is given and drops names it does not know, and the store keeps the JSON
 * as sent, so both are checked here. An attribute the schema has that this table does not
 * (a future extension's) may hold a short string, a number, a boolean or null.
 */
const ATTR_VALUES: Record<string, Record<string, AttrCheck>> = {
  heading: { level: isInteger(1, 6) },
  orderedList: {
    start: either(isNull, isInteger(0, 1_000_000_000)),
    type: either(isNull, isText(16)),
  },
  tableCell: cellAttrs,
  tableHeader: cellAttrs,
  link: {
    href: isText(8192),
    target: either(isNull, isText(64)),
    rel: either(isNull, isText(256)),
    class: either(isNull, isText(256)),
    title: either(isNull, isText(1000)),
  },
};
const anyShortValue: AttrCheck = (value) =>
  value === null ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  isText(8192)(value);

/** Why `attrs` do not fit a node or mark type of the editor, or null. */
const attrsProblem = (
  kind: 'node' | 'mark',
  type: string,
  attrs: Record<string, unknown> | undefined,
  known: Readonly<Record<string, unknown>>,
): string | null => {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (!Object.hasOwn(known, name)) {
      return `a ${type} ${kind} has no attribute "${name}"`;
    }
    const check = ATTR_VALUES[type]?.[name] ?? anyShortValue;
    if (!check(value)) {
      return `a ${type} ${kind} cannot have ${name} ${JSON.stringify(value)?.slice(0, 80)}`;
    }
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return `the ${name} of a ${type} ${kind} ${problem}`;
    }
  }
  return null;
};

/**
 * The raw JSON of a body against the editor's own schema: only its node and mark types, only
 * their attributes with values of the right type and size, text without NUL or half
 * characters. Walked with a loop: RichNodeSchema has bounded the depth, not the recursion.
 */
const rawBodyProblem = (body: RichNode, schema: Schema): string | null => {
  const pending: RichNode[] = [body];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const type = schema.nodes[node.type];
    if (!type) return `there is no ${JSON.stringify(node.type.slice(0, 64))} node in a release`;
    const nodeProblem = attrsProblem('node', node.type, node.attrs, type.spec.attrs ?? {});
    if (nodeProblem) return nodeProblem;
    if (node.text !== undefined) {
      const problem = textProblem(node.text);
      if (problem) return `its text ${problem}`;
    }
    for (const mark of node.marks ?? []) {
      const markType = schema.marks[mark.type];
      if (!markType)
        return `there is no ${JSON.stringify(mark.type.slice(0, 64))} mark in a release`;
      const markProblem = attrsProblem('mark', mark.type, mark.attrs, markType.spec.attrs ?? {});
      if (markProblem) return markProblem;
    }
    for (const child of node.content ?? []) pending.push(child);
  }
  return null;
};

/** The body must be a document the editor can open, or the exporters could not write it either. */
export const checkBody = (body: RichNode): void => {
  const rules = getEditorRules();
  // Bounded first (depth, size), whatever called us: below, ProseMirror recurses.
  const bounded = RichNodeSchema.safeParse(body);
  if (!bounded.success) {
    throw invalid(`body ${bounded.error.issues[0]?.message ?? 'is not a release document'}`);
  }
  const raw = rawBodyProblem(body, rules.schema);
  if (raw) throw invalid(`body is not a valid release document: ${raw}`);
  let node: PmNode;
  try {
    node = PmNode.fromJSON(rules.schema, body);
    node.check();
  } catch (error) {
    throw invalid(`body is not a valid release document: ${describe(error)}`);
  }
  // ProseMirror checks structure, not attribute values: those that matter are checked here.
  node.descendants((child) => {
    const level: unknown = child.attrs['level'];
    if (
      child.type.name === 'heading' &&
      !rules.headingLevels.some((allowed) => allowed === level)
    ) {
      throw invalid(
        `body: heading level ${JSON.stringify(level)} is not allowed (use ${rules.headingLevels.join(' or ')}; the headline is the title)`,
      );
    }
    // Any string is a valid link target to the schema; a `javascript:` link must not get in.
    for (const mark of child.marks) {
      const href: unknown = mark.attrs['href'];
      if (mark.type.name === 'link' && (typeof href !== 'string' || !isAllowedHref(href))) {
        throw invalid(
          `body: link target ${JSON.stringify(href)} is not allowed (use http, https or mailto)`,
        );
      }
    }
  });
};

/** The text around the body: headline and blocks, without NUL or half characters. */
export const checkReleaseText = (headline: string, blocks: ReleaseBlocks | undefined): void => {
  const fields: [string, string][] = [
    ['headline', headline],
    ['blocks.lead', blocks?.lead ?? ''],
    ['blocks.contact', blocks?.contact ?? ''],
    ['blocks.about', blocks?.about ?? ''],
  ];
  for (const [field, text] of fields) {
    const problem = textProblem(text);
    if (problem) throw invalid(`${field} ${problem}`);
  }
};

/** A zone this computer knows and a time on the calendar: what EmbargoInputSchema asks. */
export const checkEmbargo = (meta: ReleaseMeta): void => {
  if (!meta.embargo) return;
  const parsed = EmbargoInputSchema.safeParse(meta.embargo);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(
      `meta.embargo${issue?.path.length ? `.${issue.path.map(String).join('.')}` : ''}: ${issue?.message ?? 'is not a valid embargo'}`,
    );
  }
};

const TERM_FIELDS: readonly [keyof ReleaseMeta, TaxonomyName][] = [
  ['contentTypeId', 'contentTypes'],
  ['placeIds', 'places'],
  ['sourceIds', 'sources'],
  ['fieldOfWorkIds', 'fieldsOfWork'],
  ['countryIds', 'countries'],
];

/** Drafts refer to terms by id only, so an id that is not in the store's taxonomy is a dead link. */
export const checkTerms = (meta: ReleaseMeta, taxonomies: Taxonomies): void => {
  for (const [field, taxonomy] of TERM_FIELDS) {
    const value = meta[field];
    // Only the id fields are listed, but the type cannot tell them from the other arrays in meta.
    const ids = Array.isArray(value)
      ? value.filter((id): id is string => typeof id === 'string')
      : typeof value === 'string'
        ? [value]
        : [];
    const known = new Set(taxonomies[taxonomy].map((term) => term.id));
    for (const id of ids) {
      if (!known.has(id)) {
        throw new ServiceError(
          'INVALID_INPUT',
          `meta.${field}: "${id}" is not a term of the ${taxonomy} taxonomy`,
        );
      }
    }
  }
};

/**
 * Threads and suggestion metas beside the body: each id names what it is (t-, c-, s-) and is
 * used once. A body suggestion's meta may outlive its marks (the words it was on were changed
 * or deleted by someone else): it stays listed, detached, never dropped; so may a thread.
 */
export const checkReview = (review: ReviewState): void => {
  const seen = new Set<string>();
  const once = (id: string, kind: 't' | 'c' | 's', what: string) => {
    if (!id.startsWith(`${kind}-`))
      throw invalid(`review: ${what} id ${id} does not start ${kind}-`);
    if (seen.has(id)) throw invalid(`review: the id ${id} is used twice`);
    seen.add(id);
  };
  for (const thread of review.threads) {
    once(thread.id, 't', 'a thread');
    for (const comment of thread.comments) once(comment.id, 'c', 'a comment');
  }
  for (const meta of review.suggestions) once(meta.id, 's', 'a suggestion');
};

/** The rules a saved draft must meet, as a save checks them: the reason it fails, or null. */
export const validateDraft = (draft: Draft, taxonomies: Taxonomies): string | null => {
  try {
    checkTerms(draft.meta, taxonomies);
    checkEmbargo(draft.meta);
    checkReleaseText(draft.headline, draft.blocks);
    checkBody(draft.body);
    checkReview(draft.review);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};
