import fs from 'node:fs/promises';
import path from 'node:path';
import { summarize, type Draft } from '../../shared/schemas';
import { errorCode, type FileStamp } from './durable-write';
import type { IndexEntry, LibraryIndex } from './library-index';
import { QUARANTINE_MARK } from './quarantine';
import { DRAFT_FILE } from './store-info';

/** How many files are stat'ed at once: enough to keep the disk busy, few enough for any OS. */
const PARALLEL = 64;

export const listDraftIds = async (draftsDir: string): Promise<string[]> =>
  (await fs.readdir(draftsDir)).flatMap((name) => DRAFT_FILE.exec(name)?.[1] ?? []);

/** Damaged draft files set aside (`<id>.json.corrupt-…`), newest last, by the id they belong to. */
const listQuarantined = async (draftsDir: string): Promise<Map<string, string>> => {
  const found = new Map<string, string>();
  for (const name of (await fs.readdir(draftsDir)).sort()) {
    const at = name.indexOf(QUARANTINE_MARK);
    const id = at > 0 ? DRAFT_FILE.exec(name.slice(0, at))?.[1] : undefined;
    if (id) found.set(id, path.join(draftsDir, name));
  }
  return found;
};

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
 * A release the index does not know whose only file is a damaged one set aside (`keptAs`): it
 * is restored from a copy, or listed as damaged. Answers its entry, or null to leave it out.
 */
export type ScanOrphan = (id: string, keptAs: string) => Promise<IndexEntry | null>;

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
  orphan: ScanOrphan,
): Promise<number> => {
  const ids = await listDraftIds(draftsDir);
  const onDisk = new Set(ids);
  let changed = 0;
  for (const [id, entry] of [...index.entries]) {
    // A release marked damaged has no file by design: it stays listed until it is rescued.
    if (!onDisk.has(id) && !entry.summary.damaged) {
      index.put(id, null);
      changed += 1;
    }
  }
  for (const [id, keptAs] of await listQuarantined(draftsDir)) {
    if (onDisk.has(id) || index.get(id)) continue;
    const entry = await orphan(id, keptAs);
    if (entry) {
      index.put(id, entry);
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
          // Unless it was just marked damaged: such a release stays listed.
          if (!index.get(id)?.summary.damaged) index.put(id, null);
          return;
        }
        index.put(id, { summary: summarize(found.draft), ...found.stamp });
      }),
    );
  }
  return changed;
};
