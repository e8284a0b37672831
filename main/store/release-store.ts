import fs from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { ServiceError } from '../../shared/result';
import {
  DraftIdSchema,
  DraftSchema,
  DraftSummarySchema,
  TaxonomiesSchema,
  TimestampSchema,
  summarize,
  type Draft,
  type DraftSummary,
  type Taxonomies,
} from '../../shared/schemas';
import { AtomicJsonFile, CorruptFileError } from './atomic-json-file';

export const STORE_SCHEMA_VERSION = 1;

const StoreInfoSchema = z.object({
  schemaVersion: z.number().int().positive(),
  createdAt: TimestampSchema,
});
type StoreInfo = z.infer<typeof StoreInfoSchema>;

/** Summaries keyed by draft id, so the library opens without reading a single draft body. */
const LibrarySchema = z
  .object({ drafts: z.record(DraftIdSchema, DraftSummarySchema) })
  .refine((library) => Object.entries(library.drafts).every(([id, summary]) => id === summary.id), {
    message: 'a summary is filed under another id',
  });
type Library = z.infer<typeof LibrarySchema>;

/** Runs tasks one after another per key; tasks under different keys run side by side. */
class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task);
    // The next task waits for this one to settle, whether it worked or not.
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}

export interface ReleaseStoreOptions {
  dir: string;
  /** The taxonomies a new store starts with; an existing store keeps its own copy. */
  seed: Taxonomies;
}

const DRAFT_FILE = /^(.+)\.json$/;
const LIBRARY_KEY = 'library';

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Turns a filesystem failure into something the user can act on; our own errors pass through. */
const asSaveError = (error: unknown, what: string): Error =>
  error instanceof ServiceError
    ? error
    : new ServiceError('IO_ERROR', `Could not save ${what}: ${describe(error)}`);

/**
 * The release store: a folder with a small catalog (store.json, taxonomies.json), a library of
 * summaries (library.json) and one file per draft (drafts/<id>.json), so saving one draft costs
 * the same in a store of ten drafts as in one of ten thousand (bar the summary list).
 */
export class ReleaseStore {
  private readonly queue = new KeyedQueue();
  private pendingLibraryWrite: Promise<void> | null = null;
  private closed = false;

  private constructor(
    readonly dir: string,
    private readonly taxonomies: Taxonomies,
    private readonly summaries: Map<string, DraftSummary>,
    private readonly library: Low<Library>,
  ) {}

  static async open(options: ReleaseStoreOptions): Promise<ReleaseStore> {
    const dir = path.resolve(options.dir);
    const draftsDir = path.join(dir, 'drafts');
    await fs.mkdir(draftsDir, { recursive: true });

    const infoFile = new AtomicJsonFile(path.join(dir, 'store.json'), StoreInfoSchema);
    const info = await infoFile.read();
    if (info && info.schemaVersion > STORE_SCHEMA_VERSION) {
      throw new Error(
        `The store in ${dir} was written by a newer version of the app ` +
          `(store format ${info.schemaVersion}, this version reads ${STORE_SCHEMA_VERSION}).`,
      );
    }

    const taxonomyFile = new AtomicJsonFile(path.join(dir, 'taxonomies.json'), TaxonomiesSchema);
    let taxonomies = await taxonomyFile.read();
    if (!taxonomies) {
      // Parsing also deep-copies, so later edits to the caller's seed object cannot leak in.
      taxonomies = TaxonomiesSchema.parse(options.seed);
      await new Low(taxonomyFile, taxonomies).write();
    }

    const libraryFile = new AtomicJsonFile(path.join(dir, 'library.json'), LibrarySchema);
    const stored = await libraryFile.read();
    const library = new Low<Library>(libraryFile, stored ?? { drafts: {} });
    const summaries = new Map(Object.entries(library.data.drafts));
    if (await reconcile(summaries, draftsDir, stored === null)) {
      library.data = { drafts: Object.fromEntries(summaries) };
      await library.write();
    }

    // Written last: a store whose creation was interrupted is simply created again.
    if (!info) {
      const fresh: StoreInfo = {
        schemaVersion: STORE_SCHEMA_VERSION,
        createdAt: new Date().toISOString(),
      };
      await new Low(infoFile, fresh).write();
    }
    return new ReleaseStore(dir, taxonomies, summaries, library);
  }

  getTaxonomies(): Taxonomies {
    return structuredClone(this.taxonomies);
  }

  /** Every draft's summary, trashed ones included, from memory. */
  listSummaries(): DraftSummary[] {
    return [...this.summaries.values()];
  }

  async readDraft(id: string): Promise<Draft> {
    this.assertOpen();
    const file = this.draftFile(id);
    const draft = await file.read();
    if (!draft) throw new ServiceError('NOT_FOUND', `No release with id ${id}`);
    if (draft.id !== id) {
      throw new CorruptFileError(file.filePath, `it holds release ${draft.id}, not ${id}`);
    }
    return draft;
  }

  async writeDraft(draft: Draft): Promise<void> {
    this.assertOpen();
    const file = this.draftFile(draft.id);
    await this.queue
      .run(draftKey(draft.id), async () => {
        await new Low(file, draft).write();
        this.summaries.set(draft.id, summarize(draft));
      })
      .catch((error: unknown) => {
        throw asSaveError(error, `release ${draft.id}`);
      });
    await this.writeLibrary();
  }

  /**
   * Read, change and write one draft with no other write to it in between, so two saves that
   * race cannot both start from the same revision.
   */
  async updateDraft(id: string, change: (current: Draft) => Draft): Promise<Draft> {
    this.assertOpen();
    const file = this.draftFile(id);
    const next = await this.queue.run(draftKey(id), async () => {
      const updated = change(await this.readDraft(id));
      if (updated.id !== id) throw new Error(`An update of ${id} may not change its id`);
      await new Low(file, updated).write().catch((error: unknown) => {
        throw asSaveError(error, `release ${id}`);
      });
      this.summaries.set(id, summarize(updated));
      return updated;
    });
    await this.writeLibrary();
    return next;
  }

  /** Waits for every write in flight; the store refuses work afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    await this.queue.idle();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`The store in ${this.dir} is closed`);
  }

  private draftFile(id: string): AtomicJsonFile<Draft> {
    // The id becomes a file name: anything but a well-formed id could reach outside drafts/.
    if (!DraftIdSchema.safeParse(id).success) {
      throw new ServiceError('NOT_FOUND', `No release with id ${id}`);
    }
    return new AtomicJsonFile(path.join(this.dir, 'drafts', `${id}.json`), DraftSchema);
  }

  /**
   * Saves that arrive while a library write is waiting share it: it serialises the summaries as
   * they are when it starts, which includes every change made before it.
   */
  private writeLibrary(): Promise<void> {
    if (this.pendingLibraryWrite) return this.pendingLibraryWrite;
    const write = this.queue
      .run(LIBRARY_KEY, async () => {
        this.pendingLibraryWrite = null;
        this.library.data = { drafts: Object.fromEntries(this.summaries) };
        await this.library.write();
      })
      .catch((error: unknown) => {
        throw asSaveError(error, 'the release library');
      });
    this.pendingLibraryWrite = write;
    return write;
  }
}

const draftKey = (id: string): string => `draft:${id}`;

/**
 * Brings the summaries in line with the draft files: a crash between writing a new draft and
 * writing the library would otherwise hide that draft for good. Only reads drafts the library
 * does not know (all of them when the library is missing). Returns whether anything changed.
 */
const reconcile = async (
  summaries: Map<string, DraftSummary>,
  draftsDir: string,
  rebuild: boolean,
): Promise<boolean> => {
  const onDisk = new Set<string>();
  for (const name of await fs.readdir(draftsDir)) {
    const id = DRAFT_FILE.exec(name)?.[1];
    if (id && DraftIdSchema.safeParse(id).success) onDisk.add(id);
  }
  let changed = rebuild;
  for (const id of summaries.keys()) {
    if (!onDisk.has(id)) {
      summaries.delete(id);
      changed = true;
    }
  }
  for (const id of onDisk) {
    if (summaries.has(id)) continue;
    const filePath = path.join(draftsDir, `${id}.json`);
    const draft = await new AtomicJsonFile(filePath, DraftSchema).read();
    if (!draft) continue;
    if (draft.id !== id) {
      throw new CorruptFileError(filePath, `it holds release ${draft.id}, not ${id}`);
    }
    summaries.set(id, summarize(draft));
    changed = true;
  }
  return changed;
};
