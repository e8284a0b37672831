import { randomBytes } from 'node:crypto';
// Called through the module object (not destructured) so tests can make one step fail.
import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { ServiceError } from '../../shared/result';

/**
 * A store file that exists but cannot be trusted. It is reported, never replaced with defaults:
 * the user's words may still be in it.
 */
export class CorruptFileError extends ServiceError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super('CORRUPT_FILE', `The store file ${path} is damaged (${reason}); it was left untouched.`);
    this.name = 'CorruptFileError';
  }
}

const errorCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Platforms that cannot fsync a directory say so with one of these; the rename still stands. */
const UNSUPPORTED_DIR_SYNC = new Set(['EINVAL', 'EISDIR', 'EPERM', 'EACCES']);

const syncDirectory = async (dir: string): Promise<void> => {
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

export const serializeJson = (data: unknown): string => `${JSON.stringify(data, null, 2)}\n`;

/**
 * lowdb adapter for one JSON file that survives crashes and power loss: every write goes to a
 * uniquely named temp file, is flushed to disk, and replaces the target with an atomic rename.
 * lowdb's own writer (steno) skips the fsyncs and reuses one temp name, so two writers collide.
 */
export class AtomicJsonFile<T> implements Adapter<T> {
  constructor(
    readonly filePath: string,
    private readonly schema?: z.ZodType<T>,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await fs.readFile(this.filePath, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new CorruptFileError(this.filePath, `not valid JSON: ${describe(error)}`);
    }
    if (!this.schema) return data as T;
    const parsed = this.schema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.map(String).join('.') : 'top level';
      throw new CorruptFileError(
        this.filePath,
        `unexpected content at ${where}: ${issue?.message ?? 'invalid'}`,
      );
    }
    return parsed.data;
  }

  async write(data: T): Promise<void> {
    // Refuse to write what this adapter could not read back: that would corrupt the file ourselves.
    if (this.schema) {
      const parsed = this.schema.safeParse(data);
      if (!parsed.success) {
        throw new Error(`Refusing to write ${this.filePath}: ${parsed.error.issues[0]?.message}`);
      }
    }
    const text = serializeJson(data);
    const dir = path.dirname(this.filePath);
    const tempPath = path.join(
      dir,
      `.${path.basename(this.filePath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
    );
    try {
      const handle = await fs.open(tempPath, 'wx', 0o644);
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(tempPath, this.filePath);
    } catch (error) {
      await fs.rm(tempPath, { force: true }).catch(() => undefined);
      throw error;
    }
    // Without this the rename itself may be lost on power failure, bringing the old file back.
    await syncDirectory(dir);
  }
}
