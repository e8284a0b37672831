import fs from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { ServiceError } from '../../shared/result';
import {
  DraftIdSchema,
  DraftSchema,
  TaxonomiesSchema,
  summarize,
  type Draft,
  type DraftSummary,
  type StoreEvent,
  type Taxonomies,
} from '../../shared/schemas';
import { AtomicJsonFile, CorruptFileError, serializeJson } from './atomic-json-file';
import { newestGoodBackup, takeBackup } from './backups';
import { isTempFile, writeFileDurably, type FileStamp } from './durable-write';
import { RecoveryJournal } from './journal';
import { KeyedQueue } from './keyed-queue';
import { LibraryIndex } from './library-index';
import { scanDrafts } from './library-scan';
import { migrateStore } from './migrations';
import { quarantine } from './quarantine';
import { asSaveError, ioReason } from './save-errors';
import { RevisionSnapshots, SNAPSHOT_INTERVAL_MS } from './snapshots';
import { StoreEvents } from './store-events';
import {
  DRAFTS_DIR,
  JOURNAL_DIR,
  REVISIONS_DIR,
  STORE_FILE,
  STORE_SCHEMA_VERSION,
  StoreInfoSchema,
  TAXONOMIES_FILE,
  type StoreInfo,
} from './store-info';
import { acquireStoreLock, type AcquiredLock } from './store-lock';

export { STORE_SCHEMA_VERSION } from './store-info';

export interface ReleaseStoreOptions {
  dir: string;
  /** The taxonomies a new store starts with; an existing store keeps its own copy. */
  seed: Taxonomies;
  /** Who holds the store, as the lock file tells a second program (`newsroom list`…). */
  holder?: string;
  clock?: () => Date;
  snapshotIntervalMs?: number;
}

const headlineOf = (headline: string | undefined): string =>
  headline ? `“${headline}”` : 'an untitled release';

/**
 * Reads a catalog file; a damaged one is moved aside and its newest good backup put in its
 * place, with an event saying so. Without a good backup the damaged file stays where it is and
 * the open fails naming it: nothing is replaced with defaults.
 */
const readCatalogFile = async <T>(
  dir: string,
  name: string,
  schema: z.ZodType<T>,
  events: StoreEvents,
  now: Date,
): Promise<T | null> => {
  const file = new AtomicJsonFile(path.join(dir, name), schema);
  try {
    return await file.read();
  } catch (error) {
    if (!(error instanceof CorruptFileError)) throw error;
    const backup = await newestGoodBackup(dir, backupName(name), schema);
    if (!backup) throw error;
    const keptAs = await quarantine(error, now);
    await writeFileDurably(file.filePath, backup.text);
    events.add({
      kind: 'restored-file',
      message: `${name} was damaged (${error.reason}). It was restored from the backup of ${path.basename(backup.file, '.json')}; the damaged file is kept as ${path.basename(keptAs)}.`,
      file: file.filePath,
      keptAs,
    });
    return backup.data;
  }
};

const removeTempFiles = async (folder: string): Promise<void> => {
  const names = await fs.readdir(folder).catch(() => []);
  for (const name of names) {
    if (isTempFile(name)) await fs.rm(path.join(folder, name), { force: true });
  }
};

const backupName = (fileName: string): string => path.basename(fileName, '.json');

const exists = (file: string): Promise<boolean> =>
  fs.access(file).then(
    () => true,
    () => false,
  );

/**
 * The release store: a folder with a small catalog (store.json, taxonomies.json), a library
 * index (library.json + library.log), one file per draft (drafts/<id>.json), a recovery journal
 * of unsaved edits (journal/), revision snapshots (revisions/) and catalog backups (backups/).
 * Saving one draft writes that draft's file and appends one line to the log, so it costs the
 * same in a store of ten drafts as in one of ten thousand.
 */
export class ReleaseStore {
  private readonly queue = new KeyedQueue();
  private closed = false;
  private readonly draftsDir: string;
  private readonly journal: RecoveryJournal;
  private readonly snapshots: RevisionSnapshots;
  /**
   * Drafts as last written, so autosave's read-change-write does not read back the file it just
   * wrote. Sound because this process is the store's only writer (the lock).
   */
  private readonly recent = new Map<string, Draft>();

  private constructor(
    readonly dir: string,
    private readonly taxonomies: Taxonomies,
    private index: LibraryIndex,
    private readonly lock: AcquiredLock,
    private readonly events: StoreEvents,
    private readonly clock: () => Date,
    snapshotIntervalMs: number,
  ) {
    this.draftsDir = path.join(dir, DRAFTS_DIR);
    this.journal = new RecoveryJournal(path.join(dir, JOURNAL_DIR));
    this.snapshots = new RevisionSnapshots(path.join(dir, REVISIONS_DIR), snapshotIntervalMs);
  }

  static async open(options: ReleaseStoreOptions): Promise<ReleaseStore> {
    const dir = path.resolve(options.dir);
    const clock = options.clock ?? (() => new Date());
    await fs.mkdir(dir, { recursive: true });
    const lock = await acquireStoreLock(
      dir,
      options.holder ?? `Newsroom (${path.basename(process.argv[1] ?? process.argv0)})`,
    ).catch((error: unknown) => {
      if (error instanceof ServiceError) throw error;
      throw new ServiceError(
        'IO_ERROR',
        `The store in ${dir} cannot be opened for writing: ${ioReason(error)}.`,
      );
    });
    try {
      const events = new StoreEvents(clock);
      if (lock.tookOverFrom) {
        events.add({
          kind: 'stale-lock',
          message: `The store was not closed properly last time (${lock.tookOverFrom.holder}, process ${lock.tookOverFrom.pid}, stopped without closing it). Its last saves were checked.`,
        });
      }
      await fs.mkdir(path.join(dir, DRAFTS_DIR), { recursive: true });
      let info = await readCatalogFile(dir, STORE_FILE, StoreInfoSchema, events, clock());
      if (info && info.schemaVersion > STORE_SCHEMA_VERSION) {
        throw new Error(
          `The store in ${dir} was written by a newer version of the app ` +
            `(store format ${info.schemaVersion}, this version reads ${STORE_SCHEMA_VERSION}).`,
        );
      }
      if (info) info = await migrateStore(dir, info, events, clock());
      const taxonomies = await ReleaseStore.openTaxonomies(dir, options.seed, info, events, clock);

      const store = new ReleaseStore(
        dir,
        taxonomies,
        LibraryIndex.empty(dir),
        lock,
        events,
        clock,
        options.snapshotIntervalMs ?? SNAPSHOT_INTERVAL_MS,
      );
      if (lock.tookOverFrom) {
        // Writes the dead process had begun; never data anyone was told is saved.
        for (const folder of [dir, path.join(dir, DRAFTS_DIR), path.join(dir, JOURNAL_DIR)]) {
          await removeTempFiles(folder);
        }
      }
      await store.openLibrary(lock.tookOverFrom !== null);
      await store.recoverJournals();

      // Written last: a store whose creation was interrupted is simply created again.
      if (!info) {
        const fresh: StoreInfo = {
          schemaVersion: STORE_SCHEMA_VERSION,
          createdAt: clock().toISOString(),
        };
        await new Low(
          new AtomicJsonFile(path.join(dir, STORE_FILE), StoreInfoSchema),
          fresh,
        ).write();
        info = fresh;
      }
      // A copy of each catalog file whenever it changed; the rotation keeps the history short.
      await takeBackup(dir, 'store', serializeJson(info), clock());
      await takeBackup(dir, 'taxonomies', serializeJson(taxonomies), clock());
      return store;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  private static async openTaxonomies(
    dir: string,
    seed: Taxonomies,
    info: StoreInfo | null,
    events: StoreEvents,
    clock: () => Date,
  ): Promise<Taxonomies> {
    const found = await readCatalogFile(dir, TAXONOMIES_FILE, TaxonomiesSchema, events, clock());
    if (found) return found;
    const file = new AtomicJsonFile(path.join(dir, TAXONOMIES_FILE), TaxonomiesSchema);
    // An existing store that lost its taxonomies gets its own back, not the seed, if it can.
    const backup = info ? await newestGoodBackup(dir, 'taxonomies', TaxonomiesSchema) : null;
    if (backup) {
      await writeFileDurably(file.filePath, backup.text);
      events.add({
        kind: 'restored-file',
        message: `${TAXONOMIES_FILE} was missing; it was restored from the backup of ${path.basename(backup.file, '.json')}.`,
        file: file.filePath,
      });
      return backup.data;
    }
    // Parsing also deep-copies, so later edits to the caller's seed object cannot leak in.
    const taxonomies = TaxonomiesSchema.parse(seed);
    await new Low(file, taxonomies).write();
    if (info) {
      events.add({
        kind: 'restored-file',
        message: `${TAXONOMIES_FILE} was missing and no backup of it exists; the built-in taxonomies were used.`,
        file: file.filePath,
      });
    }
    return taxonomies;
  }

  /** Loads the index; after a crash checks it against the draft files, rebuilds it if damaged. */
  private async openLibrary(afterCrash: boolean): Promise<void> {
    let mode: 'trust' | 'verify' | 'rebuild' = afterCrash ? 'verify' : 'trust';
    let compact = false;
    try {
      const loaded = await LibraryIndex.load(this.dir);
      this.index = loaded.index;
      if (loaded.missing) mode = 'rebuild';
      if (loaded.logDamaged && mode === 'trust') mode = 'verify';
      compact = loaded.logLines > 0 || loaded.logDamaged;
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      const keptAs = await quarantine(error, this.clock());
      this.events.add({
        kind: 'rebuilt-library',
        message: `The library index was damaged (${error.reason}); it was rebuilt from the release files. The damaged file is kept as ${path.basename(keptAs)}.`,
        file: error.path,
        keptAs,
      });
      mode = 'rebuild';
    }
    if (mode !== 'trust') {
      await scanDrafts(this.draftsDir, this.index, mode, async (id) => {
        const draft = await this.readUnqueued(id).catch((error: unknown) => {
          if (error instanceof ServiceError && error.code === 'CORRUPT_FILE') return null;
          throw error;
        });
        if (!draft) return null;
        const stat = await fs.stat(path.join(this.draftsDir, `${id}.json`));
        return { draft, stamp: { mtimeMs: stat.mtimeMs, size: stat.size } };
      });
      compact = true;
    }
    if (compact) await this.index.compact();
  }

  /** Puts back edits that were journaled but never saved, and says so. */
  private async recoverJournals(): Promise<void> {
    for (const id of await this.journal.ids()) {
      const file = this.journal.file(id);
      let entry;
      try {
        entry = await file.read();
      } catch (error) {
        if (!(error instanceof CorruptFileError)) throw error;
        // Cut short by the crash itself: the saved draft is intact, only the last keystrokes of
        // that moment are in doubt, and the damaged file is kept for a person to look at.
        const keptAs = await quarantine(error, this.clock());
        this.events.add({
          kind: 'lost-draft',
          message: `Unsaved changes to a release could not be read back after a crash (${error.reason}); the release itself is intact at its last save. The damaged file is kept as ${path.basename(keptAs)}.`,
          file: error.path,
          keptAs,
          draftId: DraftIdSchema.safeParse(id).success ? id : undefined,
        });
        continue;
      }
      if (!entry || entry.draft.id !== id) {
        await fs.rm(file.filePath, { force: true });
        continue;
      }
      const current = this.index.get(id);
      if (!current || current.summary.revision === entry.baseRevision) {
        const recovered: Draft = { ...entry.draft, updatedAt: entry.journaledAt };
        await this.persist(recovered);
        this.events.add({
          kind: 'recovered-draft',
          message: `Unsaved changes to ${headlineOf(recovered.headline)} from ${entry.journaledAt} were recovered after the editor stopped unexpectedly.`,
          draftId: id,
        });
      }
      await this.journal.discard(id);
      await fs.rm(file.filePath, { force: true });
    }
  }

  getTaxonomies(): Taxonomies {
    return structuredClone(this.taxonomies);
  }

  /** Every draft's summary, trashed ones included, from memory. */
  listSummaries(): DraftSummary[] {
    return this.index.summaries();
  }

  /** What the store did on its own since it was opened: recoveries, restores, migrations. */
  report(): StoreEvent[] {
    return this.events.all();
  }

  /** Reads a draft; one whose file is damaged is restored from its last snapshot first. */
  readDraft(id: string): Promise<Draft> {
    this.assertOpen();
    // A copy: the caller may change what it gets without touching the cache.
    return this.queue.run(draftKey(id), async () => structuredClone(await this.readUnqueued(id)));
  }

  async writeDraft(draft: Draft): Promise<void> {
    this.assertOpen();
    await this.queue.run(draftKey(draft.id), () => this.persist(draft));
  }

  /**
   * Read, change and write one draft with no other write to it in between, so two saves that
   * race cannot both start from the same revision.
   */
  async updateDraft(id: string, change: (current: Draft) => Draft): Promise<Draft> {
    this.assertOpen();
    return this.queue.run(draftKey(id), async () => {
      const updated = change(await this.readUnqueued(id));
      if (updated.id !== id) throw new Error(`An update of ${id} may not change its id`);
      await this.persist(updated);
      return updated;
    });
  }

  /**
   * Keeps what the window holds of a draft that is not saved yet, durably, so a crash before the
   * next save loses nothing. Cheaper than a save: no revision, no library change.
   */
  async journalDraft(id: string, change: (current: Draft) => Draft): Promise<string> {
    this.assertOpen();
    return this.queue.run(draftKey(id), async () => {
      const current = await this.readUnqueued(id);
      const draft = change(current);
      if (draft.id !== id) throw new Error(`A journal entry of ${id} may not change its id`);
      const journaledAt = this.clock().toISOString();
      await this.journal
        .write({ baseRevision: current.revision, journaledAt, draft })
        .catch((error: unknown) => {
          throw asSaveError(error, `unsaved changes to ${headlineOf(current.headline)}`);
        });
      return journaledAt;
    });
  }

  /** Waits for every write in flight; the store refuses work afterwards. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.idle();
    try {
      await this.index.compactIfNeeded();
      await this.index.close();
      await this.lock.release();
    } catch {
      // The index on disk may lag: keep the lock file, so the next open checks the drafts.
      await this.index.close().catch(() => undefined);
      this.lock.abandon();
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`The store in ${this.dir} is closed`);
  }

  private draftFile(id: string): AtomicJsonFile<Draft> {
    // The id becomes a file name: anything but a well-formed id could reach outside drafts/.
    if (!DraftIdSchema.safeParse(id).success) {
      throw new ServiceError('NOT_FOUND', `No release with id ${id}`);
    }
    return new AtomicJsonFile(path.join(this.draftsDir, `${id}.json`), DraftSchema);
  }

  private async readUnqueued(id: string): Promise<Draft> {
    const file = this.draftFile(id);
    const cached = this.recent.get(id);
    if (cached) return cached;
    let draft: Draft | null;
    try {
      draft = await file.read();
      if (draft && draft.id !== id) {
        throw new CorruptFileError(
          file.filePath,
          `it holds release ${draft.id}, not ${id}`,
          'wrong-shape',
        );
      }
    } catch (error) {
      if (error instanceof CorruptFileError) return this.restoreDraft(id, error);
      throw error;
    }
    if (!draft) throw new ServiceError('NOT_FOUND', `No release with id ${id}`);
    return draft;
  }

  /** A damaged draft file: moved aside, the newest snapshot put back, the user told. */
  private async restoreDraft(id: string, damage: CorruptFileError): Promise<Draft> {
    const known = this.index.get(id)?.summary;
    const keptAs = await quarantine(damage, this.clock());
    const snapshot = await this.snapshots.newestGood(id);
    if (!snapshot) {
      void this.index.record(id, null);
      this.events.add({
        kind: 'lost-draft',
        message: `The file of ${headlineOf(known?.headline)} was damaged (${damage.reason}) and no earlier copy of it exists. The damaged file is kept as ${path.basename(keptAs)}.`,
        file: damage.path,
        keptAs,
        draftId: id,
      });
      throw new ServiceError(
        'CORRUPT_FILE',
        `The release ${headlineOf(known?.headline)} is damaged and no earlier copy of it exists; the damaged file is kept as ${keptAs}.`,
      );
    }
    const restored: Draft = {
      ...snapshot.draft,
      // A later revision than any the window saw, so no client mistakes it for its own save.
      revision: Math.max(snapshot.draft.revision, known?.revision ?? 0) + 1,
    };
    await this.persist(restored);
    this.events.add({
      kind: 'restored-draft',
      message: `The file of ${headlineOf(restored.headline)} was damaged (${damage.reason}). The version of ${snapshot.draft.updatedAt} was restored from its revision snapshot; the damaged file is kept as ${path.basename(keptAs)}.`,
      file: damage.path,
      keptAs,
      draftId: id,
    });
    return restored;
  }

  /** The one way a draft reaches the disk: durable file, then index, journal and snapshot. */
  private async persist(draft: Draft): Promise<void> {
    const file = this.draftFile(draft.id);
    let text: string;
    let stamp: FileStamp;
    try {
      text = file.serialize(draft);
      stamp = await writeFileDurably(file.filePath, text);
    } catch (error) {
      throw asSaveError(error, `release ${headlineOf(draft.headline)}`);
    }
    // From here on the save is durable; what follows only speeds up or backs up the store.
    this.recent.delete(draft.id);
    // A copy, so a caller that changes its draft object later cannot change the cache.
    this.recent.set(draft.id, structuredClone(draft));
    if (this.recent.size > RECENT_DRAFTS) {
      const oldest = this.recent.keys().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
    void this.index.record(draft.id, { summary: summarize(draft), ...stamp });
    await this.journal.discard(draft.id).catch(() => undefined);
    // A snapshot that cannot be taken (disk full) must not fail a save that succeeded.
    await this.snapshots
      .maybeTake(draft.id, draft.revision, text, this.clock())
      .catch(() => undefined);
  }
}

const draftKey = (id: string): string => `draft:${id}`;

/** Drafts kept in memory after a write: the ones being edited now, not the whole store. */
const RECENT_DRAFTS = 32;

/** Whether a folder holds a store (for the CLI, which must not create one by mistake). */
export const isStore = (dir: string): Promise<boolean> => exists(path.join(dir, STORE_FILE));
