import { ServiceError } from '../../shared/result';
import { describeError, errorCode } from './durable-write';

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is used up',
  EROFS: 'the store is on a read-only disk',
  EACCES: 'the store folder may not be written to (permission denied)',
  EPERM: 'the store folder may not be written to (operation not permitted)',
  EIO: 'the disk reported an input/output error',
  EMFILE: 'too many files are open',
};

/**
 * Turns a filesystem failure into something the user can act on; our own errors pass through.
 * The previous version on disk is intact (every write goes to a temp file first), and the window
 * keeps the text and retries, which the message says so nobody panics.
 */
/** `the disk is full (ENOSPC: no space left on device…)`: plain words first, details after. */
export const ioReason = (error: unknown): string => {
  const code = errorCode(error);
  const known = code ? REASONS[code] : undefined;
  return known ? `${known} (${describeError(error)})` : describeError(error);
};

const READ_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'the disk reported an input/output error',
  EISDIR: 'a folder stands where the file should be',
  EMFILE: 'too many files are open',
};

/** Why a file could not be read, in words, with the system's own message after. */
export const readReason = (error: unknown): string => {
  const code = errorCode(error);
  const known = code ? READ_REASONS[code] : undefined;
  return known ? `${known} (${describeError(error)})` : describeError(error);
};

/** The disk has no room left: the store can still be read, not written. */
export const isFullDisk = (error: unknown): boolean => {
  const code = errorCode(error);
  return code === 'ENOSPC' || code === 'EDQUOT';
};

export const asSaveError = (error: unknown, what: string): Error => {
  if (error instanceof ServiceError) return error;
  const reason = ioReason(error);
  return new ServiceError(
    'IO_ERROR',
    `Could not save ${what}: ${reason}. ` +
      'The last saved version is intact; your changes are kept in the window and saved again automatically.',
  );
};
