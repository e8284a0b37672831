import { z } from 'zod';
import type { RichNode } from './schemas';

/**
 * Review: comment threads and suggested changes, kept with the release. The body holds only
 * marks carrying ids (a `comment` mark with a thread id; `insertion`, `deletion` and
 * `modification` marks with a suggestion id, from @handlewithcare/prosemirror-suggest-changes);
 * who wrote what, and when, lives here beside it, so a mark never carries more than an id.
 */

/** Mark names in the body. The suggestion names are the package's: it finds its marks by name. */
export const COMMENT_MARK = 'comment';
export const SUGGESTION_MARKS = ['insertion', 'deletion', 'modification'] as const;
export type SuggestionMarkName = (typeof SUGGESTION_MARKS)[number];

/** A review id: a letter for what it names (t thread, c comment, s suggestion), a dash, random. */
export const ReviewIdSchema = z
  .string()
  .regex(/^[tcs]-[a-z0-9]{8,40}$/, 'is not a review id (t-, c- or s- and 8–40 letters or digits)');
export type ReviewId = z.infer<typeof ReviewIdSchema>;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh id, random enough that two reviewers' stores never mint the same one. */
export const newReviewId = (kind: 't' | 'c' | 's'): ReviewId => {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let id = `${kind}-`;
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length] ?? 'a';
  return id;
};

/**
 * Markup that runs (a script or similar element, an event handler inside a tag, a javascript:
 * address). Review text is always shown as text, and an officer may well write "JavaScript: 62%"
 * or "use <b> here" in a comment, so saves never refuse it; a review file bringing it in from
 * outside is refused at the file's border (activeMarkupIn), so a forged file says what it is.
 */
const ACTIVE_MARKUP =
  /<\s*\/?\s*(script|iframe|object|embed|style|link|meta|svg|img|form|base)\b|<[^>]*\son[a-z]+\s*=|javascript:\S/i;
export const hasActiveMarkup = (text: string): boolean => ACTIVE_MARKUP.test(text);

/** The first text of a review that carries running markup, named, or null. */
export const activeMarkupIn = (review: ReviewState): string | null => {
  for (const thread of review.threads) {
    if (hasActiveMarkup(thread.author)) return `the name of a comment's author (${thread.id})`;
    if (hasActiveMarkup(thread.quote)) return `a quoted passage (${thread.id})`;
    for (const comment of thread.comments)
      if (hasActiveMarkup(comment.author) || hasActiveMarkup(comment.text))
        return `a comment (${comment.id})`;
  }
  for (const suggestion of review.suggestions)
    if (
      hasActiveMarkup(suggestion.author) ||
      hasActiveMarkup(suggestion.text) ||
      hasActiveMarkup(suggestion.previous ?? '')
    )
      return `a suggestion (${suggestion.id})`;
  return null;
};

export const AuthorNameSchema = z
  .string()
  .max(120)
  .transform((name) => name.trim())
  .pipe(z.string().min(1, 'the name is empty'));

const TimestampSchema = z.iso.datetime({ offset: true });

export const ReviewCommentSchema = z.object({
  id: ReviewIdSchema,
  author: AuthorNameSchema,
  at: TimestampSchema,
  text: z.string().max(10_000).pipe(z.string().trim().min(1, 'a comment is empty')),
});
export type ReviewComment = z.infer<typeof ReviewCommentSchema>;

export const ThreadSchema = z.object({
  id: ReviewIdSchema,
  /** The words the thread was opened on, as they were then: shown when its text is gone. */
  quote: z.string().max(2_000),
  author: AuthorNameSchema,
  createdAt: TimestampSchema,
  resolved: z.boolean(),
  resolvedBy: AuthorNameSchema.nullable().default(null),
  resolvedAt: TimestampSchema.nullable().default(null),
  comments: z.array(ReviewCommentSchema).min(1).max(500),
});
export type Thread = z.infer<typeof ThreadSchema>;

/** Where a suggestion sits: the body (as marks), or a whole field proposed anew. */
export const SuggestionFieldSchema = z.enum(['body', 'headline', 'lead']);
export type SuggestionField = z.infer<typeof SuggestionFieldSchema>;

export const SuggestionKindSchema = z.enum(['insert', 'delete', 'format', 'replace']);
export type SuggestionKind = z.infer<typeof SuggestionKindSchema>;

export const SuggestionMetaSchema = z.object({
  id: ReviewIdSchema,
  author: AuthorNameSchema,
  at: TimestampSchema,
  field: SuggestionFieldSchema.default('body'),
  kind: SuggestionKindSchema,
  /** The text it inserts, deletes or reformats (body), or the proposed value (headline, lead). */
  text: z.string().max(20_000),
  /** For a headline or lead suggestion: the value it was proposed against. */
  previous: z.string().max(20_000).nullable().default(null),
});
export type SuggestionMeta = z.infer<typeof SuggestionMetaSchema>;

export const ReviewStateSchema = z.object({
  threads: z.array(ThreadSchema).max(2_000).default([]),
  /**
   * Every suggestion still open. A body suggestion is open while its marks are in the body;
   * a field suggestion while it is listed here. Accepting or rejecting removes it.
   */
  suggestions: z.array(SuggestionMetaSchema).max(5_000).default([]),
});
export type ReviewState = z.infer<typeof ReviewStateSchema>;

export const emptyReview = (): ReviewState => ({ threads: [], suggestions: [] });

const markId = (mark: { attrs?: Record<string, unknown> | undefined }, key: string) => {
  const value = mark.attrs?.[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
};

export interface SuggestionInBody {
  id: string;
  kind: SuggestionKind;
  /** Its text as it stands in the body: what it inserts (or deletes, for a deletion). */
  text: string;
  /** For a replacement: the text it takes out. */
  previous?: string;
}

type MarkKind = 'insertion' | 'deletion' | 'modification';
interface Pieces {
  id: string;
  insertion: string;
  deletion: string;
  modification: string;
  seen: Set<MarkKind>;
}

const isSuggestionMark = (type: string): type is SuggestionMarkName =>
  (SUGGESTION_MARKS as readonly string[]).includes(type);

/**
 * What one id's marks amount to. The package records a replacement (and, in 0.1.8, a change
 * of formatting) as a deletion and an insertion under one id: the same words on both sides
 * is a change of formatting, different words a replacement.
 */
const summarise = (pieces: Pieces): SuggestionInBody => {
  const { id, insertion, deletion, modification, seen } = pieces;
  if (seen.has('insertion') && seen.has('deletion'))
    return insertion === deletion
      ? { id, kind: 'format', text: insertion }
      : { id, kind: 'replace', text: insertion, previous: deletion };
  if (seen.has('insertion')) return { id, kind: 'insert', text: insertion };
  if (seen.has('deletion')) return { id, kind: 'delete', text: deletion };
  return { id, kind: 'format', text: modification };
};

/**
 * The suggestion and comment marks in a body, in document order: one walk, no recursion (a
 * body is bounded, but its depth is the officer's). The text of a suggestion is joined across
 * every piece the mark covers; a zero-width space the package uses at block joins is dropped.
 */
export const reviewMarksIn = (
  body: RichNode,
): { suggestions: Map<string, SuggestionInBody>; comments: Map<string, string> } => {
  const pieces = new Map<string, Pieces>();
  const comments = new Map<string, string>();
  const piecesOf = (id: string): Pieces => {
    const found = pieces.get(id) ?? {
      id,
      insertion: '',
      deletion: '',
      modification: '',
      seen: new Set<MarkKind>(),
    };
    pieces.set(id, found);
    return found;
  };
  type Held = { pieces: Pieces; kind: MarkKind };
  const stack: { node: RichNode; held: readonly Held[] }[] = [{ node: body, held: [] }];
  while (stack.length > 0) {
    const { node, held } = stack.pop() ?? { node: body, held: [] };
    const own: Held[] = [];
    for (const mark of node.marks ?? []) {
      if (isSuggestionMark(mark.type)) {
        const id = markId(mark, 'id');
        if (id === null) continue;
        const found = piecesOf(id);
        found.seen.add(mark.type);
        own.push({ pieces: found, kind: mark.type });
      } else if (mark.type === COMMENT_MARK && node.text !== undefined) {
        const id = markId(mark, 'threadId');
        if (id !== null) comments.set(id, (comments.get(id) ?? '') + node.text);
      }
    }
    if (node.text !== undefined) {
      const text = node.text.replace(/\u200b/g, '');
      for (const { pieces: found, kind } of [...held, ...own]) found[kind] += text;
      continue;
    }
    const children = node.content ?? [];
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i];
      if (child) stack.push({ node: child, held: own.length > 0 ? [...held, ...own] : held });
    }
  }
  const suggestions = new Map<string, SuggestionInBody>();
  for (const [id, found] of pieces) suggestions.set(id, summarise(found));
  return { suggestions, comments };
};

export interface OpenReview {
  /** Suggestions not yet accepted or rejected: in the body and on the headline or lead. */
  suggestions: number;
  /** Threads not resolved, attached or detached. */
  threads: number;
}

export const openReview = (body: RichNode, review: ReviewState): OpenReview => {
  const inBody = reviewMarksIn(body).suggestions.size;
  const onFields = review.suggestions.filter((s) => s.field !== 'body').length;
  return {
    suggestions: inBody + onFields,
    threads: review.threads.filter((thread) => !thread.resolved).length,
  };
};

/**
 * A colour an author keeps in every window and store: picked from their name, from eight
 * that read on both themes and stay apart for the colour-blind (Okabe–Ito, darkened).
 */
const AUTHOR_COLOURS = [
  '#0060a8',
  '#b35900',
  '#007a5a',
  '#a6296b',
  '#5c4db1',
  '#8a6d00',
  '#2f6f8f',
  '#9c3d2a',
] as const;

export const authorColour = (name: string): string => {
  let hash = 0;
  for (const char of name.trim().toLowerCase())
    hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return AUTHOR_COLOURS[hash % AUTHOR_COLOURS.length] ?? AUTHOR_COLOURS[0];
};

/** A body without its comment marks: what copy, paste and every export see. */
export const withoutCommentMarks = (body: RichNode): RichNode => {
  const strip = (node: RichNode): RichNode => {
    const marks = node.marks?.filter((mark) => mark.type !== COMMENT_MARK);
    return {
      ...node,
      ...(node.marks ? { marks: marks && marks.length > 0 ? marks : undefined } : {}),
      ...(node.content ? { content: node.content.map(strip) } : {}),
    };
  };
  return strip(body);
};
