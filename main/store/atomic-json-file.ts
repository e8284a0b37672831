import fs from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { ServiceError } from '../../shared/result';
import { describeError, errorCode, writeFileDurably, type FileStamp } from './durable-write';
import { readReason } from './save-errors';

/**
 * A store file that exists but cannot be trusted. It is reported, never replaced with defaults:
 * the user's words may still be in it.
 */
export class CorruptFileError extends ServiceError {
  constructor(
    readonly path: string,
    readonly reason: string,
    /** A short tag for file names: `empty`, `not-json`, `wrong-shape`, `folder`, `unreadable`. */
    readonly kind: 'empty' | 'not-json' | 'wrong-shape' | 'folder' | 'unreadable' = 'not-json',
  ) {
    super('CORRUPT_FILE', `The store file ${path} is damaged (${reason}); it was left untouched.`);
    this.name = 'CorruptFileError';
  }
}

/** Read errors that make a file as useless as a damaged one: it is set aside and rebuilt the same way. */
const UNREADABLE = new Set(['EACCES', 'EPERM', 'EIO']);

/**
 * A store file's text, or null when there is none. A folder standing where the file should be,
 * or a file that may not be read, is a CorruptFileError like a damaged one, so every caller
 * that can rebuild or restore a damaged file does the same for these; any other failure names
 * the file and says what happened in words.
 */
export const readStoreText = async (filePath: string): Promise<string | null> => {
  try {
    return await fs.readFile(filePath, 'utf8');
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return null;
    if (code === 'EISDIR') {
      throw new CorruptFileError(filePath, 'a folder stands where the file should be', 'folder');
    }
    if (UNREADABLE.has(code ?? '')) {
      throw new CorruptFileError(filePath, `it cannot be read: ${readReason(error)}`, 'unreadable');
    }
    throw new ServiceError(
      'IO_ERROR',
      `The file ${filePath} could not be read: ${readReason(error)}.`,
    );
  }
};

export const serializeJson = (data: unknown): string => `${JSON.stringify(data, null, 2)}\n`;

/** Parses a store file's text, or says precisely why it cannot be trusted. */
export const parseJsonText = <T>(filePath: string, text: string, schema?: z.ZodType<T>): T => {
  if (text.trim() === '') throw new CorruptFileError(filePath, 'the file is empty', 'empty');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CorruptFileError(filePath, `not valid JSON: ${describeError(error)}`, 'not-json');
  }
  if (!schema) return data as T;
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.map(String).join('.') : 'top level';
    throw new CorruptFileError(
      filePath,
      `unexpected content at ${where}: ${issue?.message ?? 'invalid'}`,
      'wrong-shape',
    );
  }
  return parsed.data;
};

/**
 * lowdb adapter for one JSON file that survives crashes and power loss (see writeFileDurably).
 * lowdb's own writer (steno) skips the fsyncs and reuses one temp name, so two writers collide.
 */
export class AtomicJsonFile<T> implements Adapter<T> {
  constructor(
    readonly filePath: string,
    private readonly schema?: z.ZodType<T>,
  ) {}

  async read(): Promise<T | null> {
    const text = await readStoreText(this.filePath);
    return text === null ? null : parseJsonText(this.filePath, text, this.schema);
  }

  async write(data: T): Promise<void> {
    await this.writeStamped(data);
  }

  /** Writes durably and answers the new file's stamp, which the library index records. */
  async writeStamped(data: T): Promise<FileStamp> {
    return writeFileDurably(this.filePath, this.serialize(data));
  }

  /** The exact text a write would put on disk; refuses what this adapter could not read back. */
  serialize(data: T): string {
    if (this.schema) {
      const parsed = this.schema.safeParse(data);
      if (!parsed.success) {
        throw new Error(`Refusing to write ${this.filePath}: ${parsed.error.issues[0]?.message}`);
      }
    }
    return serializeJson(data);
  }
}
