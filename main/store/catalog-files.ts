import fs from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { TaxonomiesSchema, type Taxonomies } from '../../shared/schemas';
import { AtomicJsonFile, CorruptFileError } from './atomic-json-file';
import { backupTime, newestGoodBackup } from './backups';
import { writeFileDurably } from './durable-write';
import { quarantine } from './quarantine';
import type { StoreEvents } from './store-events';
import { TAXONOMIES_FILE, type StoreInfo } from './store-info';
import { WriteGate } from './write-gate';

const backupName = (fileName: string): string => path.basename(fileName, '.json');

/** `store.json`, or for templates the words an officer knows them by. */
/** What comes back with a restored file, in the words an officer knows it by. */
const whatIsBack = (name: string): string =>
  name === 'templates.json' ? 'Your own templates were' : 'It was';

/**
 * Reads a catalog file; a damaged one (or a folder standing in its place, or a file that may not
 * be read) is moved aside and its newest good backup put in its place, with an event saying so.
 * Without a good backup the damaged file stays where it is and the open fails naming it:
 * nothing is replaced with defaults. On a store that may not be written (a full disk) the
 * backup is used from memory and the files are left as they are.
 */
export const readCatalogFile = async <T>(
  dir: string,
  name: string,
  schema: z.ZodType<T>,
  events: StoreEvents,
  now: Date,
  gate: WriteGate = new WriteGate(),
): Promise<T | null> => {
  const file = new AtomicJsonFile(path.join(dir, name), schema);
  try {
    return await file.read();
  } catch (error) {
    if (!(error instanceof CorruptFileError)) throw error;
    const backup = await newestGoodBackup(dir, backupName(name), schema);
    if (!backup) throw error;
    const from = backupTime(backup.file);
    const inMemory = () => {
      events.add({
        kind: 'restored-file',
        message: `${name} is damaged (${error.reason}). The backup of ${from} is in use; the file itself is repaired the next time the store opens with room to write.`,
        file: file.filePath,
      });
      return backup.data;
    };
    if (gate.readOnly) return inMemory();
    const keptAs = await quarantine(error, now);
    try {
      await writeFileDurably(file.filePath, backup.text);
    } catch (writeError) {
      if (!gate.refuse(writeError, `restoring ${name}`)) throw writeError;
      // Put the damaged file back rather than leave none: it is all the disk holds of it.
      await fs.rename(keptAs, file.filePath).catch(() => undefined);
      return inMemory();
    }
    events.add({
      kind: 'restored-file',
      message: `${name} was damaged (${error.reason}). ${whatIsBack(name)} restored from the backup of ${from}; the damaged file is kept as ${path.basename(keptAs)}.`,
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
  gate: WriteGate = new WriteGate(),
): Promise<Taxonomies> => {
  const found = await readCatalogFile(
    dir,
    TAXONOMIES_FILE,
    TaxonomiesSchema,
    events,
    clock(),
    gate,
  );
  if (found) return found;
  const file = new AtomicJsonFile(path.join(dir, TAXONOMIES_FILE), TaxonomiesSchema);
  // Writes what was found unless the store is read-only; answers whether it reached the disk.
  const put = async (text: string): Promise<boolean> => {
    if (gate.readOnly) return false;
    try {
      await writeFileDurably(file.filePath, text);
      return true;
    } catch (error) {
      if (!gate.refuse(error, `restoring ${TAXONOMIES_FILE}`)) throw error;
      return false;
    }
  };
  // An existing store that lost its taxonomies gets its own back, not the seed, if it can.
  const backup = info ? await newestGoodBackup(dir, 'taxonomies', TaxonomiesSchema) : null;
  if (backup) {
    const written = await put(backup.text);
    events.add({
      kind: 'restored-file',
      message: `${TAXONOMIES_FILE} was missing; ${written ? 'it was restored from' : 'until there is room to restore it, the store uses'} the backup of ${backupTime(backup.file)}.`,
      file: file.filePath,
    });
    return backup.data;
  }
  // Parsing also deep-copies, so later edits to the caller's seed object cannot leak in.
  const taxonomies = TaxonomiesSchema.parse(seed);
  if (info) {
    await put(`${JSON.stringify(taxonomies, null, 2)}\n`);
    events.add({
      kind: 'restored-file',
      message: `${TAXONOMIES_FILE} was missing and no backup of it exists; the built-in taxonomies were used.`,
      file: file.filePath,
    });
  } else {
    await new Low(file, taxonomies).write();
  }
  return taxonomies;
};
