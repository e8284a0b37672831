import { createHash } from 'node:crypto';
import { ServiceError } from '../../shared/result';
import { activeMarkupIn, hasActiveMarkup } from '../../shared/review';
import {
  REVIEW_FILE_FORMAT,
  REVIEW_FILE_MAX_BYTES,
  REVIEW_FILE_VERSION,
  ReviewFileSchema,
  type ReviewFile,
} from '../../shared/review-file';

/**
 * The file's digest: SHA-256 over its review history (base and update) and the release it
 * carries, so a byte damaged on the way is caught before anything of it is merged.
 */
export const digestOf = (file: Pick<ReviewFile, 'base' | 'update' | 'release'>): string =>
  createHash('sha256')
    .update(file.base)
    .update('\n')
    .update(file.update)
    .update('\n')
    .update(JSON.stringify(file.release))
    .digest('hex');

/** A review file refused: names the file and says what is wrong with it. Changes nothing. */
export const refuse = (name: string, problem: string): ServiceError =>
  new ServiceError('INVALID_INPUT', `${name} cannot be opened: ${problem}. Nothing was changed.`);

const MB = 1024 * 1024;

const jsonProblem = (text: string, error: unknown): string => {
  const why = error instanceof Error ? error.message : String(error);
  // A file cut short ends inside a value: the parse fails at its very end.
  const position = Number(/at position (\d+)/.exec(why)?.[1] ?? Number.NaN);
  const atEnd = Number.isFinite(position) && position >= text.trimEnd().length - 1;
  if (atEnd || /end of (json )?input|unterminated|unexpected end/i.test(why) || text.trim() === '')
    return `it is incomplete (the file ends early: was it cut short while copying?)`;
  return `it is not a Newsroom review file (it is not JSON: ${why.slice(0, 120)})`;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The file's text as a review file, or a refusal: too large, not JSON, cut short, another
 * format or a newer version, or a part that does not fit its schema (ids that are not ids,
 * markup in a name or a comment, a release the store could not keep).
 */
export const readReviewFile = (name: string, text: string): ReviewFile => {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > REVIEW_FILE_MAX_BYTES)
    throw refuse(
      name,
      `it is ${(bytes / MB).toFixed(1)} MB, larger than the ${REVIEW_FILE_MAX_BYTES / MB} MB a review file may be`,
    );
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw refuse(name, jsonProblem(text, error));
  }
  if (!isRecord(data) || data['format'] !== REVIEW_FILE_FORMAT)
    throw refuse(name, 'it is not a Newsroom review file (its "format" is not "newsroom-review")');
  const version = data['version'];
  if (typeof version === 'number' && version > REVIEW_FILE_VERSION)
    throw refuse(
      name,
      `it was written by a newer version of Newsroom Editor (review file version ${version}; this version reads ${REVIEW_FILE_VERSION}). Update the editor to open it`,
    );
  if (version !== REVIEW_FILE_VERSION)
    throw refuse(
      name,
      `its version ${JSON.stringify(version)?.slice(0, 20)} is not one this editor reads`,
    );
  const parsed = ReviewFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.map(String).join('.') : 'the file';
    throw refuse(name, `${where} ${issue?.message ?? 'is not valid'}`);
  }
  const file = parsed.data;
  const markup = activeMarkupIn(file.release.review);
  if (markup) throw refuse(name, `${markup} contains a script or markup that runs`);
  if (hasActiveMarkup(file.by))
    throw refuse(name, 'the name of who wrote it contains a script or markup that runs');
  if (file.digest !== digestOf(file))
    throw refuse(
      name,
      'it was changed or damaged after it was written (its digest does not match its contents)',
    );
  return file;
};
