import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import os from 'node:os';
import { ReleaseStore } from '../../main/store/release-store';
import { spawnLineChild, type LineChild } from '../support/line-child';
import { makeTempDir, seed, writeStaleLock } from '../support/store-fixtures';

const RACERS = 4;
const TRIALS = 30;

let root: string;
let racers: LineChild[] = [];

beforeAll(async () => {
  root = await makeTempDir('lock-race');
  racers = Array.from({ length: RACERS }, () => spawnLineChild('lock-race-child.ts'));
  await Promise.all(racers.map((racer) => racer.next((line) => line === 'ready')));
});

afterAll(async () => {
  await Promise.all(racers.map((racer) => racer.stop()));
  await fs.rm(root, { recursive: true, force: true });
});

/** What each scenario leaves in the store folder before the racers start. */
const scenarios = {
  missing: async () => undefined,
  /** Left by an older version that crashed between creating the lock and writing it. */
  empty: async (dir: string) => {
    const file = path.join(dir, 'store.lock');
    await fs.writeFile(file, '');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await fs.utimes(file, anHourAgo, anHourAgo);
  },
  stale: async (dir: string) => {
    await writeStaleLock(dir);
  },
} as const;

/** Starts every racer at once on `dir`; answers how many came away holding the lock. */
const race = async (dir: string): Promise<{ held: number; refusals: string[] }> => {
  const results = racers.map((racer) =>
    racer.next((line) => line.startsWith('held ') || line.startsWith('refused ')),
  );
  for (const racer of racers) racer.send(`go ${dir}`);
  const lines = await Promise.all(results);
  for (const racer of racers) racer.send('release');
  await Promise.all(racers.map((racer) => racer.next((line) => line === 'released')));
  return {
    held: lines.filter((line) => line.startsWith('held ')).length,
    refusals: lines.filter((line) => line.startsWith('refused ')),
  };
};

describe('the store lock, raced for by several processes', () => {
  it.each(Object.keys(scenarios) as (keyof typeof scenarios)[])(
    `has exactly one holder in each of ${TRIALS} trials, the lock being %s`,
    async (scenario) => {
      const outcomes: number[] = [];
      for (let trial = 0; trial < TRIALS; trial += 1) {
        const dir = path.join(root, `${scenario}-${trial}`);
        await fs.mkdir(dir);
        await scenarios[scenario](dir);
        const { held, refusals } = await race(dir);
        outcomes.push(held);
        // Everyone else was told who holds the store, nothing vaguer.
        for (const refusal of refusals) {
          expect(refusal).toMatch(/already open in another process: racer \d+/);
        }
        // Nothing of the race is left behind but the released folder.
        expect((await fs.readdir(dir)).filter((name) => name.startsWith('store.lock'))).toEqual([]);
      }
      expect(outcomes).toEqual(Array.from({ length: TRIALS }, () => 1));
    },
  );
});

/** A process that runs until the test ends it: its pid is live, but it never held any lock. */
const bystander = async (): Promise<{ pid: number; stop: () => void }> => {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9)'], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('spawn', resolve));
  if (!child.pid) throw new Error('could not start a bystander process');
  return { pid: child.pid, stop: () => child.kill('SIGKILL') };
};

describe('a lock whose pid now belongs to another process', () => {
  const lockNaming = async (dir: string, fields: Record<string, unknown>) => {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(
      path.join(dir, 'store.lock'),
      JSON.stringify({ hostname: os.hostname(), holder: 'a program long gone', ...fields }),
    );
  };

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a different start time', { startTicks: 1, nonce: 'n1' }, /is now another program/],
    ['an earlier boot', { bootId: 'a-boot-long-ago', nonce: 'n2' }, /restarted since/],
    [
      'no start time, written before the process started',
      { startedAt: new Date(Date.now() - 50_000).toISOString() },
      /is now another program|restarted since/,
    ],
  ])('is taken over when its record has %s', async (label, fields, why) => {
    const other = await bystander();
    try {
      const dir = path.join(root, `reused-${label.replace(/\W+/g, '-')}`);
      await lockNaming(dir, { pid: other.pid, startedAt: new Date().toISOString(), ...fields });
      const store = await ReleaseStore.open({ dir, seed, holder: 'the test' });
      expect(store.report()).toEqual([
        expect.objectContaining({ kind: 'stale-lock', message: expect.stringMatching(why) }),
      ]);
      await store.close();
    } finally {
      other.stop();
    }
  });
});
