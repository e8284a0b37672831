import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDraftService } from '../../main/services/drafts';
import { backupsToKeep } from '../../main/store/backups';
import { checkStore } from '../../main/store/check';
import { ReleaseStore, STORE_SCHEMA_VERSION } from '../../main/store/release-store';
import { summarize, type Draft } from '../../shared/schemas';
import {
  makeTempDir,
  paragraph,
  seed,
  tickingClock,
  writeStaleLock,
} from '../support/store-fixtures';

let dir: string;
const open = () => ReleaseStore.open({ dir, seed });

beforeEach(async () => {
  dir = await makeTempDir('recovery');
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A store with one saved release, closed. */
const storeWithDraft = async (): Promise<Draft> => {
  const store = await open();
  const drafts = createDraftService(store, tickingClock());
  const created = await drafts.create();
  await drafts.save({
    id: created.id,
    headline: 'Mission opens office in Osh',
    body: paragraph('The office opened today.'),
    meta: created.meta,
    status: 'draft',
  });
  const saved = await store.readDraft(created.id);
  await store.close();
  return saved;
};

const damage = {
  empty: '',
  truncated: '{\n  "id": "abc", "headline": "Mission op',
  garbage: '\u0000\u0007PK\u0003\u0004 not json at all',
} as const;
const kinds = Object.keys(damage) as (keyof typeof damage)[];

const quarantined = async (folder: string, name: string): Promise<string[]> =>
  (await fs.readdir(folder)).filter((n) => n.startsWith(`${name}.corrupt-`));

describe('a damaged catalog file', () => {
  it.each(kinds)('restores %s taxonomies.json from its backup and says so', async (kind) => {
    await storeWithDraft();
    const file = path.join(dir, 'taxonomies.json');
    await fs.writeFile(file, damage[kind]);

    const store = await open();
    expect(store.getTaxonomies()).toEqual(seed);
    expect(store.report()).toEqual([
      expect.objectContaining({
        kind: 'restored-file',
        message: expect.stringMatching(/taxonomies\.json was damaged .*restored from the backup/),
      }),
    ]);
    await store.close();
    const aside = await quarantined(dir, 'taxonomies.json');
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatch(/^taxonomies\.json\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ-[a-z-]+$/);
    expect(await fs.readFile(path.join(dir, aside[0] ?? ''), 'utf8')).toBe(damage[kind]);
    expect((await checkStore(dir)).findings.filter((f) => f.level === 'problem')).toEqual([]);
  });

  it.each(kinds)('restores %s store.json from its backup', async (kind) => {
    await storeWithDraft();
    await fs.writeFile(path.join(dir, 'store.json'), damage[kind]);
    const store = await open();
    expect(store.report()).toEqual([expect.objectContaining({ kind: 'restored-file' })]);
    expect(store.listSummaries()).toHaveLength(1);
    await store.close();
    const info: unknown = JSON.parse(await fs.readFile(path.join(dir, 'store.json'), 'utf8'));
    expect(info).toMatchObject({ schemaVersion: STORE_SCHEMA_VERSION });
    expect(await quarantined(dir, 'store.json')).toHaveLength(1);
  });

  it.each(kinds)('rebuilds a %s library index from the release files', async (kind) => {
    const draft = await storeWithDraft();
    await fs.writeFile(path.join(dir, 'library.json'), damage[kind]);
    const store = await open();
    expect(store.listSummaries()).toEqual([summarize(draft)]);
    expect(store.report()).toEqual([expect.objectContaining({ kind: 'rebuilt-library' })]);
    await store.close();
    expect(await quarantined(dir, 'library.json')).toHaveLength(1);
  });

  it('refuses to open, and keeps the file, when no good backup exists', async () => {
    await storeWithDraft();
    await fs.rm(path.join(dir, 'backups'), { recursive: true });
    const file = path.join(dir, 'taxonomies.json');
    await fs.writeFile(file, 'not json');
    await expect(open()).rejects.toThrow(/taxonomies\.json is damaged/);
    expect(await fs.readFile(file, 'utf8')).toBe('not json');
    // The failed open let go of the lock.
    await expect(fs.access(path.join(dir, 'store.lock'))).rejects.toThrow();
  });
});

describe('a damaged release file', () => {
  it.each(kinds)('is quarantined and its %s file restored as last saved', async (kind) => {
    const draft = await storeWithDraft();
    const file = path.join(dir, 'drafts', `${draft.id}.json`);
    await fs.writeFile(file, damage[kind]);

    const store = await open();
    const restored = await store.readDraft(draft.id);
    // The last acknowledged save itself, not an older snapshot under a new revision.
    expect(restored).toEqual(draft);
    expect(store.report()).toEqual([
      expect.objectContaining({ kind: 'restored-draft', draftId: draft.id }),
    ]);
    expect(store.listSummaries()).toEqual([summarize(restored)]);
    await store.close();
    const aside = await quarantined(path.join(dir, 'drafts'), `${draft.id}.json`);
    expect(aside).toHaveLength(1);
    expect(await fs.readFile(path.join(dir, 'drafts', aside[0] ?? ''), 'utf8')).toBe(damage[kind]);
    expect((await checkStore(dir)).findings.filter((f) => f.level === 'problem')).toEqual([]);
  });

  it('is found by the scan after a crash, before anyone opens it', async () => {
    const draft = await storeWithDraft();
    await fs.writeFile(path.join(dir, 'drafts', `${draft.id}.json`), damage.truncated);
    await writeStaleLock(dir);
    const store = await open();
    expect(store.report().map((e) => e.kind)).toEqual(['stale-lock', 'restored-draft']);
    expect(store.listSummaries()).toHaveLength(1);
    await store.close();
  });

  it('is reported, never replaced with an empty release, when no copy exists', async () => {
    const draft = await storeWithDraft();
    await fs.rm(path.join(dir, 'revisions'), { recursive: true });
    const file = path.join(dir, 'drafts', `${draft.id}.json`);
    await fs.writeFile(file, damage.garbage);
    const store = await open();
    await expect(store.readDraft(draft.id)).rejects.toMatchObject({
      code: 'CORRUPT_FILE',
      message: expect.stringContaining('no good copy of its last saved version'),
    });
    expect(store.report()).toEqual([expect.objectContaining({ kind: 'lost-draft' })]);
    // Still listed, marked damaged, naming the file kept for rescue.
    const [aside] = await quarantined(path.join(dir, 'drafts'), `${draft.id}.json`);
    expect(store.listSummaries()).toEqual([
      {
        ...summarize(draft),
        damaged: expect.objectContaining({
          keptAs: path.join(dir, 'drafts', aside ?? ''),
        }),
      },
    ]);
    await store.close();
    await expect(fs.access(file)).rejects.toThrow();
    expect(await quarantined(path.join(dir, 'drafts'), `${draft.id}.json`)).toHaveLength(1);
  });
});

describe('the recovery journal', () => {
  it('brings back unsaved edits after a crash, and says so', async () => {
    const draft = await storeWithDraft();
    const store = await open();
    const drafts = createDraftService(store, tickingClock(Date.UTC(2025, 5, 1)));
    await drafts.journal({
      id: draft.id,
      headline: 'Typed but never saved',
      body: paragraph('Every keystroke counts.'),
      meta: draft.meta,
      status: 'draft',
    });
    // The process dies here: no save, no close.
    await writeStaleLock(dir);

    const reopened = await open();
    const recovered = await reopened.readDraft(draft.id);
    expect(recovered.headline).toBe('Typed but never saved');
    expect(recovered.revision).toBe(draft.revision + 1);
    expect(reopened.report().map((e) => e.kind)).toEqual(['stale-lock', 'recovered-draft']);
    await reopened.close();
    expect(await fs.readdir(path.join(dir, 'journal'))).toEqual([]);
  });

  it('is superseded by a later save and never brings back older text', async () => {
    const draft = await storeWithDraft();
    const store = await open();
    const drafts = createDraftService(store, tickingClock(Date.UTC(2025, 5, 1)));
    const update = { id: draft.id, meta: draft.meta, status: 'draft' as const };
    await drafts.journal({ ...update, headline: 'Older', body: paragraph('old') });
    const journalFile = path.join(dir, 'journal', `${draft.id}.json`);
    const stale = await fs.readFile(journalFile);
    await drafts.save({ ...update, headline: 'Newer', body: paragraph('new') });
    await expect(fs.access(journalFile)).rejects.toThrow();
    // As if the deletion was lost in a power cut.
    await fs.writeFile(journalFile, stale);
    await writeStaleLock(dir);

    const reopened = await open();
    expect((await reopened.readDraft(draft.id)).headline).toBe('Newer');
    expect(reopened.report().map((e) => e.kind)).toEqual(['stale-lock']);
    await reopened.close();
  });
});

describe('migrations and backups', () => {
  it('migrates a format-1 store once, with a backup taken first', async () => {
    const draft = await storeWithDraft();
    // Format 1: library.json held every summary keyed by id, rewritten on every save.
    await fs.writeFile(
      path.join(dir, 'library.json'),
      JSON.stringify({ drafts: { [draft.id]: summarize(draft) } }),
    );
    await fs.rm(path.join(dir, 'library.log'));
    const v1 = { schemaVersion: 1, createdAt: '2025-01-01T00:00:00.000Z' };
    await fs.writeFile(path.join(dir, 'store.json'), JSON.stringify(v1));

    const store = await open();
    expect(store.listSummaries()).toEqual([summarize(draft)]);
    expect(store.report()).toEqual([expect.objectContaining({ kind: 'migrated' })]);
    await store.close();
    const backups = (await fs.readdir(path.join(dir, 'backups'))).filter((n) =>
      n.startsWith('migration-v1-to-v2-'),
    );
    expect(backups).toHaveLength(1);
    const kept: unknown = JSON.parse(
      await fs.readFile(path.join(dir, 'backups', backups[0] ?? '', 'store.json'), 'utf8'),
    );
    expect(kept).toEqual(v1);

    const again = await open();
    expect(again.report()).toEqual([]);
    await again.close();
    expect((await checkStore(dir)).findings).toEqual([]);
  });

  it('keeps the last 10 versions and one a day for a week', () => {
    const now = new Date(Date.UTC(2025, 5, 20, 12));
    const names: string[] = [];
    for (let day = 1; day <= 20; day += 1) {
      for (const hour of [8, 16]) {
        const stamp = new Date(Date.UTC(2025, 5, day, hour)).toISOString().replace(/\.\d+Z$/, 'Z');
        names.push(`${stamp.replace(/:/g, '-')}-${'a'.repeat(12)}.json`);
      }
    }
    const keep = [...backupsToKeep(names, now)].sort();
    // 10 newest (days 16–20), plus the newest of days 14 and 15; day 13 is more than a week old.
    expect(keep).toHaveLength(12);
    expect(keep[0]).toMatch(/^2025-06-14T16/);
  });
});
