import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReleaseStore } from '../../main/store/release-store';
import { makeTempDir, seed, writeStaleLock } from '../support/store-fixtures';
import { spawnStoreChild, type StoreChild } from '../support/spawn-child';

let dir: string;
let children: StoreChild[] = [];

beforeEach(async () => {
  dir = await makeTempDir('lock');
});

afterEach(async () => {
  for (const { child, exited } of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  }
  children = [];
  await fs.rm(dir, { recursive: true, force: true });
});

const start = (mode: 'hold' | 'save-loop'): StoreChild => {
  const started = spawnStoreChild(mode, dir);
  children.push(started);
  return started;
};

describe('one writer per store', () => {
  it('refuses a second process and names the one holding the store', async () => {
    const holder = start('hold');
    await holder.ready;
    const lock: unknown = JSON.parse(await fs.readFile(path.join(dir, 'store.lock'), 'utf8'));
    expect(lock).toMatchObject({ pid: holder.child.pid, holder: 'store-child hold' });

    // This test's own process is the second program.
    await expect(ReleaseStore.open({ dir, seed })).rejects.toThrow(
      new RegExp(
        `already open in another process: store-child hold \\(process ${holder.child.pid} `,
      ),
    );
    // And another child process as well.
    const second = start('hold');
    await expect(second.ready).rejects.toThrow(/already open in another process/);
  });

  it('takes over the lock of a process that died, and reports it', async () => {
    const holder = start('hold');
    await holder.ready;
    holder.child.kill('SIGKILL');
    await holder.exited;
    const store = await ReleaseStore.open({ dir, seed, holder: 'the test' });
    expect(store.report()).toEqual([
      expect.objectContaining({
        kind: 'stale-lock',
        message: expect.stringContaining(`process ${holder.child.pid}`),
      }),
    ]);
    const lock: unknown = JSON.parse(await fs.readFile(path.join(dir, 'store.lock'), 'utf8'));
    expect(lock).toMatchObject({ pid: process.pid, holder: 'the test' });
    await store.close();
    await expect(fs.access(path.join(dir, 'store.lock'))).rejects.toThrow();
  });

  it('takes over a stale lock file left by a dead pid, and a torn one', async () => {
    await (await ReleaseStore.open({ dir, seed })).close();
    await writeStaleLock(dir);
    const store = await ReleaseStore.open({ dir, seed });
    expect(store.report().map((e) => e.kind)).toEqual(['stale-lock']);
    await store.close();

    await fs.writeFile(path.join(dir, 'store.lock'), '{"pid": 12');
    const again = await ReleaseStore.open({ dir, seed });
    expect(again.report().map((e) => e.kind)).toEqual(['stale-lock']);
    await again.close();
  });

  it('refuses a second open of the same store within one process', async () => {
    const store = await ReleaseStore.open({ dir, seed });
    await expect(ReleaseStore.open({ dir, seed })).rejects.toThrow(/already open/);
    await store.close();
    await (await ReleaseStore.open({ dir, seed })).close();
  });
});
