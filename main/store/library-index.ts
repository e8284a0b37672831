import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DraftIdSchema, DraftSummarySchema, type DraftSummary } from '../../shared/schemas';
import { AtomicJsonFile, CorruptFileError, readStoreText } from './atomic-json-file';
import { LIBRARY_FILE, LIBRARY_LOG } from './store-info';

/** A draft's summary and the stamp of the file it was taken from. */
export const IndexEntrySchema = z.object({
  summary: DraftSummarySchema,
  mtimeMs: z.number(),
  size: z.number().int().nonnegative(),
});
export type IndexEntry = z.infer<typeof IndexEntrySchema>;

export const LibraryFileSchema = z
  .object({
    format: z.literal(2),
    /** Log lines of older generations were folded into this file already. */
    generation: z.number().int().nonnegative(),
    drafts: z.record(DraftIdSchema, IndexEntrySchema),
  })
  .refine(
    (library) => Object.entries(library.drafts).every(([id, entry]) => id === entry.summary.id),
    { message: 'a summary is filed under another id' },
  );
export type LibraryFile = z.infer<typeof LibraryFileSchema>;

/** One change to the index: a draft's new entry, or null when it left the store. */
export const LogLineSchema = z.object({
  g: z.number().int().nonnegative(),
  id: DraftIdSchema,
  e: IndexEntrySchema.nullable(),
});

/** The log is folded into library.json once it holds more lines than this (or than drafts). */
const COMPACT_AFTER_LINES = 1000;

export interface LoadedLog {
  /** Lines of this generation, in order; a torn last line (a crash mid-append) is left out. */
  lines: z.infer<typeof LogLineSchema>[];
  damaged: boolean;
}

/** Reads library.log; lines that do not parse mark it damaged instead of failing the open. */
export const readLog = async (file: string, generation: number): Promise<LoadedLog> => {
  // A folder in its place, or a log that may not be read, throws CorruptFileError.
  const text = await readStoreText(file);
  if (text === null) return { lines: [], damaged: false };
  const lines: z.infer<typeof LogLineSchema>[] = [];
  let damaged = false;
  for (const raw of text.split('\n')) {
    if (raw === '') continue;
    try {
      const line = LogLineSchema.parse(JSON.parse(raw));
      if (line.g === generation) lines.push(line);
    } catch {
      damaged = true;
    }
  }
  return { lines, damaged };
};

/**
 * The library: every draft's summary, so the list never reads a draft body. A save appends one
 * line to library.log (its cost does not grow with the store); the log is folded into
 * library.json now and then, and at close. Neither is the truth: the draft files are, and the
 * index is checked against them after a crash (see library-scan.ts).
 */
export class LibraryIndex {
  private log: FileHandle | null = null;
  private chain: Promise<void> = Promise.resolve();
  private logLines = 0;
  /** An append failed (disk full…): the index on disk lags and must be rewritten. */
  private lagging = false;

  private constructor(
    private readonly dir: string,
    readonly entries: Map<string, IndexEntry>,
    private generation: number,
  ) {}

  static empty(dir: string): LibraryIndex {
    return new LibraryIndex(dir, new Map(), 0);
  }

  /**
   * Loads library.json and replays library.log. Throws CorruptFileError for a damaged
   * library.json (the caller quarantines it and rebuilds); a damaged log only says so.
   */
  static async load(dir: string): Promise<{
    index: LibraryIndex;
    missing: boolean;
    logDamaged: boolean;
    logLines: number;
    /** library.log is a folder or may not be read: it must be set aside before anything appends. */
    logUnreadable: CorruptFileError | null;
  }> {
    const stored = await new AtomicJsonFile(path.join(dir, LIBRARY_FILE), LibraryFileSchema).read();
    const generation = stored?.generation ?? 0;
    const entries = new Map(Object.entries(stored?.drafts ?? {}));
    let logUnreadable: CorruptFileError | null = null;
    const log = await readLog(path.join(dir, LIBRARY_LOG), generation).catch((error: unknown) => {
      if (!(error instanceof CorruptFileError)) throw error;
      logUnreadable = error;
      return { lines: [], damaged: true };
    });
    for (const line of log.lines) {
      if (line.e) entries.set(line.id, line.e);
      else entries.delete(line.id);
    }
    const index = new LibraryIndex(dir, entries, generation);
    index.logLines = log.lines.length;
    return {
      index,
      missing: stored === null,
      logDamaged: log.damaged,
      logLines: log.lines.length,
      logUnreadable,
    };
  }

  get(id: string): IndexEntry | undefined {
    return this.entries.get(id);
  }

  summaries(): DraftSummary[] {
    return [...this.entries.values()].map((entry) => entry.summary);
  }

  /** Changes the index in memory only; for scans, which compact to disk when done. */
  put(id: string, entry: IndexEntry | null): void {
    if (entry) this.entries.set(id, entry);
    else this.entries.delete(id);
  }

  /**
   * Records a draft's new entry in memory at once and appends it to the log. Never rejects: the
   * draft file is already durable, and a lagging index is rebuilt from it.
   */
  record(id: string, entry: IndexEntry | null): Promise<void> {
    this.put(id, entry);
    const line = `${JSON.stringify({ g: this.generation, id, e: entry })}\n`;
    const appended = this.enqueue(async () => {
      this.log ??= await fs.open(path.join(this.dir, LIBRARY_LOG), 'a');
      await this.log.appendFile(line, 'utf8');
      this.logLines += 1;
    });
    if (this.logLines + 1 > Math.max(COMPACT_AFTER_LINES, this.entries.size)) {
      // Not awaited by the save that crossed the line: it costs that save nothing.
      void this.compact().catch(() => undefined);
    }
    return appended;
  }

  /** Writes every entry to library.json under a new generation, then empties the log. */
  compact(): Promise<void> {
    return this.enqueue(async () => {
      const next = this.generation + 1;
      const file: LibraryFile = {
        format: 2,
        generation: next,
        drafts: Object.fromEntries(this.entries),
      };
      await new AtomicJsonFile(path.join(this.dir, LIBRARY_FILE), LibraryFileSchema).write(file);
      this.generation = next;
      // Lines still in the log are of the old generation now, and ignored if truncating fails.
      this.log ??= await fs.open(path.join(this.dir, LIBRARY_LOG), 'a');
      await this.log.truncate(0);
      this.logLines = 0;
      this.lagging = false;
    }, true);
  }

  /** Folds the log into library.json if it holds anything, so the next open reads one file. */
  async compactIfNeeded(): Promise<void> {
    await this.chain;
    if (this.logLines > 0 || this.lagging) await this.compact();
  }

  async close(): Promise<void> {
    await this.chain;
    await this.log?.close();
    this.log = null;
  }

  private enqueue(task: () => Promise<void>, rethrow = false): Promise<void> {
    const run = this.chain.then(task);
    this.chain = run.catch(() => undefined);
    return run.catch((error: unknown) => {
      this.lagging = true;
      if (rethrow) throw error;
    });
  }
}
