import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ServiceError } from '../../shared/result';

/** What our exporters name files: a date, a slug and an extension; nothing else passes. */
const SAFE_NAME = /^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9]+)+$/;

const codeOf = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

/** The file a name stands for inside `dir`; anything that could land elsewhere is refused. */
export const exportTarget = (dir: string, fileName: string): string => {
  const root = path.resolve(dir);
  const target = path.resolve(root, fileName);
  if (!SAFE_NAME.test(fileName) || path.dirname(target) !== root) {
    throw new ServiceError('INVALID_INPUT', `Refusing to write an export named "${fileName}"`);
  }
  return target;
};

export class FileExistsError extends ServiceError {
  constructor(readonly target: string) {
    super('IO_ERROR', `${target} already exists; pass --force (or confirm) to overwrite it`);
  }
}

/**
 * Writes one export. The content goes to a unique temporary file in the same folder first, so
 * a crash never leaves half a file under the real name. Then: with `force`, a rename replaces
 * whatever was there; without, a hard link publishes the file only if the name is free (link
 * fails with EEXIST atomically, where check-then-write could race). Where the file system has
 * no hard links (FAT, some network shares) an exclusive create does the same job.
 */
export const writeExportFile = async (
  dir: string,
  fileName: string,
  content: string,
  force: boolean,
): Promise<string> => {
  const target = exportTarget(dir, fileName);
  const temp = path.join(
    path.dirname(target),
    `.${fileName}.${randomBytes(6).toString('hex')}.tmp`,
  );
  await fs.writeFile(temp, content, { encoding: 'utf8', flag: 'wx' });
  try {
    if (force) {
      await fs.rename(temp, target);
      return target;
    }
    try {
      await fs.link(temp, target);
    } catch (error) {
      const code = codeOf(error);
      if (code === 'EEXIST') throw new FileExistsError(target);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') {
        throw error;
      }
      await fs.writeFile(target, content, { encoding: 'utf8', flag: 'wx' }).catch((e: unknown) => {
        throw codeOf(e) === 'EEXIST' ? new FileExistsError(target) : e;
      });
    }
    return target;
  } finally {
    await fs.rm(temp, { force: true });
  }
};
