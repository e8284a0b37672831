import fs from 'node:fs/promises';
import path from 'node:path';
import { summarize, type Draft } from '../../shared/schemas';
import { errorCode, type FileStamp } from './durable-write';
import type { LibraryIndex } from './library-index';
import { DRAFT_FILE } from './store-info';

/** How many files are stat'ed at once: enough to keep the disk busy, few enough for any OS. */
const PARALLEL = 64;

export const listDraftIds = async (draftsDir: string): Promise<string[]> =>
  (await fs.readdir(draftsDir)).flatMap((name) => DRAFT_FILE.exec(name)?.[1] ?? []);

const statOf = async (file: string): Promise<FileStamp | null> => {
  try {
    const stat = await fs.stat(file);
    return { mtimeMs: stat.mtimeMs, size: stat.size };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
};

/** Reads one draft for the scan; null when it is gone (unrecoverable damage is handled inside). */
export type ScanRead = (id: string) => Promise<{ draft: Draft; stamp: FileStamp } | null>;

/**
 * Brings the index in line with the draft files after a crash or a damaged index. `verify`
 * stats every file and reads only those whose stamp differs from the index (a save that reached
 * the disk but not the log); `rebuild` reads them all. Changes only the index in memory: the
 * caller compacts it to disk afterwards. Answers how many entries changed.
 */
export const scanDrafts = async (
  draftsDir: string,
  index: LibraryIndex,
  mode: 'verify' | 'rebuild',
  read: ScanRead,
): Promise<number> => {
  const ids = await listDraftIds(draftsDir);
  const onDisk = new Set(ids);
  let changed = 0;
  for (const id of [...index.entries.keys()]) {
    if (!onDisk.has(id)) {
      index.put(id, null);
      changed += 1;
    }
  }
  for (let start = 0; start < ids.length; start += PARALLEL) {
    await Promise.all(
      ids.slice(start, start + PARALLEL).map(async (id) => {
        const known = index.get(id);
        if (mode === 'verify' && known) {
          const stamp = await statOf(path.join(draftsDir, `${id}.json`));
          if (stamp && stamp.mtimeMs === known.mtimeMs && stamp.size === known.size) return;
        }
        const found = await read(id);
        changed += 1;
        if (!found) {
          index.put(id, null);
          return;
        }
        index.put(id, { summary: summarize(found.draft), ...found.stamp });
      }),
    );
  }
  return changed;
};
