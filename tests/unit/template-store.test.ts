import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type OpenedServices } from '../../main/services';
import { checkStore } from '../../main/store/check';
import { makeTempDir, paragraph, tickingClock } from '../support/store-fixtures';

/**
 * An officer's own templates are work like any release: a damaged `templates.json` comes back
 * from its backup, and without one it is set aside without keeping anyone from the releases.
 */
let dir: string;
let services: OpenedServices | null = null;
const open = async (): Promise<OpenedServices> => {
  services = await openServices({ storeDir: dir, clock: tickingClock() });
  return services;
};
const close = async (): Promise<void> => {
  await services?.close();
  services = null;
};

beforeEach(async () => {
  dir = await makeTempDir('templates');
});
afterEach(async () => {
  await close();
  await fs.rm(dir, { recursive: true, force: true });
});

/** A store with one release and one template of the officer's own, closed. */
const storeWithOwnTemplate = async (): Promise<void> => {
  const { drafts, templates } = await open();
  const draft = await drafts.create();
  await drafts.save({
    id: draft.id,
    headline: 'Head of Mission visits [region]',
    body: paragraph('[Who] visited [where] today.'),
    meta: draft.meta,
    status: 'draft',
  });
  await templates.saveFromDraft(await drafts.get(draft.id), 'Visit of the Head of Mission');
  await close();
};

const ownTemplates = (s: OpenedServices): string[] =>
  s.templates
    .list()
    .filter((t) => !t.builtin)
    .map((t) => t.name);

const damage = {
  empty: '',
  truncated: '{\n  "templates": [ { "id": "visit", "na',
  'wrong shape': '{ "templates": "none" }',
} as const;

describe('templates.json', () => {
  it('is backed up after every change', async () => {
    await storeWithOwnTemplate();
    const backups = await fs.readdir(path.join(dir, 'backups', 'templates'));
    expect(backups).toHaveLength(1);
    const copy = await fs.readFile(
      path.join(dir, 'backups', 'templates', backups[0] ?? ''),
      'utf8',
    );
    expect(copy).toBe(await fs.readFile(path.join(dir, 'templates.json'), 'utf8'));
  });

  it.each(Object.keys(damage) as (keyof typeof damage)[])(
    'comes back from its backup when %s, and the window is told',
    async (kind) => {
      await storeWithOwnTemplate();
      await fs.writeFile(path.join(dir, 'templates.json'), damage[kind]);
      const reopened = await open();
      expect(ownTemplates(reopened)).toEqual(['Visit of the Head of Mission']);
      const [event] = reopened.storeReport().events;
      expect(event?.kind).toBe('restored-file');
      expect(event?.message).toMatch(/^templates\.json was damaged .* restored from the backup/);
      expect(await fs.readFile(event?.keptAs ?? '', 'utf8')).toBe(damage[kind]);
    },
  );

  it('without a backup is set aside, and the store still opens with its releases', async () => {
    await storeWithOwnTemplate();
    await fs.rm(path.join(dir, 'backups', 'templates'), { recursive: true });
    await fs.writeFile(path.join(dir, 'templates.json'), damage.truncated);

    const reopened = await open();
    expect(reopened.drafts.list('active').map((d) => d.headline)).toEqual([
      'Head of Mission visits [region]',
    ]);
    expect(ownTemplates(reopened)).toEqual([]);
    expect(reopened.templates.list().filter((t) => t.builtin).length).toBeGreaterThan(0);
    const [event] = reopened.storeReport().events;
    expect(event?.kind).toBe('damaged-file');
    expect(event?.message).toContain('your own templates are missing until it is repaired');
    expect(await fs.readFile(event?.keptAs ?? '', 'utf8')).toBe(damage.truncated);

    // A template saved now starts a fresh file; the damaged one stays where it was put.
    const [draft] = reopened.drafts.list('active');
    await reopened.templates.saveFromDraft(
      await reopened.drafts.get(draft?.id ?? ''),
      'Visit, again',
    );
    expect(ownTemplates(reopened)).toEqual(['Visit, again']);
    expect(await fs.readFile(event?.keptAs ?? '', 'utf8')).toBe(damage.truncated);
  });
});

describe('newsroom check', () => {
  it('names a damaged templates.json', async () => {
    await storeWithOwnTemplate();
    await fs.writeFile(path.join(dir, 'templates.json'), damage.truncated);
    const { findings } = await checkStore(dir);
    expect(findings).toContainEqual(
      expect.objectContaining({ level: 'problem', file: 'templates.json' }),
    );
  });

  it('is content with a store that has no templates of its own', async () => {
    await open();
    await close();
    const { findings } = await checkStore(dir);
    expect(findings.filter((f) => f.file === 'templates.json')).toEqual([]);
  });
});
