import fs from 'node:fs/promises';
import path from 'node:path';
import { ServiceError } from '../../shared/result';
import {
  DraftIdSchema,
  DraftSchema,
  summarize,
  type Draft,
  type DraftSummary,
  type StoreEvent,
  type Taxonomies,
} from '../../shared/schemas';
import { AtomicJsonFile, CorruptFileError } from './atomic-json-file';
import { damagedSummary, findBestCopy, hasText, storeRelative } from './draft-copies';
import { writeFileDurably, type FileStamp } from './durable-write';
import { RecoveryJournal } from './journal';
import { KeyedQueue } from './keyed-queue';
import { LibraryIndex, type IndexEntry } from './library-index';
import { scanDrafts } from './library-scan';
import { openStore, type ReleaseStoreOptions } from './open-store';
import { quarantine } from './quarantine';
import { asSaveError } from './save-errors';
import { RevisionSnapshots, SNAPSHOT_INTERVAL_MS } from './snapshots';
import type { StoreEvents } from './store-events';
import { DRAFTS_DIR, JOURNAL_DIR, LIBRARY_LOG, REVISIONS_DIR } from './store-info';
import type { AcquiredLock } from './store-lock';
import type { WriteGate } from './write-gate';

// Callers import everything about the store from here, wherever it lives.
export { STORE_SCHEMA_VERSION } from './store-info';
export { isStore, type ReleaseStoreOptions } from './open-store';

const headlineOf = (headline: string | undefined): string =>
  headline ? `“${headline}”` : 'an untitled release';

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
    private readonly lock: AcquiredLock | null,
    private readonly events: StoreEvents,
    private readonly clock: () => Date,
    snapshotIntervalMs: number,
    private readonly gate: WriteGate,
  ) {
    this.draftsDir = path.join(dir, DRAFTS_DIR);
    this.journal = new RecoveryJournal(path.join(dir, JOURNAL_DIR));
    this.snapshots = new RevisionSnapshots(path.join(dir, REVISIONS_DIR), snapshotIntervalMs);
  }

  /**
   * Lock and catalog are `openStore`'s job; the library check and journal recovery happen here
   * because they read and write drafts through this class's own path (restore, persist).
   */
  static open(options: ReleaseStoreOptions): Promise<ReleaseStore> {
    return openStore(options, async (opened) => {
      const store = new ReleaseStore(
        opened.dir,
        opened.taxonomies,
        LibraryIndex.empty(opened.dir),
        opened.lock,
        opened.events,
        opened.clock,
        options.snapshotIntervalMs ?? SNAPSHOT_INTERVAL_MS,
        opened.gate,
      );
      await store.openLibrary(opened.afterCrash);
      await store.recoverJournals();
      return store;
    });
  }

  /** What the store repairs, as it repairs it; the services publish each one to the windows. */
  get repairs(): StoreEvents {
    return this.events;
  }

  /** Why nothing can be saved (a full disk at open), or null when the store may be written. */
  get readOnly(): string | null {
    return this.gate.readOnly;
  }

  /** Shared with the template store, which writes into the same folder. */
  get writeGate(): WriteGate {
    return this.gate;
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
      if (loaded.logUnreadable) await this.setLogAside(loaded.logUnreadable);
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      const keptAs = this.gate.readOnly ? undefined : await quarantine(error, this.clock());
      this.events.add({
        kind: 'rebuilt-library',
        message: `The library index (library.json) was damaged (${error.reason}); it was rebuilt from the release files.${keptAs ? ` The damaged file is kept as ${path.basename(keptAs)}.` : ''}`,
        file: error.path,
        keptAs,
      });
      mode = 'rebuild';
    }
    if (mode !== 'trust') {
      await scanDrafts(
        this.draftsDir,
        this.index,
        mode,
        async (id) => {
          const draft = await this.readUnqueued(id).catch((error: unknown) => {
            if (error instanceof ServiceError && error.code === 'CORRUPT_FILE') return null;
            throw error;
          });
          if (!draft) return null;
          const stat = await fs.stat(path.join(this.draftsDir, `${id}.json`)).catch(() => null);
          // Restored in memory only (a read-only store): the stamp cannot match, so it is read again.
          return { draft, stamp: { mtimeMs: stat?.mtimeMs ?? 0, size: stat?.size ?? 0 } };
        },
        (id, keptAs) => this.adoptOrphan(id, keptAs),
      );
      compact = true;
    }
    if (compact && !this.gate.readOnly) {
      await this.index.compact().catch((error: unknown) => {
        // The index stays right in memory; a store that cannot write it is read-only.
        if (!this.gate.refuse(error, 'writing the library index')) throw error;
      });
    }
  }

  /** library.log is a folder or may not be read: set it aside so saves can append again. */
  private async setLogAside(damage: CorruptFileError): Promise<void> {
    const keptAs = this.gate.readOnly ? undefined : await quarantine(damage, this.clock());
    this.events.add({
      kind: 'rebuilt-library',
      message: `The library's list of recent changes (${LIBRARY_LOG}) could not be read (${damage.reason}); the library was checked against the release files instead.${keptAs ? ` What stood in its place is kept as ${path.basename(keptAs)}.` : ''}`,
      file: damage.path,
      keptAs,
    });
  }

  /**
   * A damaged release file set aside with nothing in its place, which the index does not know
   * (its index was lost too): put back from a copy if there is one, else listed as damaged.
   */
  private async adoptOrphan(id: string, keptAs: string): Promise<IndexEntry | null> {
    if (!DraftIdSchema.safeParse(id).success) return null;
    // Marked damaged before the index was lost: it stays so, unless a copy as new turned up.
    const marked = await this.snapshots.damaged(id);
    const { best } = await findBestCopy(id, marked?.revision, this.journal, this.snapshots);
    if (best && !this.gate.readOnly) {
      await this.persist(best.draft);
      this.events.add({
        kind: 'restored-draft',
        message: `${headlineOf(best.draft.headline)} had only a damaged file (${path.basename(keptAs)}); it was restored from ${best.what}.`,
        file: keptAs,
        draftId: id,
      });
      return this.index.get(id) ?? null;
    }
    if (marked?.damaged) return { summary: marked, mtimeMs: 0, size: 0 };
    const reason = 'only a damaged copy of its file was found';
    return {
      summary: damagedSummary(id, undefined, { reason }, keptAs, this.clock()),
      mtimeMs: 0,
      size: 0,
    };
  }

  /** Puts back edits that were journaled but never saved, and says so. */
  private async recoverJournals(): Promise<void> {
    const ids = await this.journal.ids();
    if (this.gate.readOnly && ids.length > 0) {
      this.events.add({
        kind: 'recovered-draft',
        message: `Unsaved changes to ${ids.length === 1 ? 'a release' : `${ids.length} releases`} from before the editor stopped are kept in the store's journal; they are put back the next time the store opens with room to write.`,
      });
      return;
    }
    for (const id of ids) {
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
          message: `Unsaved changes to a release (${storeRelative(this.dir, error.path)}) could not be read back after a crash (${error.reason}); the release itself is intact at its last save. The damaged file is kept as ${path.basename(keptAs)}.`,
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
        try {
          await this.persist(recovered);
        } catch (error) {
          // Kept in the journal for the next open; the store carries on read-only.
          if (!this.gate.refuse(error, 'recovering unsaved changes')) throw error;
          return this.recoverJournals();
        }
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

  /** One release's summary as the library holds it. */
  summaryOf(id: string): DraftSummary | undefined {
    return this.index.get(id)?.summary;
  }

  /** Reads a draft; one whose file is damaged is restored from its last snapshot first. */
  readDraft(id: string): Promise<Draft> {
    this.assertOpen();
    // A copy: the caller may change what it gets without touching the cache.
    return this.queue.run(draftKey(id), async () => structuredClone(await this.readUnqueued(id)));
  }

  async writeDraft(draft: Draft): Promise<void> {
    this.assertOpen();
    this.gate.assertWritable(`release ${headlineOf(draft.headline)}`);
    await this.queue.run(draftKey(draft.id), () => this.persist(draft));
  }

  /**
   * Read, change and write one draft with no other write to it in between, so two saves that
   * race cannot both start from the same revision.
   */
  async updateDraft(id: string, change: (current: Draft) => Draft): Promise<Draft> {
    this.assertOpen();
    this.gate.assertWritable(`release ${headlineOf(this.summaryOf(id)?.headline)}`);
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
    this.gate.assertWritable(`unsaved changes to ${headlineOf(this.summaryOf(id)?.headline)}`);
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
    await this.events.flush();
    if (this.gate.readOnly) {
      // Nothing was put right on disk: keep the lock file, so the next open checks the drafts.
      await this.index.close().catch(() => undefined);
      this.lock?.abandon();
      return;
    }
    try {
      await this.index.compactIfNeeded();
      await this.index.close();
      await this.lock?.release();
    } catch {
      // The index on disk may lag: keep the lock file, so the next open checks the drafts.
      await this.index.close().catch(() => undefined);
      this.lock?.abandon();
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
    const damaged = this.summaryOf(id)?.damaged;
    if (!draft && damaged) throw this.damagedError(id, damaged.keptAs);
    if (!draft) throw new ServiceError('NOT_FOUND', `No release with id ${id}`);
    if (damaged && !this.gate.readOnly) {
      // Someone put a good file back by hand: the release is whole again.
      await this.snapshots.clearDamaged(id).catch(() => undefined);
      const stat = await fs.stat(file.filePath);
      void this.index.record(id, {
        summary: summarize(draft),
        mtimeMs: stat.mtimeMs,
        size: stat.size,
      });
    }
    return draft;
  }

  private damagedError(id: string, keptAs: string): ServiceError {
    return new ServiceError(
      'CORRUPT_FILE',
      `The release ${headlineOf(this.summaryOf(id)?.headline)} is damaged and no good copy of its last saved version exists; the damaged file is kept as ${keptAs}.`,
    );
  }

  /**
   * A damaged draft file: moved aside, its last acknowledged version put back (its journaled
   * unsaved changes, the copy its last save left, or a snapshot at least as new), the user told
   * at once. Never an older version: without a good copy the release stays listed, marked
   * damaged, naming the file kept for rescue. A read-only store repairs nothing on disk and
   * answers the copy from memory.
   */
  private async restoreDraft(id: string, damage: CorruptFileError): Promise<Draft> {
    const known = this.index.get(id)?.summary ?? (await this.snapshots.damaged(id)) ?? undefined;
    const { best, older } = await findBestCopy(id, known?.revision, this.journal, this.snapshots);
    const name = headlineOf(best?.draft.headline ?? known?.headline);
    if (this.gate.readOnly) {
      if (!best) throw this.damagedError(id, damage.path);
      this.events.add({
        kind: 'restored-draft',
        message: `The file of ${name} is damaged (${damage.reason}). It is shown from ${best.what}; the file itself is repaired the next time the store opens with room to write.`,
        file: damage.path,
        draftId: id,
      });
      return best.draft;
    }
    const keptAs = await quarantine(damage, this.clock());
    const kept = storeRelative(this.dir, keptAs);
    if (!best) {
      const summary = damagedSummary(id, known, damage, keptAs, this.clock());
      void this.index.record(id, { summary, mtimeMs: 0, size: 0 });
      await this.snapshots.keepDamaged(id, summary).catch(() => undefined);
      const olderNote = older
        ? ` An older version (revision ${older.draft.revision}, ${older.draft.updatedAt}) is in ${storeRelative(this.dir, older.file)}; it was not put back because it lacks later saves.`
        : '';
      this.events.add({
        kind: 'lost-draft',
        message: `The file of ${name} is damaged (${damage.reason}) and no good copy of its last saved version exists. It stays in the library, marked damaged; the damaged file is kept as ${kept}.${olderNote}`,
        file: damage.path,
        keptAs,
        draftId: id,
      });
      throw this.damagedError(id, keptAs);
    }
    try {
      await this.persist(best.draft);
    } catch (error) {
      // The copy is good, only the disk refuses it: answer it, and repair the file next time.
      await fs.rename(keptAs, damage.path).catch(() => undefined);
      throw asSaveError(error, `the restored release ${name}`);
    }
    this.events.add({
      kind: 'restored-draft',
      message: `The file of ${name} was damaged (${damage.reason}). It was restored from ${best.what}, as last saved; the damaged file is kept as ${kept}.`,
      file: damage.path,
      keptAs,
      draftId: id,
    });
    return structuredClone(best.draft);
  }

  /** The one way a draft reaches the disk: durable file, then index, journal and snapshot. */
  private async persist(draft: Draft): Promise<void> {
    const file = this.draftFile(draft.id);
    let text: string;
    let stamp: FileStamp;
    let copies: Promise<void> = Promise.resolve();
    try {
      text = file.serialize(draft);
      // The last-save copy and snapshot are written while the draft file is flushed to disk, so
      // a save costs about what the draft file alone costs. They only guard against later damage
      // to the draft file: a copy that cannot be written (disk full) never fails the save, and
      // one written for a save that then failed holds the officer's newer text, never older.
      copies = this.snapshots
        .afterSave(draft.id, draft.revision, text, hasText(draft), this.clock())
        .catch(() => undefined);
      stamp = await writeFileDurably(file.filePath, text);
    } catch (error) {
      await copies;
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
    await Promise.all([this.journal.discard(draft.id).catch(() => undefined), copies]);
  }
}

const draftKey = (id: string): string => `draft:${id}`;

/** Drafts kept in memory after a write: the ones being edited now, not the whole store. */
const RECENT_DRAFTS = 32;
