import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { ServiceError } from '../../shared/result';
import { errorCode } from './durable-write';

export const LOCK_FILE = 'store.lock';

const LockInfoSchema = z.object({
  pid: z.number().int().positive(),
  hostname: z.string(),
  startedAt: z.string(),
  /** What holds it, in words a user recognises (`newsroom list`, `browser-mode host`…). */
  holder: z.string(),
});
export type LockInfo = z.infer<typeof LockInfoSchema>;

export class StoreLockedError extends ServiceError {
  constructor(
    readonly dir: string,
    readonly holder: LockInfo,
  ) {
    super(
      'IO_ERROR',
      `The store in ${dir} is already open in another process: ${holder.holder} ` +
        `(process ${holder.pid} on ${holder.hostname}, since ${holder.startedAt}). ` +
        'Close it first; only one program may write to a store at a time.',
    );
    this.name = 'StoreLockedError';
  }
}

/** Locks this process holds, so reopening a store it closed uncleanly is not mistaken for a rival. */
const heldHere = new Set<string>();

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(error) === 'EPERM';
  }
};

const readLock = async (file: string): Promise<LockInfo | null> => {
  try {
    const parsed = LockInfoSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') throw error;
    // A lock cut short by a crash while it was written: its owner never got going.
    return null;
  }
};

/** Whether the recorded owner is certainly gone; a lock from another machine is never stale. */
const isStale = (info: LockInfo | null, file: string): boolean => {
  if (!info) return true;
  if (info.hostname !== os.hostname()) return false;
  if (info.pid === process.pid) return !heldHere.has(file);
  return !isAlive(info.pid);
};

export interface AcquiredLock {
  /** A previous owner died without closing the store: its last writes must be checked. */
  tookOverFrom: LockInfo | null;
  release(): Promise<void>;
  /** Lets go without deleting the file, so the next open treats this run as a crash. */
  abandon(): void;
}

/**
 * One writer per store: `store.lock` holds the owner's pid. A second process gets a message that
 * names the first; a lock whose process is dead is taken over (and reported by the caller).
 */
export const acquireStoreLock = async (dir: string, holder: string): Promise<AcquiredLock> => {
  const file = path.join(dir, LOCK_FILE);
  const mine: LockInfo = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    holder,
  };
  let tookOverFrom: LockInfo | null = null;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const handle = await fs.open(file, 'wx', 0o644);
      try {
        await handle.writeFile(JSON.stringify(mine));
        await handle.sync();
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST' || attempt >= 3) throw error;
    }
    let current: LockInfo | null;
    try {
      current = await readLock(file);
    } catch {
      continue; // Released between our open and our read: try again.
    }
    if (!isStale(current, file)) throw new StoreLockedError(dir, current ?? mine);
    // Move the stale lock aside rather than deleting it, then check that what moved is the
    // stale one: a rival that took it over meanwhile gets its lock back.
    const aside = `${file}.stale-${process.pid}`;
    try {
      await fs.rename(file, aside);
    } catch {
      continue;
    }
    const moved = await readLock(aside).catch(() => null);
    if (moved && current && moved.pid !== current.pid) {
      await fs.rename(aside, file).catch(() => undefined);
      throw new StoreLockedError(dir, moved);
    }
    await fs.rm(aside, { force: true });
    tookOverFrom = current ?? { pid: 0, hostname: '?', startedAt: '?', holder: 'unknown' };
  }
  heldHere.add(file);
  return {
    tookOverFrom,
    release: async () => {
      heldHere.delete(file);
      await fs.rm(file, { force: true });
    },
    abandon: () => {
      heldHere.delete(file);
    },
  };
};

/** The lock's owner as recorded, for `check`, which never takes the lock. */
export const inspectStoreLock = async (
  dir: string,
): Promise<{ info: LockInfo | null; stale: boolean } | null> => {
  const file = path.join(dir, LOCK_FILE);
  try {
    const info = await readLock(file);
    return { info, stale: isStale(info, file) };
  } catch {
    return null;
  }
};
