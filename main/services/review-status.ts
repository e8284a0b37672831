import { reviewMarksIn, type SuggestionKind } from '../../shared/review';
import type { Draft } from '../../shared/schemas';

/** A release's review as pipelines read it (`newsroom review status --json`). */
export interface ReviewStatus {
  id: string;
  headline: string;
  threads: {
    id: string;
    author: string;
    quote: string;
    resolved: boolean;
    /** Comments after the first. */
    replies: number;
    /** Its words are gone from the body: the thread is kept, shown as detached. */
    detached: boolean;
    comments: { id: string; author: string; at: string; text: string }[];
  }[];
  suggestions: {
    id: string;
    author: string;
    field: 'body' | 'headline' | 'lead';
    kind: SuggestionKind;
    text: string;
    /** A body suggestion whose marks are gone (its words were changed or deleted by someone). */
    detached: boolean;
  }[];
}

/**
 * Threads and suggestions of a release. A body suggestion's kind and text are read from its
 * marks, as they stand now; one with marks but no meta (made before authors were kept) is
 * listed with an empty author.
 */
export const reviewStatusOf = (draft: Draft): ReviewStatus => {
  const marks = reviewMarksIn(draft.body);
  const listed = new Set(draft.review.suggestions.map((meta) => meta.id));
  return {
    id: draft.id,
    headline: draft.headline,
    threads: draft.review.threads.map((thread) => ({
      id: thread.id,
      author: thread.author,
      quote: thread.quote,
      resolved: thread.resolved,
      replies: thread.comments.length - 1,
      detached: !marks.comments.has(thread.id),
      comments: thread.comments.map(({ id, author, at, text }) => ({ id, author, at, text })),
    })),
    suggestions: [
      ...draft.review.suggestions.map((meta) => {
        const inBody = meta.field === 'body' ? marks.suggestions.get(meta.id) : undefined;
        return {
          id: meta.id,
          author: meta.author,
          field: meta.field,
          kind: inBody?.kind ?? meta.kind,
          text: inBody?.text ?? meta.text,
          detached: meta.field === 'body' && !inBody,
        };
      }),
      ...[...marks.suggestions.values()]
        .filter((found) => !listed.has(found.id))
        .map((found) => ({
          id: found.id,
          author: '',
          field: 'body' as const,
          kind: found.kind,
          text: found.text,
          detached: false,
        })),
    ],
  };
};
