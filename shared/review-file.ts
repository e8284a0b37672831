import { z } from 'zod';
import { AuthorNameSchema } from './review';
import { DraftIdSchema, DraftSchema } from './schemas';

/**
 * The `.newsroom-review` file: one JSON object, versioned. It carries the release as the sender
 * had it (what a store without the release imports, and what the other parts are checked
 * against) and the release's Yjs document, so the receiver merges with Yjs's merge:
 *
 * - `purpose: "send"` (author → reviewer): `update` is the whole document, `base` empty.
 * - `purpose: "return"` (reviewer → author): `update` is what the reviewer's document holds
 *   beyond `base`, the state vector of the document as it was sent.
 *
 * `update` and `base` are base64 (standard alphabet). The README documents the format.
 */
export const REVIEW_FILE_FORMAT = 'newsroom-review';
export const REVIEW_FILE_VERSION = 1;
export const REVIEW_FILE_EXTENSION = '.newsroom-review';
/** Files over this size are refused before they are parsed. */
export const REVIEW_FILE_MAX_BYTES = 20 * 1024 * 1024;

const Base64Schema = z
  .string()
  .max(REVIEW_FILE_MAX_BYTES)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64');

export const ReviewFileSchema = z
  .object({
    format: z.literal(REVIEW_FILE_FORMAT),
    version: z.literal(REVIEW_FILE_VERSION),
    purpose: z.enum(['send', 'return']),
    /** Who wrote the file, and when. */
    by: AuthorNameSchema,
    at: z.iso.datetime({ offset: true }),
    /** The release's revision in the sender's store when the file was written. */
    revision: z.number().int().nonnegative(),
    /** For a returned file: the revision of the author's release it was sent at. */
    sentRevision: z.number().int().nonnegative().nullable(),
    release: DraftSchema,
    base: Base64Schema,
    update: Base64Schema.min(1),
    /** SHA-256 (hex) of base, update and release: a damaged byte is refused, not merged. */
    digest: z.string().regex(/^[0-9a-f]{64}$/, 'is not a SHA-256 digest'),
  })
  .strict();
export type ReviewFile = z.infer<typeof ReviewFileSchema>;

const ByAuthorSchema = z.object({
  author: z.string(),
  comments: z.number(),
  suggestions: z.number(),
});

/** What opening a review file did, for the window's notice and the CLI's report. */
export const ReviewOpenResultSchema = z.discriminatedUnion('status', [
  z
    .object({
      status: z.literal('merged'),
      id: DraftIdSchema,
      headline: z.string(),
      /** Nothing new: the file had been opened before. */
      unchanged: z.boolean(),
      /** What came in that was not there before, by whom. */
      received: z.array(ByAuthorSchema),
    })
    .strict(),
  z.object({ status: z.literal('imported'), id: DraftIdSchema, headline: z.string() }).strict(),
  /** The store has no such release: the window asks before importing it (`asNew`). */
  z
    .object({ status: z.literal('unknown-release'), id: DraftIdSchema, headline: z.string() })
    .strict(),
]);
export type ReviewOpenResult = z.infer<typeof ReviewOpenResultSchema>;
