import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDraftService } from '../../main/services/drafts';
import { checkStore } from '../../main/store/check';
import { ReleaseStore } from '../../main/store/release-store';
import { makeTempDir, paragraph, releaseBody, seed, tickingClock } from '../support/store-fixtures';

let root: string;
let mount: string;
/** Why the real-disk variant is skipped here, or null when a small tmpfs could be mounted. */
let noTmpfs: string | null = null;

beforeAll(async () => {
  root = await makeTempDir('disk-full');
  mount = path.join(root, 'small-disk');
  await fs.mkdir(mount);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mount], { stdio: 'pipe' });
  } catch (error) {
    noTmpfs = `cannot mount a 256 KB tmpfs here (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); using a fault-injected write instead`;
    console.log(`disk-full test: ${noTmpfs}`);
  }
});

afterAll(async () => {
  if (!noTmpfs) execFileSync('umount', [mount], { stdio: 'pipe' });
  await fs.rm(root, { recursive: true, force: true });
});

const tempFiles = async (folder: string) =>
  (await fs.readdir(folder)).filter((name) => name.endsWith('.tmp'));

/** Fills the disk with one file until the file system refuses another byte. */
const fillDisk = async (file: string): Promise<void> => {
  const handle = await fs.open(file, 'w');
  try {
    for (;;) await handle.write(Buffer.alloc(4096, 1));
  } catch (error) {
    expect(error).toMatchObject({ code: 'ENOSPC' });
  } finally {
    await handle.close();
  }
};

describe('a full or read-only disk', () => {
  it('refuses the save clearly, keeps the saved version, and takes it once there is room', async (context) => {
    if (noTmpfs) context.skip();
    const dir = path.join(mount, 'store');
    const store = await ReleaseStore.open({ dir, seed });
    const drafts = createDraftService(store, tickingClock());
    const draft = await drafts.create();
    const update = { id: draft.id, meta: draft.meta, status: 'draft' as const };
    await drafts.save({
      ...update,
      headline: 'Saved before the disk filled',
      body: paragraph('v1'),
    });
    const file = path.join(dir, 'drafts', `${draft.id}.json`);
    const before = await fs.readFile(file, 'utf8');

    const filler = path.join(mount, 'filler');
    await fillDisk(filler);
    const big = { ...update, headline: 'Too big for the disk', body: releaseBody(800) };
    await expect(drafts.save(big)).rejects.toMatchObject({
      code: 'IO_ERROR',
      message: expect.stringMatching(/the disk is full \(ENOSPC.*The last saved version is intact/),
    });
    await expect(drafts.journal(big)).rejects.toMatchObject({ code: 'IO_ERROR' });
    expect(await fs.readFile(file, 'utf8')).toBe(before);
    expect(await tempFiles(path.join(dir, 'drafts'))).toEqual([]);
    expect(drafts.list('active')[0]).toMatchObject({ headline: 'Saved before the disk filled' });

    // The window retries; once there is room again the same save goes through.
    await fs.rm(filler);
    await expect(drafts.save(big)).resolves.toMatchObject({ headline: 'Too big for the disk' });

    expect((await store.readDraft(draft.id)).headline).toBe('Too big for the disk');
    await store.close();
    expect((await checkStore(dir)).findings).toEqual([]);

    execFileSync('mount', ['-o', 'remount,ro', mount]);
    try {
      await expect(ReleaseStore.open({ dir, seed })).rejects.toMatchObject({
        code: 'IO_ERROR',
        message: expect.stringContaining(
          'cannot be opened for writing: the store is on a read-only disk',
        ),
      });
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', mount]);
    }
    expect(await fs.readFile(file, 'utf8')).not.toBe(before);
  });

  it('says so when the disk turns read-only under an open store', async () => {
    const dir = path.join(root, 'store-read-only');
    const store = await ReleaseStore.open({ dir, seed });
    const drafts = createDraftService(store, tickingClock());
    const draft = await drafts.create();
    vi.spyOn(fs, 'open').mockRejectedValueOnce(
      Object.assign(new Error('EROFS: read-only file system, open'), { code: 'EROFS' }),
    );
    await expect(
      drafts.save({
        id: draft.id,
        headline: 'x',
        body: paragraph('x'),
        meta: draft.meta,
        status: 'draft',
      }),
    ).rejects.toMatchObject({
      code: 'IO_ERROR',
      message: expect.stringContaining('read-only disk'),
    });
    vi.restoreAllMocks();
    expect((await store.readDraft(draft.id)).revision).toBe(0);
    await store.close();
  });

  it('keeps the previous version when a write fails midway (fault injected)', async () => {
    const dir = path.join(root, 'store-injected');
    const store = await ReleaseStore.open({ dir, seed });
    const drafts = createDraftService(store, tickingClock());
    const draft = await drafts.create();
    const file = path.join(dir, 'drafts', `${draft.id}.json`);
    const before = await fs.readFile(file, 'utf8');

    const realOpen = fs.open.bind(fs);
    vi.spyOn(fs, 'open').mockImplementationOnce(async (target, flags, mode) => {
      const handle = await realOpen(target, flags, mode);
      // Half the text reaches the temp file, then the disk is full.
      handle.writeFile = async (data) => {
        await handle.write(String(data).slice(0, String(data).length / 2));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
        });
      };
      return handle;
    });
    await expect(
      drafts.save({
        id: draft.id,
        headline: 'Half written',
        body: releaseBody(800),
        meta: draft.meta,
        status: 'draft',
      }),
    ).rejects.toMatchObject({ code: 'IO_ERROR', message: expect.stringContaining('disk is full') });
    vi.restoreAllMocks();
    expect(await fs.readFile(file, 'utf8')).toBe(before);
    expect(await tempFiles(path.join(dir, 'drafts'))).toEqual([]);
    await store.close();
    expect((await checkStore(dir)).findings).toEqual([]);
  });
});
