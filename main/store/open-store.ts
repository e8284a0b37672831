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
  lock: AcquiredLock;
  events: StoreEvents;
  clock: () => Date;
  /** The last holder stopped without closing the store, so its library must be checked. */
  afterCrash: boolean;
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
        message: `The store was not closed properly last time (${lock.tookOverFrom.holder}, process ${lock.tookOverFrom.pid}: ${lock.tookOverFrom.why}). Its last saves were checked.`,
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
    const taxonomies = await openTaxonomies(dir, options.seed, info, events, clock);

    if (lock.tookOverFrom) {
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
      afterCrash: lock.tookOverFrom !== null,
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
    // A copy of each catalog file whenever it changed; the rotation keeps the history short.
    await takeBackup(dir, 'store', serializeJson(info), clock());
    await takeBackup(dir, 'taxonomies', serializeJson(taxonomies), clock());
    return store;
  } catch (error) {
    await lock.release();
    throw error;
  }
};
