import fs from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { ServiceError } from '../../shared/result';
import type { Taxonomies } from '../../shared/schemas';
import { AtomicJsonFile, serializeJson } from './atomic-json-file';
import { takeBackup } from './backups';
import { openTaxonomies, readCatalogFile } from './catalog-files';
import { isTempFile } from './durable-write';
import { migrateStore } from './migrations';
import { ioReason } from './save-errors';
import { StoreEvents } from './store-events';
import {
  DRAFTS_DIR,
  JOURNAL_DIR,
  STORE_FILE,
  STORE_SCHEMA_VERSION,
  StoreInfoSchema,
  type StoreInfo,
} from './store-info';
import { acquireStoreLock, type AcquiredLock } from './store-lock';
import { RepairLog } from './repair-log';
import { WriteGate } from './write-gate';

export interface ReleaseStoreOptions {
  dir: string;
  /** The taxonomies a new store starts with; an existing store keeps its own copy. */
  seed: Taxonomies;
  /** Who holds the store, as the lock file tells a second program (`newsroom list`…). */
  holder?: string;
  clock?: () => Date;
  snapshotIntervalMs?: number;
}

/** A locked store folder whose catalog has been read, handed to the code that builds the store. */
export interface OpenedFolder {
  dir: string;
  taxonomies: Taxonomies;
  /** Null when the store opened read-only without it (the lock itself could not be written). */
  lock: AcquiredLock | null;
  events: StoreEvents;
  clock: () => Date;
  /** The last holder stopped without closing the store, so its library must be checked. */
  afterCrash: boolean;
  /** Says whether the store may be written; a full disk at open makes it read-only. */
  gate: WriteGate;
}

const removeTempFiles = async (folder: string): Promise<void> => {
  const names = await fs.readdir(folder).catch(() => []);
  for (const name of names) {
    if (isTempFile(name)) await fs.rm(path.join(folder, name), { force: true });
  }
};

const exists = (file: string): Promise<boolean> =>
  fs.access(file).then(
    () => true,
    () => false,
  );

/** Whether a folder holds a store (for the CLI, which must not create one by mistake). */
export const isStore = (dir: string): Promise<boolean> => exists(path.join(dir, STORE_FILE));

/**
 * Opens a store folder: takes its lock, reads (or restores) and migrates its catalog, clears a
 * dead writer's temp files, lets `start` build the store and recover its drafts, and only then
 * marks the folder as a store and backs the catalog up. Generic in what `start` builds so this
 * module does not import the store class, which imports it. Any failure releases the lock.
 */
export const openStore = async <S>(
  options: ReleaseStoreOptions,
  start: (opened: OpenedFolder) => Promise<S>,
): Promise<S> => {
  const dir = path.resolve(options.dir);
  const clock = options.clock ?? (() => new Date());
  const holder = options.holder ?? `Newsroom (${path.basename(process.argv[1] ?? process.argv0)})`;
  const gate = new WriteGate();
  await fs.mkdir(dir, { recursive: true });
  let lock: AcquiredLock | null = null;
  try {
    lock = await acquireStoreLock(dir, holder);
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    // A full disk leaves an existing store readable: open it for reading and export.
    if (!(await isStore(dir)) || !gate.refuse(error, 'taking the store’s lock')) {
      throw new ServiceError(
        'IO_ERROR',
        `The store in ${dir} cannot be opened for writing: ${ioReason(error)}.`,
      );
    }
  }
  try {
    const events = new StoreEvents(clock, holder);
    await events.keepIn(new RepairLog(dir, gate.readOnly !== null));
    if (lock?.tookOverFrom) {
      events.add({
        kind: 'stale-lock',
        message: `The store was not closed properly last time (${lock.tookOverFrom.holder}, process ${lock.tookOverFrom.pid}: ${lock.tookOverFrom.why}). Its last saves were checked.`,
      });
    }
    if (!gate.readOnly) await fs.mkdir(path.join(dir, DRAFTS_DIR), { recursive: true });
    let info = await readCatalogFile(dir, STORE_FILE, StoreInfoSchema, events, clock(), gate);
    if (info && info.schemaVersion > STORE_SCHEMA_VERSION) {
      throw new Error(
        `The store in ${dir} was written by a newer version of the app ` +
          `(store format ${info.schemaVersion}, this version reads ${STORE_SCHEMA_VERSION}).`,
      );
    }
    if (info && info.schemaVersion < STORE_SCHEMA_VERSION) {
      // A migration rewrites files: it waits for a disk with room.
      gate.assertWritable('the store’s update to this version’s format');
      info = await migrateStore(dir, info, events, clock());
    }
    const taxonomies = await openTaxonomies(dir, options.seed, info, events, clock, gate);

    if (lock?.tookOverFrom) {
      // Writes the dead process had begun; never data anyone was told is saved.
      for (const folder of [dir, path.join(dir, DRAFTS_DIR), path.join(dir, JOURNAL_DIR)]) {
        await removeTempFiles(folder);
      }
    }
    const store = await start({
      dir,
      taxonomies,
      lock,
      events,
      clock,
      afterCrash: lock === null || lock.tookOverFrom !== null,
      gate,
    });

    // Written last: a store whose creation was interrupted is simply created again.
    if (!info) {
      const fresh: StoreInfo = {
        schemaVersion: STORE_SCHEMA_VERSION,
        createdAt: clock().toISOString(),
      };
      await new Low(new AtomicJsonFile(path.join(dir, STORE_FILE), StoreInfoSchema), fresh).write();
      info = fresh;
    }
    if (gate.readOnly) {
      events.add({
        kind: 'read-only',
        message: `The store is open read-only: ${gate.readOnly}. Every release can be read and exported; nothing can be saved until there is room on the disk and the store is opened again.`,
      });
    } else {
      // A copy of each catalog file whenever it changed; the rotation keeps the history short.
      await backUpCatalog(dir, info, taxonomies, events, clock());
    }
    return store;
  } catch (error) {
    await lock?.release();
    throw error;
  }
};

/** A backup that cannot be written (a full disk) is worth a word, not a failed open. */
const backUpCatalog = async (
  dir: string,
  info: StoreInfo,
  taxonomies: Taxonomies,
  events: StoreEvents,
  now: Date,
): Promise<void> => {
  for (const [name, data] of [
    ['store', info],
    ['taxonomies', taxonomies],
  ] as const) {
    try {
      await takeBackup(dir, name, serializeJson(data), now);
    } catch (error) {
      events.add({
        kind: 'backup-failed',
        message: `The backup copy of ${name}.json could not be written: ${ioReason(error)}.`,
        file: path.join(dir, `${name}.json`),
      });
    }
  }
};
