import path from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { TaxonomiesSchema, type Taxonomies } from '../../shared/schemas';
import { AtomicJsonFile, CorruptFileError } from './atomic-json-file';
import { newestGoodBackup } from './backups';
import { writeFileDurably } from './durable-write';
import { quarantine } from './quarantine';
import type { StoreEvents } from './store-events';
import { TAXONOMIES_FILE, type StoreInfo } from './store-info';

const backupName = (fileName: string): string => path.basename(fileName, '.json');

/**
 * Reads a catalog file; a damaged one is moved aside and its newest good backup put in its
 * place, with an event saying so. Without a good backup the damaged file stays where it is and
 * the open fails naming it: nothing is replaced with defaults.
 */
export const readCatalogFile = async <T>(
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

/**
 * The store's taxonomies: its own file, else its newest backup, else the seed. `info` is null
 * for a store being created, which starts from the seed without an event.
 */
export const openTaxonomies = async (
  dir: string,
  seed: Taxonomies,
  info: StoreInfo | null,
  events: StoreEvents,
  clock: () => Date,
): Promise<Taxonomies> => {
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
};
