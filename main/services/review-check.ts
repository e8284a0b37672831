import type * as Y from 'yjs';
import type { ReviewFile } from '../../shared/review-file';
import { activeMarkupIn, type ReviewState } from '../../shared/review';
import { ServiceError } from '../../shared/result';
import { checkBody } from './draft-checks';
import { docIdentity, fieldsOfDoc, onceHeld, type ReleaseFields } from './review-doc';
import { refuse } from './review-file-read';
import { sameBody } from './review-y-body';

// What a review file's parts must agree on before anything of it is kept.

/** The document's fields, or a refusal naming the file when they are not a release's. */
export const fieldsOrRefuse = (name: string, doc: Y.Doc, what: string): ReleaseFields => {
  let fields: ReleaseFields;
  try {
    fields = fieldsOfDoc(doc);
  } catch (error) {
    throw refuse(name, `${what} is not a release the editor can hold (${message(error)})`);
  }
  try {
    checkBody(fields.body);
  } catch (error) {
    throw refuse(name, `${what} is not a release the editor can hold (${message(error)})`);
  }
  return fields;
};

/**
 * Refuses a file that brings running markup into a review: the threads, comments and
 * suggestions it adds to `before` (none of what this store already held is judged again).
 */
export const refuseActiveMarkup = (
  name: string,
  review: ReviewState,
  before: ReviewState = { threads: [], suggestions: [] },
): void => {
  const knownComments = new Set(before.threads.flatMap((t) => t.comments.map((c) => c.id)));
  const knownThreads = new Set(before.threads.map((t) => t.id));
  const knownSuggestions = new Set(before.suggestions.map((s) => s.id));
  const added: ReviewState = {
    threads: review.threads
      .map((thread) => ({
        ...thread,
        quote: knownThreads.has(thread.id) ? '' : thread.quote,
        comments: thread.comments.filter((comment) => !knownComments.has(comment.id)),
      }))
      .filter((thread) => !knownThreads.has(thread.id) || thread.comments.length > 0),
    suggestions: review.suggestions.filter((suggestion) => !knownSuggestions.has(suggestion.id)),
  };
  const where = activeMarkupIn(added);
  if (where) throw refuse(name, `${where} contains a script or markup that runs`);
};

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

const ids = (review: ReviewState) => ({
  threads: review.threads.map((thread) => thread.id).sort(),
  suggestions: review.suggestions.map((meta) => meta.id).sort(),
});

/** The document says it is the release the file names. */
export const checkIdentity = (name: string, doc: Y.Doc, file: ReviewFile): void => {
  const { releaseId } = docIdentity(doc);
  if (releaseId !== file.release.id)
    throw refuse(
      name,
      `its parts disagree: the release is ${file.release.id} but its review history is of ${String(releaseId).slice(0, 64)}`,
    );
};

/** A sent file carries the whole document: the release beside it must be exactly what it holds. */
export const checkSentParts = (name: string, doc: Y.Doc, file: ReviewFile): ReleaseFields => {
  checkIdentity(name, doc, file);
  const fields = fieldsOrRefuse(name, doc, 'its review history');
  const { release } = file;
  const disagree = (part: string) =>
    refuse(name, `its parts disagree: the release's ${part} is not what its review history holds`);
  if (fields.headline !== release.headline) throw disagree('headline');
  if (fields.lead !== release.blocks.lead) throw disagree('summary');
  if (!sameBody(fields.body, release.body)) throw disagree('body');
  const inDoc = ids(fields.review);
  const inRelease = ids(release.review);
  if (inDoc.threads.join() !== inRelease.threads.join()) throw disagree('list of comments');
  if (inDoc.suggestions.join() !== inRelease.suggestions.join())
    throw disagree('list of suggestions');
  return fields;
};

/**
 * A returned file's release lists what the reviewer had: every thread and suggestion of it must
 * be in the merged document, or have been there and been deleted (by the author, meanwhile).
 */
export const checkReturnedParts = (
  name: string,
  merged: Y.Doc,
  fields: ReleaseFields,
  file: ReviewFile,
): void => {
  const present = ids(fields.review);
  const threads = new Set(present.threads);
  const suggestions = new Set(present.suggestions);
  for (const id of ids(file.release.review).threads)
    if (!threads.has(id) && !onceHeld(merged, 'threads', id))
      throw refuse(
        name,
        `its parts disagree: the release lists comment thread ${id}, which its review history does not hold`,
      );
  for (const id of ids(file.release.review).suggestions)
    if (!suggestions.has(id) && !onceHeld(merged, 'suggestions', id))
      throw refuse(
        name,
        `its parts disagree: the release lists suggestion ${id}, which its review history does not hold`,
      );
};

/** A check of the release made from a file, as the drafts service refuses it, named after the file. */
export const asRefusal = (name: string, error: unknown): unknown =>
  error instanceof ServiceError && error.code === 'INVALID_INPUT'
    ? refuse(name, `the release in it cannot be kept (${error.message})`)
    : error;

/** What came in, by whom: comments and suggestions the store did not have before. */
export const receivedBy = (
  before: ReviewState,
  after: ReviewState,
): { author: string; comments: number; suggestions: number }[] => {
  const oldComments = new Set(before.threads.flatMap((t) => t.comments.map((c) => c.id)));
  const oldSuggestions = new Set(before.suggestions.map((meta) => meta.id));
  const tally = new Map<string, { author: string; comments: number; suggestions: number }>();
  const of = (author: string) => {
    const entry = tally.get(author) ?? { author, comments: 0, suggestions: 0 };
    tally.set(author, entry);
    return entry;
  };
  for (const thread of after.threads)
    for (const comment of thread.comments)
      if (!oldComments.has(comment.id)) of(comment.author).comments += 1;
  for (const meta of after.suggestions)
    if (!oldSuggestions.has(meta.id)) of(meta.author).suggestions += 1;
  return [...tally.values()];
};
