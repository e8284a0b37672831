import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { describeError, errorCode, syncDirectory, writeFileDurably } from './durable-write';

/** The store's record of the files `newsroom import` brought in: one small file per source. */
export const IMPORT_LEDGER_DIR = 'import-ledger';

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

const ImportRecordSchema = z.object({
  version: z.literal(1),
  /** The file's name without its folder: the same file moved elsewhere is the same file. */
  fileName: z.string().min(1),
  sha256: Sha256Schema,
  /** The path it was imported from, for people reading the record. */
  source: z.string(),
  /** Null while the import is under way; the release's id once it is in the store. */
  id: z.string().min(1).nullable(),
  startedAt: z.iso.datetime(),
  importedAt: z.iso.datetime().nullable(),
});
export type ImportRecord = z.infer<typeof ImportRecordSchema>;

export const contentHash = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

export interface FoundRecord {
  record: ImportRecord | null;
  /** Set when a record exists but cannot be read: the file counts as not imported. */
  problem?: string;
}

/**
 * Which source files are in this store, keyed by file name and content hash, so a rerun of the
 * same folder skips what it already brought in.
 *
 * One file per source rather than one list: recording an import costs the same in a store that
 * holds ten imports or ten thousand, and each record is written like every store file (unique
 * temp file, fsync, rename, fsync the folder), so a kill leaves it whole or absent.
 *
 * An import is recorded twice: as started before the release is written, and with the release's
 * id after. A kill between the two leaves a started record, which tells the next run when to look
 * for a release that may have landed (see `newsroom import`).
 */
export class ImportLedger {
  private readonly dir: string;
  private ready: Promise<void> | null = null;

  constructor(storeDir: string) {
    this.dir = path.join(storeDir, IMPORT_LEDGER_DIR);
  }

  private fileFor(fileName: string, sha256: string): string {
    const key = createHash('sha256').update(`${fileName}\0${sha256}`).digest('hex');
    return path.join(this.dir, `${key}.json`);
  }

  private ensureDir(): Promise<void> {
    this.ready ??= (async () => {
      const created = await fs.mkdir(this.dir, { recursive: true });
      // A new folder's own name must reach the disk too, or its records may vanish with it.
      if (created !== undefined) await syncDirectory(path.dirname(this.dir));
    })().catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  async find(fileName: string, sha256: string): Promise<FoundRecord> {
    const file = this.fileFor(fileName, sha256);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { record: null };
      return { record: null, problem: `cannot read ${file}: ${describeError(error)}` };
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { record: null, problem: `${file} is not valid JSON: ${describeError(error)}` };
    }
    const parsed = ImportRecordSchema.safeParse(data);
    if (!parsed.success || parsed.data.fileName !== fileName || parsed.data.sha256 !== sha256) {
      return { record: null, problem: `${file} is not an import record` };
    }
    return { record: parsed.data };
  }

  private async write(record: ImportRecord): Promise<void> {
    await this.ensureDir();
    await writeFileDurably(
      this.fileFor(record.fileName, record.sha256),
      `${JSON.stringify(ImportRecordSchema.parse(record), null, 2)}\n`,
    );
  }

  /** Before the release is written: an import of this file is under way. */
  begin(fileName: string, sha256: string, source: string, at: Date): Promise<void> {
    return this.write({
      version: 1,
      fileName,
      sha256,
      source,
      id: null,
      startedAt: at.toISOString(),
      importedAt: null,
    });
  }

  /** After the release is in the store: this file is release `id`. */
  finish(record: Omit<ImportRecord, 'version' | 'importedAt'>, at: Date): Promise<void> {
    return this.write({ ...record, version: 1, importedAt: at.toISOString() });
  }

  /** The import did not happen after all (the store refused the release). */
  async forget(fileName: string, sha256: string): Promise<void> {
    await fs.rm(this.fileFor(fileName, sha256), { force: true });
  }
}
