import fs from 'node:fs/promises';
import path from 'node:path';
import { ServiceError } from '../../shared/result';
import type { CorruptFileError } from './atomic-json-file';
import { syncDirectory } from './durable-write';
import { ioReason } from './save-errors';

/** `2026-11-27T22:50:00Z`, with colons swapped for dashes so every file system accepts it. */
export const fileStamp = (date: Date): string =>
  date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');

/** Suffix every quarantined file carries, so `check` and the scans can tell them apart. */
export const QUARANTINE_MARK = '.corrupt-';

/**
 * Moves a damaged file aside under a name that says when and why
 * (`drafts/<id>.json.corrupt-2026-11-27T22-50-00Z-not-json`), so nothing ever overwrites it and
 * a person can still rescue what is in it. Answers the new path.
 */
export const quarantine = async (
  error: CorruptFileError,
  now: Date = new Date(),
): Promise<string> => {
  const base = `${error.path}${QUARANTINE_MARK}${fileStamp(now)}-${error.kind}`;
  let target = base;
  // Two failures of one file within a second must not overwrite the first damaged copy.
  for (let n = 2; await exists(target); n += 1) target = `${base}-${n}`;
  try {
    await fs.rename(error.path, target);
    await syncDirectory(path.dirname(target));
  } catch (cause) {
    throw new ServiceError(
      'IO_ERROR',
      `${error.path} is damaged (${error.reason}) and could not be moved aside: ${ioReason(cause)}.`,
    );
  }
  return target;
};

const exists = async (file: string): Promise<boolean> =>
  fs.access(file).then(
    () => true,
    () => false,
  );
