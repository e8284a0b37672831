import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import { z } from 'zod';
import { errorCode } from './durable-write';

/**
 * Who holds a lock (the store's, or a takeover's), as written in its file. `nonce` makes every
 * lock file unique, so "is this still the file I judged stale?" is a comparison of contents.
 * The start fields tell a live owner from another process that was given the same number later
 * (after a reboot, or when the system reused the pid).
 */
export const LockInfoSchema = z.object({
  pid: z.number().int().positive(),
  hostname: z.string(),
  /** When the lock was taken. */
  startedAt: z.string(),
  /** What holds it, in words a user recognises (`newsroom list`, `browser-mode host`…). */
  holder: z.string(),
  nonce: z.string().optional(),
  /** Linux: /proc/sys/kernel/random/boot_id, which changes with every boot. */
  bootId: z.string().optional(),
  /** Linux: the process's start time in clock ticks since boot (/proc/<pid>/stat, field 22). */
  startTicks: z.number().int().nonnegative().optional(),
  /** When the owner process started, to the second or better, on every platform. */
  processStartedAt: z.string().optional(),
});
export type LockInfo = z.infer<typeof LockInfoSchema>;

/** What the lock file records about the process that writes it. */
export type ProcessIdentity = Pick<LockInfo, 'bootId' | 'startTicks' | 'processStartedAt'>;

/** Linux's USER_HZ, fixed at 100 on every architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

const readText = async (file: string): Promise<string | null> => {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return null;
  }
};

interface ProcStat {
  state: string;
  startTicks: number;
}

/** `/proc/<pid>/stat`; the command name may hold spaces and brackets, so fields count from its end. */
const procStat = async (pid: number | 'self'): Promise<ProcStat | null> => {
  const text = await readText(`/proc/${pid}/stat`);
  if (!text) return null;
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // Field 3 (state) is fields[0], so field 22 (starttime) is fields[19].
  const startTicks = Number(fields[19]);
  const state = fields[0];
  if (!state || !Number.isSafeInteger(startTicks)) return null;
  return { state, startTicks };
};

const bootTimeMs = async (): Promise<number> => {
  const btime = /^btime (\d+)$/m.exec((await readText('/proc/stat')) ?? '')?.[1];
  return btime ? Number(btime) * 1000 : Date.now() - os.uptime() * 1000;
};

let own: Promise<ProcessIdentity> | undefined;

/** This process's identity, read once. */
export const ownIdentity = (): Promise<ProcessIdentity> =>
  (own ??= (async () => {
    const stat = await procStat('self');
    const bootId = (await readText('/proc/sys/kernel/random/boot_id'))?.trim();
    if (stat && bootId) {
      const started = (await bootTimeMs()) + (stat.startTicks * 1000) / CLOCK_TICKS_PER_SECOND;
      return {
        bootId,
        startTicks: stat.startTicks,
        processStartedAt: new Date(started).toISOString(),
      };
    }
    return { processStartedAt: new Date(Date.now() - process.uptime() * 1000).toISOString() };
  })());

const signalsAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(error) === 'EPERM';
  }
};

/** Where /proc is missing (macOS, the BSDs): `ps` knows when a process started, to the second. */
const psStartTime = (pid: number): Promise<number | null> =>
  new Promise((resolve) => {
    if (process.platform === 'win32') {
      resolve(null);
      return;
    }
    execFile('ps', ['-o', 'lstart=', '-p', String(pid)], { timeout: 5000 }, (error, stdout) => {
      const at = error ? Number.NaN : Date.parse(stdout.trim());
      resolve(Number.isNaN(at) ? null : at);
    });
  });

export type OwnerVerdict = { alive: true } | { alive: false; why: string };

const gone = (why: string): OwnerVerdict => ({ alive: false, why });

/** How far apart two readings of one start time may be (ps rounds to the second). */
const START_SLACK_MS = 2000;

/**
 * Whether the recorded owner of a lock still runs. A lock from another machine (a shared
 * folder) always counts as alive: its process cannot be seen from here. `ownNonces` are the
 * locks this process holds or is taking, which tell its own live locks from ones it abandoned.
 */
export const judgeOwner = async (
  info: LockInfo | null,
  ownNonces: ReadonlySet<string>,
): Promise<OwnerVerdict> => {
  if (!info) return gone('its lock file could not be read');
  if (info.hostname !== os.hostname()) return { alive: true };
  const me = await ownIdentity();
  if (info.bootId && me.bootId && info.bootId !== me.bootId) {
    return gone('the computer has been restarted since');
  }
  const recordedStart = Date.parse(info.processStartedAt ?? info.startedAt);
  if (info.pid === process.pid) {
    const sameProcess = info.startTicks === undefined || info.startTicks === me.startTicks;
    if (sameProcess && info.nonce !== undefined && ownNonces.has(info.nonce)) {
      return { alive: true };
    }
    return gone('it stopped without closing the store');
  }
  if (!signalsAlive(info.pid)) return gone('it stopped without closing the store');
  const live = await procStat(info.pid);
  if (live) {
    if (live.state === 'Z' || live.state === 'X') {
      return gone('it stopped without closing the store');
    }
    if (info.startTicks !== undefined) {
      return live.startTicks === info.startTicks
        ? { alive: true }
        : gone(`process ${info.pid} is now another program`);
    }
    const liveStart = (await bootTimeMs()) + (live.startTicks * 1000) / CLOCK_TICKS_PER_SECOND;
    // A process that started after the lock was written cannot be the one that wrote it.
    if (liveStart > Date.parse(info.startedAt) + START_SLACK_MS) {
      return gone(`process ${info.pid} is now another program`);
    }
    return { alive: true };
  }
  const liveStart = await psStartTime(info.pid);
  if (Number.isNaN(recordedStart)) return { alive: true };
  if (liveStart !== null) {
    const recorded = info.processStartedAt ? recordedStart : Date.parse(info.startedAt);
    const differs = info.processStartedAt
      ? Math.abs(liveStart - recorded) > START_SLACK_MS
      : liveStart > recorded + START_SLACK_MS;
    return differs ? gone(`process ${info.pid} is now another program`) : { alive: true };
  }
  // Last resort where no start time can be read (Windows): a lock older than this boot is stale.
  const booted = Date.now() - os.uptime() * 1000;
  if (recordedStart < booted - 60_000) return gone('the computer has been restarted since');
  return { alive: true };
};
