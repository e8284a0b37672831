import { randomBytes } from 'node:crypto';
// Called through the module object (not destructured) so tests can make one step fail.
import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';

export const errorCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

export const describeError = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Platforms that cannot fsync a directory say so with one of these; the rename still stands. */
const UNSUPPORTED_DIR_SYNC = new Set(['EINVAL', 'EISDIR', 'EPERM', 'EACCES']);

export const syncDirectory = async (dir: string): Promise<void> => {
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!UNSUPPORTED_DIR_SYNC.has(errorCode(error) ?? '')) throw error;
  } finally {
    await handle?.close();
  }
};

/** What the library index remembers of a file, to notice later that it changed behind its back. */
export interface FileStamp {
  mtimeMs: number;
  size: number;
}

/**
 * Replaces `filePath` with `text` so that a crash or power loss leaves either the old or the new
 * content, never a mix: unique temp file in the same folder, fsync, rename, fsync the folder.
 * Resolves only once the new content is on disk.
 */
export const writeFileDurably = async (filePath: string, text: string): Promise<FileStamp> => {
  const dir = path.dirname(filePath);
  const tempPath = path.join(
    dir,
    `.${path.basename(filePath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  let stamp: FileStamp;
  try {
    const handle = await fs.open(tempPath, 'wx', 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
      // The rename keeps the inode, so this is the stamp the target will carry.
      const stat = await handle.stat();
      stamp = { mtimeMs: stat.mtimeMs, size: stat.size };
    } finally {
      await handle.close();
    }
    await fs.rename(tempPath, filePath);
  } catch (error) {
    await fs.rm(tempPath, { force: true }).catch(() => undefined);
    throw error;
  }
  // Without this the rename itself may be lost on power failure, bringing the old file back.
  await syncDirectory(dir);
  return stamp;
};

/** Leftover temp files of writes that were cut short; never the store's own data. */
export const isTempFile = (name: string): boolean => name.startsWith('.') && name.endsWith('.tmp');
