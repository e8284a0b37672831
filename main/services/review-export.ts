import * as Y from 'yjs';
import type { ChannelArgs, ChannelOutput } from '../../shared/contract';
import { exportBaseName } from '../../shared/export/file-name';
import { ServiceError } from '../../shared/result';
import {
  REVIEW_FILE_EXTENSION,
  REVIEW_FILE_FORMAT,
  REVIEW_FILE_MAX_BYTES,
  REVIEW_FILE_VERSION,
  ReviewFileSchema,
  type ReviewFile,
} from '../../shared/review-file';
import type { ReviewDeps } from './review-deps';
import { digestOf } from './review-file-read';

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/**
 * The release as a `.newsroom-review` file. `send` carries its whole review document; `return`
 * only what this copy holds beyond the document as it arrived (`base`), so the author's copy
 * merges it with what the author wrote meanwhile. A release goes into review here: from now on
 * every save keeps its document.
 */
export const exportReviewFile = async (
  deps: ReviewDeps,
  { id, purpose, by }: ChannelArgs<'review:export'>,
): Promise<ChannelOutput<'review:export'>> => {
  const draft = await deps.drafts.get(id);
  const clock = deps.clock ?? (() => new Date());
  const file = await deps.reviewDocs.use(draft, (stored): Omit<ReviewFile, 'digest'> => {
    const base = purpose === 'return' ? stored.base : null;
    const update = base
      ? Y.encodeStateAsUpdate(stored.doc, base)
      : Y.encodeStateAsUpdate(stored.doc);
    return {
      format: REVIEW_FILE_FORMAT,
      version: REVIEW_FILE_VERSION,
      purpose,
      by,
      at: clock().toISOString(),
      revision: draft.revision,
      sentRevision: purpose === 'return' ? stored.sentRevision : null,
      release: draft,
      base: base ? toBase64(base) : '',
      update: toBase64(update),
    };
  });
  // Checked as the receiver will check it: a file this editor writes, this editor opens.
  const parsed = ReviewFileSchema.omit({ digest: true }).parse(file);
  const content = `${JSON.stringify({ ...parsed, digest: digestOf(parsed) }, null, 1)}\n`;
  if (Buffer.byteLength(content, 'utf8') > REVIEW_FILE_MAX_BYTES)
    throw new ServiceError(
      'INVALID_INPUT',
      `“${draft.headline || 'Untitled release'}” makes a review file larger than ${REVIEW_FILE_MAX_BYTES / (1024 * 1024)} MB, more than a review file may be.`,
    );
  return { fileName: `${exportBaseName(draft)}${REVIEW_FILE_EXTENSION}`, content };
};
