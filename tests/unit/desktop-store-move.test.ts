import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type OpenedServices } from '../../main/services';
import {
  inspectTarget,
  moveStore,
  switchableServices,
  verifyStore,
  type StoreMoveSteps,
} from '../../main/services/store-move';

let root: string;
let current: OpenedServices;
let facade: ReturnType<typeof switchableServices>;
let remembered: (string | null)[];

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-move-'));
  current = await openServices({ storeDir: path.join(root, 'old') });
  facade = switchableServices(current);
  remembered = [];
  const draft = await facade.services.drafts.create();
  await facade.services.drafts.save({
    id: draft.id,
    headline: 'Moved with the store',
    body: draft.body,
    meta: draft.meta,
    status: 'draft',
  });
});

afterEach(async () => {
  await facade.services.close();
  await fs.rm(root, { recursive: true, force: true });
});

const steps = (to: string, overrides: Partial<StoreMoveSteps> = {}): StoreMoveSteps => ({
  from: facade.services.storePath,
  to,
  previousPreference: null,
  closeCurrent: () => facade.services.close(),
  openStore: async (dir) => facade.swap(await openServices({ storeDir: dir })),
  rememberStore: async (dir) => void remembered.push(dir),
  ...overrides,
});

const headlines = () => facade.services.drafts.list('active').map((s) => s.headline);

describe('moving the store', () => {
  it('copies to an empty folder, checks the copy, switches, and keeps the old folder', async () => {
    const to = path.join(root, 'new', 'store');
    const result = await moveStore(steps(to));
    expect(result).toEqual({
      status: 'moved',
      storePath: to,
      previousPath: path.join(root, 'old'),
      openedExisting: false,
    });
    expect(facade.services.storePath).toBe(to);
    expect(headlines()).toEqual(['Moved with the store']);
    expect(remembered).toEqual([to]);
    // The old store is still there, whole, and no longer locked by us.
    expect(await verifyStore(path.join(root, 'old'))).toEqual([]);
    expect(await fs.readdir(path.join(root, 'old'))).not.toContain('store.lock');
    // Saves now go to the new folder.
    const [summary] = facade.services.drafts.list('active');
    const draft = await facade.services.drafts.get(summary?.id ?? '');
    await facade.services.drafts.save({ ...draft, headline: 'Edited after the move' });
    const old = await openServices({ storeDir: path.join(root, 'old') });
    expect(old.drafts.list('active').map((s) => s.headline)).toEqual(['Moved with the store']);
    await old.close();
  });

  it('refuses a folder that holds other files, and changes nothing', async () => {
    const to = path.join(root, 'documents');
    await fs.mkdir(to);
    await fs.writeFile(path.join(to, 'letter.txt'), 'private');
    await expect(moveStore(steps(to))).rejects.toThrow(/not empty and holds no release store/);
    expect(await fs.readdir(to)).toEqual(['letter.txt']);
    expect(facade.services.storePath).toBe(path.join(root, 'old'));
    expect(headlines()).toEqual(['Moved with the store']);
    expect(remembered).toEqual([]);
  });

  it('refuses the store itself and folders inside it', async () => {
    await expect(moveStore(steps(path.join(root, 'old')))).rejects.toThrow(/already in/);
    await expect(moveStore(steps(path.join(root, 'old', 'drafts', 'x')))).rejects.toThrow(
      /inside the current store/,
    );
    expect(headlines()).toEqual(['Moved with the store']);
  });

  it('opens a folder that already holds a store as it is, never copying over it', async () => {
    const other = path.join(root, 'other');
    const theirs = await openServices({ storeDir: other });
    await theirs.drafts.create();
    await theirs.close();
    expect(await inspectTarget(other)).toBe('store');
    const result = await moveStore(steps(other));
    expect(result).toMatchObject({ status: 'moved', openedExisting: true, storePath: other });
    expect(headlines()).toEqual(['']);
  });

  it('goes back to the old store and removes the copy when the check fails', async () => {
    const to = path.join(root, 'bad');
    const move = moveStore(
      steps(to, {
        previousPreference: '/was/here',
        verify: async () => ['drafts/x.json: not valid JSON'],
      }),
    );
    await expect(move).rejects.toThrow(/did not pass its check.*stays in/);
    expect(remembered).toEqual(['/was/here']);
    await expect(fs.stat(to)).rejects.toThrow();
    expect(facade.services.storePath).toBe(path.join(root, 'old'));
    expect(headlines()).toEqual(['Moved with the store']);
  });

  it('counts a folder holding only desktop litter as empty, and leaves the lock behind', async () => {
    const to = path.join(root, 'fresh');
    await fs.mkdir(to);
    await fs.writeFile(path.join(to, '.DS_Store'), '');
    expect(await inspectTarget(to)).toBe('empty');
    await moveStore(steps(to));
    // The copy was made while the old store was closed: the lock there is the new store's own.
    const lock = JSON.parse(await fs.readFile(path.join(to, 'store.lock'), 'utf8')) as {
      pid: number;
    };
    expect(lock.pid).toBe(process.pid);
  });
});
