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

/**
 * `<time>-seq<n>-<hash>.json`; `<time>-<hash>[-n].json` from versions before the sequence
 * number. The sequence, not the time, orders backups: two taken within one second (two quick
 * template saves) must not be told apart by their hashes, which sort at random.
 */
const BACKUP_NAME =
  /^(\d{4}-\d{2}-\d{2})T\d{2}-\d{2}-\d{2}Z-(?:seq(\d+)-)?([0-9a-f]{12})(?:-\d+)?\.json$/;

export const backupFolder = (storeDir: string, name: string): string =>
  path.join(storeDir, 'backups', name);

const sequenceOf = (name: string): number | null => {
  const digits = BACKUP_NAME.exec(name)?.[2];
  return digits === undefined ? null : Number(digits);
};

/** `2026-11-27 22:50:00 UTC`: when a backup was taken, as its name records it. */
export const backupTime = (file: string): string => {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z/.exec(path.basename(file));
  return match ? `${match[1]} ${match[2]}:${match[3]}:${match[4]} UTC` : path.basename(file);
};

/** Oldest first: unnumbered (older) backups by name, then numbered ones by their sequence. */
export const sortBackups = (names: readonly string[]): string[] =>
  [...names].sort((a, b) => {
    const [sa, sb] = [sequenceOf(a), sequenceOf(b)];
    if (sa === null && sb === null) return a < b ? -1 : a > b ? 1 : 0;
    if (sa === null) return -1;
    if (sb === null) return 1;
    return sa - sb;
  });

const listBackups = async (folder: string): Promise<string[]> => {
  try {
    return sortBackups((await fs.readdir(folder)).filter((n) => BACKUP_NAME.test(n)));
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
  const last = Math.max(0, ...existing.map((name) => sequenceOf(name) ?? 0));
  const file = path.join(
    folder,
    `${fileStamp(now)}-seq${String(last + 1).padStart(6, '0')}-${hash}.json`,
  );
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
