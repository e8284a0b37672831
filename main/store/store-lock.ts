import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ServiceError } from '../../shared/result';
import { errorCode, syncDirectory } from './durable-write';
import { judgeOwner, LockInfoSchema, ownIdentity, type LockInfo } from './lock-owner';
import { fileStamp } from './quarantine';
import { readReason } from './save-errors';

export { LockInfoSchema, type LockInfo } from './lock-owner';

export const LOCK_FILE = 'store.lock';

export class StoreLockedError extends ServiceError {
  constructor(
    readonly dir: string,
    readonly holder: LockInfo,
    busy = false,
  ) {
    super(
      'IO_ERROR',
      `The store in ${dir} is ${busy ? 'being opened by' : 'already open in'} another process: ${holder.holder} ` +
        `(process ${holder.pid} on ${holder.hostname}, since ${holder.startedAt}). ` +
        'Close it first; only one program may write to a store at a time.',
    );
    this.name = 'StoreLockedError';
  }
}

/**
 * Nonces of the locks (and takeover claims) this process holds or is taking, so reopening a
 * store it closed uncleanly is not mistaken for a rival, and two opens in one process still
 * exclude each other.
 */
const ownNonces = new Set<string>();

/** An empty lock younger than this may be one being written without hard links: wait for it. */
const BEING_WRITTEN_MS = 5000;

interface LockFile {
  info: LockInfo | null;
  /** Tells this file from any other that ever stood at the same path. */
  identity: string;
  folder: boolean;
  /** Empty and only just created: its owner may be writing it right now. */
  young: boolean;
  mtimeMs: number;
}

/** A lock file as it is now, or null when there is none. */
const readLockFile = async (file: string): Promise<LockFile | null> => {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw new ServiceError(
      'IO_ERROR',
      `The lock file ${file} cannot be read: ${readReason(error)}.`,
    );
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) {
      return {
        info: null,
        identity: `folder-${stat.ino}`,
        folder: true,
        young: false,
        mtimeMs: stat.mtimeMs,
      };
    }
    const text = await handle.readFile('utf8');
    let info: LockInfo | null = null;
    try {
      const parsed = LockInfoSchema.safeParse(JSON.parse(text));
      if (parsed.success) info = parsed.data;
    } catch {
      // Not JSON: a lock cut short by an older version of this app, whose owner never got going.
    }
    const identity =
      info?.nonce ??
      `raw-${stat.ino}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
    const young = stat.size === 0 && Date.now() - stat.mtimeMs < BEING_WRITTEN_MS;
    return { info, identity, folder: false, young, mtimeMs: stat.mtimeMs };
  } finally {
    await handle.close();
  }
};

/** Writes an owner record completely and durably under a name nobody else uses. */
const writeOwnerFile = async (file: string, info: LockInfo): Promise<void> => {
  const handle = await fs.open(file, 'wx', 0o644);
  try {
    await handle.writeFile(JSON.stringify(info));
    await handle.sync();
  } finally {
    await handle.close();
  }
};

/** File systems without hard links (FAT, exFAT, some network shares) answer link() with these. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * Creates `target` as a second name of the complete owner file: it appears whole, or not at
 * all. Where the file system has no hard links, it is created exclusively and written in one
 * write, and readers give an empty lock a moment to be filled (see BEING_WRITTEN_MS).
 */
const linkExclusive = async (source: string, target: string): Promise<boolean> => {
  try {
    await fs.link(source, target);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(errorCode(error) ?? '')) throw error;
  }
  try {
    await fs.writeFile(target, await fs.readFile(source), { flag: 'wx' });
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
};

type TakeOver = 'removed' | 'busy' | 'changed';

/** How many claims on one stale lock may belong to takers that died mid-takeover. */
const MAX_CLAIMS = 64;

/**
 * Removes the stale lock `stale`, if this process wins the right to. Each stale lock can be
 * claimed by one taker at a time (`store.lock.takeover-<its id>-<k>`, created exclusively); a
 * taker that died holding claim k passes the right to claim k+1. The winner checks the lock is
 * still the one judged stale before moving it: nothing else removes a stale lock, and no rival
 * can create one while it stands, so the file moved is that one, never a live rival's.
 */
const takeOver = async (file: string, stale: LockFile, ownerFile: string): Promise<TakeOver> => {
  const key = createHash('sha256').update(stale.identity).digest('hex').slice(0, 16);
  for (let k = 1; k <= MAX_CLAIMS; k += 1) {
    const claim = `${file}.takeover-${key}-${k}`;
    if (!(await linkExclusive(ownerFile, claim))) {
      const other = await readLockFile(claim);
      if (!other) {
        k -= 1; // Its taker finished and let go: try the same number again.
        continue;
      }
      if ((await judgeOwner(other.info, ownNonces)).alive) return 'busy';
      continue;
    }
    try {
      const now = await readLockFile(file);
      if (!now || now.identity !== stale.identity) return 'changed';
      const aside = stale.folder
        ? `${file}.corrupt-${fileStamp(new Date())}-folder-${randomBytes(4).toString('hex')}`
        : `${file}.stale-${randomBytes(6).toString('hex')}`;
      await fs.rename(file, aside);
      if (!stale.folder) await fs.rm(aside, { force: true });
      return 'removed';
    } finally {
      await fs.rm(claim, { force: true });
    }
  }
  return 'busy';
};

/** How old an unreadable leftover must be before it is certainly nobody's work in progress. */
const LEFTOVER_MS = 60_000;

/** Claims and owner files left by processes that died while taking the lock. */
const sweepLeftovers = async (dir: string): Promise<void> => {
  const names = await fs.readdir(dir).catch(() => []);
  for (const name of names) {
    if (!/^store\.lock\.(?:new|takeover|stale)-/.test(name)) continue;
    const file = path.join(dir, name);
    const found = await readLockFile(file).catch(() => null);
    if (!found || found.folder) continue;
    // An owner file that does not parse yet may be one a rival is writing at this moment.
    const dead = found.info
      ? !(await judgeOwner(found.info, ownNonces)).alive
      : Date.now() - found.mtimeMs > LEFTOVER_MS;
    if (dead) await fs.rm(file, { force: true });
  }
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Rounds of waiting for a rival that is taking over the same stale lock. */
const BUSY_ROUNDS = 500;

export interface AcquiredLock {
  /** A previous owner stopped without closing the store: its last writes must be checked. */
  tookOverFrom: (LockInfo & { why: string }) | null;
  release(): Promise<void>;
  /** Lets go without deleting the file, so the next open treats this run as a crash. */
  abandon(): void;
}

const UNKNOWN_OWNER: LockInfo = { pid: 1, hostname: '?', startedAt: '?', holder: 'unknown' };

/**
 * One writer per store: `store.lock` records its owner (pid, start time, boot, host). It is
 * written whole to a file of its own and then linked into place, which fails if a lock exists:
 * there is no moment at which a rival could read it half written. A second process gets a
 * message that names the first; a lock whose owner is gone (it died, the machine restarted, its
 * pid now belongs to another program) is taken over, and reported by the caller.
 */
export const acquireStoreLock = async (dir: string, holder: string): Promise<AcquiredLock> => {
  const file = path.join(dir, LOCK_FILE);
  const nonce = randomBytes(12).toString('hex');
  const mine: LockInfo = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    holder,
    nonce,
    ...(await ownIdentity()),
  };
  const ownerFile = `${file}.new-${nonce}`;
  ownNonces.add(nonce);
  let tookOverFrom: AcquiredLock['tookOverFrom'] = null;
  try {
    await writeOwnerFile(ownerFile, mine);
    for (let round = 0; ; round += 1) {
      if (await linkExclusive(ownerFile, file)) break;
      const current = await readLockFile(file);
      if (!current) continue; // Released between our link and our read.
      const verdict = await judgeOwner(current.info, ownNonces);
      if (verdict.alive) throw new StoreLockedError(dir, current.info ?? UNKNOWN_OWNER);
      const outcome = current.young ? 'busy' : await takeOver(file, current, ownerFile);
      if (outcome === 'removed') {
        tookOverFrom = { ...(current.info ?? UNKNOWN_OWNER), why: verdict.why };
      } else if (outcome === 'busy') {
        if (round >= BUSY_ROUNDS) {
          throw new StoreLockedError(dir, current.info ?? UNKNOWN_OWNER, true);
        }
        await pause(5 + Math.random() * 20);
      }
    }
    await syncDirectory(dir);
  } catch (error) {
    ownNonces.delete(nonce);
    throw error;
  } finally {
    await fs.rm(ownerFile, { force: true }).catch(() => undefined);
  }
  await sweepLeftovers(dir).catch(() => undefined);
  return {
    tookOverFrom,
    release: async () => {
      ownNonces.delete(nonce);
      // Only our own lock: should the folder have been swapped under us, the other one stays.
      const current = await readLockFile(file).catch(() => null);
      if (current?.identity === nonce) await fs.rm(file, { force: true });
    },
    abandon: () => {
      ownNonces.delete(nonce);
    },
  };
};

/** The lock's owner as recorded, for `check`, which never takes the lock. */
export const inspectStoreLock = async (
  dir: string,
): Promise<{ info: LockInfo | null; stale: boolean } | null> => {
  try {
    const found = await readLockFile(path.join(dir, LOCK_FILE));
    if (!found) return null;
    return { info: found.info, stale: !(await judgeOwner(found.info, ownNonces)).alive };
  } catch {
    return null;
  }
};
