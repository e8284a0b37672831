import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AtomicJsonFile, CorruptFileError } from '../../main/store/atomic-json-file';
import { ReleaseStore, STORE_SCHEMA_VERSION } from '../../main/store/release-store';
import { writeStaleLock } from '../support/store-fixtures';
import { createDraftService } from '../../main/services/drafts';
import { TaxonomiesSchema, type Taxonomies } from '../../shared/schemas';
import seedJson from '../../main/store/seed/taxonomies.json';

const seed: Taxonomies = TaxonomiesSchema.parse(seedJson);

let dir: string;
const open = (seedTaxonomies: Taxonomies = seed) =>
  ReleaseStore.open({ dir, seed: seedTaxonomies });

/** A clock that ticks one minute per call, so "newest first" is never a tie. */
const tickingClock = (start = Date.UTC(2025, 2, 14, 9, 0, 0)) => {
  let now = start;
  return () => new Date((now += 60_000));
};

const paragraph = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-store-'));
});

afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('ReleaseStore', () => {
  it('creates the store layout in a new folder', async () => {
    const store = await open();
    await store.close();
    const names = (await fs.readdir(dir)).sort();
    expect(names).toEqual([
      'backups',
      'drafts',
      'library.json',
      'library.log',
      'store.json',
      'taxonomies.json',
    ]);
    const info: unknown = JSON.parse(await fs.readFile(path.join(dir, 'store.json'), 'utf8'));
    expect(info).toMatchObject({ schemaVersion: STORE_SCHEMA_VERSION });
    const library: unknown = JSON.parse(await fs.readFile(path.join(dir, 'library.json'), 'utf8'));
    expect(library).toEqual({ format: 2, generation: 1, drafts: {} });
    expect((await fs.readdir(path.join(dir, 'backups'))).sort()).toEqual(['store', 'taxonomies']);
  });

  it('reads back a saved draft after reopening', async () => {
    const store = await open();
    const drafts = createDraftService(store, tickingClock());
    const created = await drafts.create();
    await drafts.save({
      id: created.id,
      headline: 'Mission opens office in Osh',
      body: paragraph('The office opened today.'),
      meta: { ...created.meta, placeIds: ['osh'], countryIds: ['kyrgyzstan'] },
      status: 'ready',
    });
    const saved = await store.readDraft(created.id);
    await store.close();

    const reopened = await open();
    const read = await reopened.readDraft(created.id);
    expect(read).toEqual(saved);
    expect(read.headline).toBe('Mission opens office in Osh');
    expect(read.revision).toBe(1);
    expect(reopened.listSummaries()).toEqual([
      expect.objectContaining({ id: created.id, headline: read.headline, revision: 1 }),
    ]);
    await reopened.close();
  });

  it('gives new drafts today, the press-release type and an empty body', async () => {
    const store = await open();
    const drafts = createDraftService(store, () => new Date(2025, 2, 14, 23, 30));
    const draft = await drafts.create();
    expect(draft.meta.date).toBe('2025-03-14');
    expect(draft.meta.contentTypeId).toBe('press-release');
    expect(draft).toMatchObject({ headline: '', status: 'draft', revision: 0, trashedAt: null });
    await store.close();
  });

  it('lists summaries newest first, and trashes and restores', async () => {
    const store = await open();
    const drafts = createDraftService(store, tickingClock());
    const a = await drafts.create();
    const b = await drafts.create();
    const c = await drafts.create();
    // Editing `a` makes it the newest.
    await drafts.save({ id: a.id, headline: 'A', body: a.body, meta: a.meta, status: 'draft' });
    expect(drafts.list('active').map((s) => s.id)).toEqual([a.id, c.id, b.id]);

    const trashedB = await drafts.trash(b.id);
    expect(trashedB.trashedAt).not.toBeNull();
    expect(trashedB.updatedAt).toBe(b.updatedAt);
    await drafts.trash(c.id);
    expect(drafts.list('active').map((s) => s.id)).toEqual([a.id]);
    expect(drafts.list('trash').map((s) => s.id)).toEqual([c.id, b.id]);

    // A trashed draft can still be saved.
    await drafts.save({ id: c.id, headline: 'C', body: c.body, meta: c.meta, status: 'draft' });
    const restored = await drafts.restore(b.id);
    expect(restored.trashedAt).toBeNull();
    await store.close();

    const reopened = await open();
    const again = createDraftService(reopened);
    expect(again.list('active').map((s) => s.id)).toEqual([a.id, b.id]);
    expect(again.list('trash').map((s) => s.id)).toEqual([c.id]);
    await reopened.close();
  });

  it('answers NOT_FOUND for a draft that does not exist', async () => {
    const store = await open();
    await expect(store.readDraft('no-such-draft')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'No release with id no-such-draft',
    });
    await expect(store.readDraft('../../etc/passwd')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await store.close();
  });

  it('keeps concurrent saves of one draft in order', async () => {
    const store = await open();
    const drafts = createDraftService(store, tickingClock());
    const draft = await drafts.create();
    const saves = Array.from({ length: 20 }, (_, i) =>
      drafts.save({
        id: draft.id,
        headline: `Take ${i}`,
        body: draft.body,
        meta: draft.meta,
        status: 'draft',
      }),
    );
    const results = await Promise.all(saves);
    expect(results.map((r) => r.revision)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await store.close();
    const reopened = await open();
    expect((await reopened.readDraft(draft.id)).headline).toBe('Take 19');
    expect(reopened.listSummaries()[0]).toMatchObject({ headline: 'Take 19', revision: 20 });
    expect((await fs.readdir(path.join(dir, 'drafts'))).filter((n) => n.endsWith('.tmp'))).toEqual(
      [],
    );
    await reopened.close();
  });

  it('copies the taxonomies from the seed once and keeps its own copy after', async () => {
    const store = await open();
    expect(store.getTaxonomies()).toEqual(seed);
    await store.close();

    const file = path.join(dir, 'taxonomies.json');
    const edited: Taxonomies = JSON.parse(await fs.readFile(file, 'utf8'));
    edited.contentTypes.push({ id: 'op-ed', label: 'Op-ed' });
    await fs.writeFile(file, JSON.stringify(edited));

    const changedSeed = structuredClone(seed);
    changedSeed.contentTypes = [{ id: 'something-else', label: 'Something else' }];
    const reopened = await open(changedSeed);
    expect(reopened.getTaxonomies().contentTypes.map((t) => t.id)).toContain('op-ed');
    expect(reopened.getTaxonomies().contentTypes.map((t) => t.id)).not.toContain('something-else');
    await reopened.close();
  });

  it('rebuilds a missing library from the draft files', async () => {
    const store = await open();
    const drafts = createDraftService(store, tickingClock());
    const one = await drafts.create();
    const two = await drafts.createFrom({
      headline: 'Second',
      body: paragraph('Text'),
      meta: one.meta,
    });
    await store.close();
    await fs.rm(path.join(dir, 'library.json'));

    const reopened = await open();
    expect(
      reopened
        .listSummaries()
        .map((s) => s.id)
        .sort(),
    ).toEqual([one.id, two.id].sort());
    const library: unknown = JSON.parse(await fs.readFile(path.join(dir, 'library.json'), 'utf8'));
    expect(library).toMatchObject({ drafts: { [two.id]: { summary: { headline: 'Second' } } } });
    await reopened.close();
  });

  it('finds a draft whose library entry was lost in a crash', async () => {
    const store = await open();
    const drafts = createDraftService(store, tickingClock());
    const kept = await drafts.create();
    await store.close();
    const libraryBefore = await fs.readFile(path.join(dir, 'library.json'));
    const again = await open();
    const lost = await createDraftService(again, tickingClock()).create();
    await again.close();
    // As if the process died after writing the draft but before its index line reached the disk.
    await fs.writeFile(path.join(dir, 'library.json'), libraryBefore);
    await fs.writeFile(path.join(dir, 'library.log'), '');
    await writeStaleLock(dir);

    const reopened = await open();
    expect(
      reopened
        .listSummaries()
        .map((s) => s.id)
        .sort(),
    ).toEqual([kept.id, lost.id].sort());
    await reopened.close();
  });
});

describe('AtomicJsonFile', () => {
  const tempFiles = async () => (await fs.readdir(dir)).filter((name) => name.endsWith('.tmp'));

  it('returns null for a missing file and writes 2-space JSON with a newline', async () => {
    const file = new AtomicJsonFile<{ a: number }>(path.join(dir, 'x.json'));
    expect(await file.read()).toBeNull();
    await file.write({ a: 1 });
    expect(await fs.readFile(path.join(dir, 'x.json'), 'utf8')).toBe('{\n  "a": 1\n}\n');
    expect(await file.read()).toEqual({ a: 1 });
  });

  it('leaves the previous file intact when serialising fails', async () => {
    const target = path.join(dir, 'x.json');
    const file = new AtomicJsonFile<unknown>(target);
    await file.write({ version: 1 });
    const poisoned = {
      toJSON() {
        throw new Error('cannot serialise');
      },
    };
    await expect(file.write(poisoned)).rejects.toThrow('cannot serialise');
    expect(await fs.readFile(target, 'utf8')).toBe('{\n  "version": 1\n}\n');
    expect(await tempFiles()).toEqual([]);
  });

  it('removes its temp file and keeps the previous file when the rename fails', async () => {
    const target = path.join(dir, 'x.json');
    const file = new AtomicJsonFile<unknown>(target);
    await file.write({ version: 1 });
    // The temp file is written and flushed; only replacing the target fails.
    const rename = vi.spyOn(fs, 'rename').mockRejectedValueOnce(new Error('disk went away'));
    await expect(file.write({ version: 2 })).rejects.toThrow('disk went away');
    expect(rename).toHaveBeenCalledOnce();
    expect(await fs.readFile(target, 'utf8')).toBe('{\n  "version": 1\n}\n');
    expect(await tempFiles()).toEqual([]);
  });

  it('keeps the previous draft when a save fails midway, and says so', async () => {
    const store = await open();
    const drafts = createDraftService(store, tickingClock());
    const draft = await drafts.create();
    const draftPath = path.join(dir, 'drafts', `${draft.id}.json`);
    const before = await fs.readFile(draftPath, 'utf8');
    // Only the draft file's own rename fails: the store's backup copies still get written.
    const rename = fs.rename.bind(fs);
    let failed = false;
    vi.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
      if (failed || String(to) !== draftPath) return rename(from, to);
      failed = true;
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    await expect(
      drafts.save({
        id: draft.id,
        headline: 'New',
        body: draft.body,
        meta: draft.meta,
        status: 'draft',
      }),
    ).rejects.toMatchObject({
      code: 'IO_ERROR',
      message: expect.stringContaining('no space left'),
    });
    expect(await fs.readFile(draftPath, 'utf8')).toBe(before);
    expect((await fs.readdir(path.join(dir, 'drafts'))).filter((n) => n.endsWith('.tmp'))).toEqual(
      [],
    );
    expect(drafts.list('active')[0]).toMatchObject({ revision: 0 });
    await store.close();
  });

  it('reports a file that does not parse as corrupt', async () => {
    const target = path.join(dir, 'x.json');
    await fs.writeFile(target, '{"a": 1');
    const error = await new AtomicJsonFile(target).read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptFileError);
    expect(error).toMatchObject({ code: 'CORRUPT_FILE', path: target });
  });
});
