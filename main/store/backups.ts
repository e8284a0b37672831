import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { parseJsonText } from './atomic-json-file';
import { errorCode, writeFileDurably } from './durable-write';
import { fileStamp } from './quarantine';

/** The newest versions kept whatever their age… */
export const KEEP_LATEST = 10;
/** …plus the newest of each of this many days. */
export const KEEP_DAYS = 7;

const BACKUP_NAME = /^(\d{4}-\d{2}-\d{2})T[\d-]+Z-([0-9a-f]{12})(?:-\d+)?\.json$/;

export const backupFolder = (storeDir: string, name: string): string =>
  path.join(storeDir, 'backups', name);

const listBackups = async (folder: string): Promise<string[]> => {
  try {
    return (await fs.readdir(folder)).filter((n) => BACKUP_NAME.test(n)).sort();
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
};

const hashOf = (text: string): string =>
  createHash('sha256').update(text).digest('hex').slice(0, 12);

/**
 * Keeps a copy of a catalog file (`backups/<name>/<time>-<hash>.json`) unless the newest copy
 * already has the same content, then prunes to the last 10 versions plus one a day for a week.
 * The hash in the name makes "unchanged" a directory listing, not a read.
 */
export const takeBackup = async (
  storeDir: string,
  name: string,
  text: string,
  now: Date = new Date(),
): Promise<string | null> => {
  const folder = backupFolder(storeDir, name);
  const hash = hashOf(text);
  const existing = await listBackups(folder);
  if (existing.at(-1)?.includes(`-${hash}`)) return null;
  await fs.mkdir(folder, { recursive: true });
  let file = path.join(folder, `${fileStamp(now)}-${hash}.json`);
  for (let n = 2; existing.includes(path.basename(file)); n += 1) {
    file = path.join(folder, `${fileStamp(now)}-${hash}-${n}.json`);
  }
  await writeFileDurably(file, text);
  await pruneBackups(folder, now);
  return file;
};

/** Which backups the rotation keeps, from names sorted oldest first. */
export const backupsToKeep = (names: readonly string[], now: Date): Set<string> => {
  const keep = new Set(names.slice(-KEEP_LATEST));
  const oldestDay = new Date(now.getTime() - KEEP_DAYS * 86_400_000).toISOString().slice(0, 10);
  const newestOfDay = new Map<string, string>();
  for (const name of names) {
    const day = BACKUP_NAME.exec(name)?.[1];
    if (day && day > oldestDay) newestOfDay.set(day, name);
  }
  for (const name of newestOfDay.values()) keep.add(name);
  return keep;
};

const pruneBackups = async (folder: string, now: Date): Promise<void> => {
  const names = await listBackups(folder);
  const keep = backupsToKeep(names, now);
  for (const name of names) {
    if (!keep.has(name)) await fs.rm(path.join(folder, name), { force: true });
  }
};

/** The newest backup that still parses and fits its schema, for restoring a damaged file. */
export const newestGoodBackup = async <T>(
  storeDir: string,
  name: string,
  schema: z.ZodType<T>,
): Promise<{ data: T; text: string; file: string } | null> => {
  const folder = backupFolder(storeDir, name);
  for (const backup of (await listBackups(folder)).reverse()) {
    const file = path.join(folder, backup);
    try {
      const text = await fs.readFile(file, 'utf8');
      return { data: parseJsonText(file, text, schema), text, file };
    } catch {
      // A damaged backup is skipped; an older one may still be good.
    }
  }
  return null;
};
