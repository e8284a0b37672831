import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import {
  ReviewStateSchema,
  type ReviewComment,
  type ReviewState,
  type SuggestionMeta,
  type Thread,
} from '../../shared/review';
import type { Draft, RichNode } from '../../shared/schemas';
import { bodyOf, syncBody } from './review-y-body';

/**
 * A release's review document (DESIGN.md "Review, history and the team"): what two copies of
 * the release merge through. Its layout:
 *
 * - `bodyText`: Y.Text, the editor's document as text with block markers (review-y-body.ts):
 *   a change of a block's type or container is formatting, so it merges with words written
 *   into the block meanwhile. (`body`, an earlier Y.XmlFragment, is no longer written or read.)
 * - `headline`, `lead`: Y.Text, the headline and the summary (blocks.lead).
 * - `threads`: Y.Map<threadId, Y.Map>: each thread's scalar fields last-writer-wins, its
 *   `comments` a Y.Array of comment objects appended by id, so two people's replies both stay.
 * - `suggestions`: Y.Map<suggestionId, meta>: who suggested what, and when.
 * - `meta`: Y.Map: `releaseId` and `docId`, set once, when the document is made.
 *
 * Everything else of a release (terms, contact, status) is the store's and travels as JSON.
 */

export interface ReleaseFields {
  headline: string;
  lead: string;
  body: RichNode;
  review: ReviewState;
}

const THREAD_SCALARS = [
  'quote',
  'author',
  'createdAt',
  'resolved',
  'resolvedBy',
  'resolvedAt',
] as const;

const parts = (doc: Y.Doc) => ({
  body: doc.getText('bodyText'),
  headline: doc.getText('headline'),
  lead: doc.getText('lead'),
  threads: doc.getMap<unknown>('threads'),
  suggestions: doc.getMap<unknown>('suggestions'),
  meta: doc.getMap<unknown>('meta'),
});

export const fieldsOfDraft = (draft: Draft): ReleaseFields => ({
  headline: draft.headline,
  lead: draft.blocks.lead,
  body: draft.body,
  review: draft.review,
});

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** Replaces only what differs between the common prefix and suffix: one edit per change. */
const syncText = (text: Y.Text, next: string): void => {
  const prev = text.toString();
  if (prev === next) return;
  let start = 0;
  const shortest = Math.min(prev.length, next.length);
  while (start < shortest && prev.charCodeAt(start) === next.charCodeAt(start)) start += 1;
  // Never split a character made of two UTF-16 units.
  if (start > 0 && isHighSurrogate(prev.charCodeAt(start - 1))) start -= 1;
  let end = 0;
  while (
    end < shortest - start &&
    prev.charCodeAt(prev.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
  )
    end += 1;
  if (end > 0 && isHighSurrogate(next.charCodeAt(next.length - end - 1))) end -= 1;
  const removed = prev.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = next.slice(start, next.length - end);
  if (inserted) text.insert(start, inserted);
};

const commentId = (value: unknown): string | null =>
  typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string'
    ? value.id
    : null;

/** Removed comments go, changed ones are replaced where they stand, new ones are appended. */
const syncComments = (list: Y.Array<unknown>, comments: readonly ReviewComment[]): void => {
  const wanted = new Map(comments.map((comment) => [comment.id, comment]));
  const present = list.toArray();
  const seen = new Set<string>();
  for (let i = present.length - 1; i >= 0; i -= 1) {
    const id = commentId(present[i]);
    const comment = id === null ? undefined : wanted.get(id);
    if (id === null || !comment || seen.has(id)) {
      list.delete(i, 1);
      continue;
    }
    seen.add(id);
    if (!isDeepStrictEqual(present[i], comment)) {
      list.delete(i, 1);
      list.insert(i, [{ ...comment }]);
    }
  }
  const added = comments.filter((comment) => !seen.has(comment.id)).map((c) => ({ ...c }));
  if (added.length > 0) list.push(added);
};

const syncThreads = (map: Y.Map<unknown>, threads: readonly Thread[]): void => {
  const wanted = new Map(threads.map((thread) => [thread.id, thread]));
  for (const id of [...map.keys()]) if (!wanted.has(id)) map.delete(id);
  for (const thread of threads) {
    let entry = map.get(thread.id);
    if (!(entry instanceof Y.Map)) {
      entry = new Y.Map<unknown>();
      map.set(thread.id, entry);
    }
    const fields = entry as Y.Map<unknown>;
    for (const key of THREAD_SCALARS)
      if (fields.get(key) !== thread[key]) fields.set(key, thread[key]);
    let list = fields.get('comments');
    if (!(list instanceof Y.Array)) {
      list = new Y.Array<unknown>();
      fields.set('comments', list);
    }
    syncComments(list as Y.Array<unknown>, thread.comments);
  }
};

const syncSuggestions = (map: Y.Map<unknown>, suggestions: readonly SuggestionMeta[]): void => {
  const wanted = new Map(suggestions.map((meta) => [meta.id, meta]));
  for (const id of [...map.keys()]) if (!wanted.has(id)) map.delete(id);
  for (const meta of suggestions)
    if (!isDeepStrictEqual(map.get(meta.id), meta)) map.set(meta.id, { ...meta });
};

/**
 * Brings the document to the release's fields by diff, in one transaction: nothing that is
 * already there is touched, so it merges with what others did meanwhile. Answers whether the
 * document changed.
 */
export const syncDoc = (doc: Y.Doc, fields: ReleaseFields): boolean => {
  const p = parts(doc);
  let changed = false;
  const note = () => {
    changed = true;
  };
  doc.on('update', note);
  try {
    doc.transact(() => {
      syncText(p.headline, fields.headline);
      syncText(p.lead, fields.lead);
      syncBody(p.body, fields.body);
      syncThreads(p.threads, fields.review.threads);
      syncSuggestions(p.suggestions, fields.review.suggestions);
    });
  } finally {
    doc.off('update', note);
  }
  return changed;
};

/** A new document for a release, made from its JSON: the first time it goes into review. */
export const createDoc = (draft: Draft): Y.Doc => {
  const doc = new Y.Doc();
  doc.transact(() => {
    const { meta } = parts(doc);
    meta.set('releaseId', draft.id);
    meta.set('docId', randomUUID());
  });
  syncDoc(doc, fieldsOfDraft(draft));
  return doc;
};

export const docIdentity = (doc: Y.Doc): { releaseId: unknown; docId: unknown } => {
  const { meta } = parts(doc);
  return { releaseId: meta.get('releaseId'), docId: meta.get('docId') };
};

const threadOf = (id: string, value: unknown): unknown => {
  if (!(value instanceof Y.Map)) return { id };
  const fields = value as Y.Map<unknown>;
  const out: Record<string, unknown> = { id };
  for (const key of THREAD_SCALARS) out[key] = fields.get(key);
  const list = fields.get('comments');
  const seen = new Set<string>();
  // Two copies of one comment (the same file merged by two routes) are one comment.
  out['comments'] = (list instanceof Y.Array ? (list.toArray() as unknown[]) : []).filter(
    (comment) => {
      const cid = commentId(comment);
      if (cid === null || seen.has(cid)) return cid === null;
      seen.add(cid);
      return true;
    },
  );
  return out;
};

export class ReviewShapeError extends Error {}

const byTimeThenId = <T extends { id: string }>(at: (item: T) => string) => {
  return (a: T, b: T) => at(a).localeCompare(at(b)) || a.id.localeCompare(b.id);
};

/**
 * The threads and suggestion metas the document holds, checked by the review schema (a
 * document from a file may carry anything). Threads in the order they were opened,
 * suggestions in the order they were made: every copy lists them alike.
 */
export const reviewOf = (doc: Y.Doc): ReviewState => {
  const p = parts(doc);
  const threads = [...p.threads.entries()].map(([id, value]) => threadOf(id, value));
  const suggestions = [...p.suggestions.entries()].map(([id, value]) =>
    typeof value === 'object' && value !== null ? { ...value, id } : { id },
  );
  const parsed = ReviewStateSchema.safeParse({ threads, suggestions });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ReviewShapeError(
      `${issue?.path.map(String).join('.') || 'review'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  parsed.data.threads.sort(byTimeThenId((thread) => thread.createdAt));
  parsed.data.suggestions.sort(byTimeThenId((meta) => meta.at));
  return parsed.data;
};

/** What the document says the release is. Throws BodyShapeError or ReviewShapeError. */
export const fieldsOfDoc = (doc: Y.Doc): ReleaseFields => {
  const p = parts(doc);
  return {
    headline: p.headline.toString(),
    lead: p.lead.toString(),
    body: bodyOf(p.body),
    review: reviewOf(doc),
  };
};

/**
 * Whether the document holds, or once held, this thread or suggestion: a deleted key keeps
 * its last item in the map (its content collected), so a deletion by someone is told apart
 * from an id the document never knew.
 */
export const onceHeld = (doc: Y.Doc, kind: 'threads' | 'suggestions', id: string): boolean =>
  parts(doc)[kind]._map.has(id);

export const cloneDoc = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};
