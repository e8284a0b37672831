import fs from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { AtomicJsonFile } from './atomic-json-file';
import { errorCode, syncDirectory } from './durable-write';
import { fileStamp } from './quarantine';
import type { StoreEvents } from './store-events';
import {
  LIBRARY_FILE,
  STORE_FILE,
  STORE_SCHEMA_VERSION,
  StoreInfoSchema,
  TAXONOMIES_FILE,
  type StoreInfo,
} from './store-info';

interface Migration {
  /** The store format this step reads; it leaves format `from + 1`. */
  from: number;
  what: string;
  run(dir: string): Promise<void>;
}

/** Each step must be safe to run twice: a crash before store.json records it runs it again. */
const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    what: 'the library index now records file stamps and grows by appending',
    // The old index holds nothing the draft files do not: drop it and let open rebuild it.
    run: (dir) => fs.rm(path.join(dir, LIBRARY_FILE), { force: true }),
  },
];

const CATALOG = [STORE_FILE, TAXONOMIES_FILE, LIBRARY_FILE];

/** Copies the catalog to `backups/migration-v<from>-to-v<to>-<time>/` before anything changes. */
const backUpForMigration = async (dir: string, from: number, now: Date): Promise<string> => {
  const folder = path.join(
    dir,
    'backups',
    `migration-v${from}-to-v${STORE_SCHEMA_VERSION}-${fileStamp(now)}`,
  );
  await fs.mkdir(folder, { recursive: true });
  for (const name of CATALOG) {
    try {
      await fs.copyFile(path.join(dir, name), path.join(folder, name));
      const handle = await fs.open(path.join(folder, name), 'r+');
      await handle.sync().finally(() => handle.close());
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }
  await syncDirectory(folder);
  return folder;
};

/**
 * Brings an older store up to this version's format, once: a backup of the catalog first, then
 * each step in order, then the new version in store.json (written last, so a crash midway
 * leaves a store that migrates again).
 */
export const migrateStore = async (
  dir: string,
  info: StoreInfo,
  events: StoreEvents,
  now: Date,
): Promise<StoreInfo> => {
  if (info.schemaVersion >= STORE_SCHEMA_VERSION) return info;
  const from = info.schemaVersion;
  const backup = await backUpForMigration(dir, from, now);
  const steps: string[] = [];
  for (const migration of MIGRATIONS) {
    if (migration.from < from) continue;
    await migration.run(dir);
    steps.push(migration.what);
  }
  const next: StoreInfo = {
    ...info,
    schemaVersion: STORE_SCHEMA_VERSION,
    migratedAt: now.toISOString(),
  };
  await new Low(new AtomicJsonFile(path.join(dir, STORE_FILE), StoreInfoSchema), next).write();
  events.add({
    kind: 'migrated',
    message: `The store was updated from format ${from} to ${STORE_SCHEMA_VERSION} (${steps.join('; ')}). A copy of the old catalog is in ${backup}.`,
    file: path.join(dir, STORE_FILE),
    keptAs: backup,
  });
  return next;
};
