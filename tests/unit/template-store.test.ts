import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openServices, type OpenedServices } from '../../main/services';
import { backupTime } from '../../main/store/backups';
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
  vi.restoreAllMocks();
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

describe('templates.json, missing', () => {
  it('comes back from its backup and the window is told; a new store starts empty and silent', async () => {
    const fresh = await open();
    expect(fresh.storeReport().events).toEqual([]);
    expect(ownTemplates(fresh)).toEqual([]);
    await close();

    await storeWithOwnTemplate();
    const [backup] = await fs.readdir(path.join(dir, 'backups', 'templates'));
    const saved = await fs.readFile(path.join(dir, 'templates.json'), 'utf8');
    await fs.rm(path.join(dir, 'templates.json'));

    const reopened = await open();
    expect(ownTemplates(reopened)).toEqual(['Visit of the Head of Mission']);
    expect(reopened.storeReport().events).toEqual([
      expect.objectContaining({
        kind: 'restored-file',
        message: `templates.json was missing; your own templates were restored from the backup of ${backupTime(backup ?? '')}.`,
        file: path.join(dir, 'templates.json'),
      }),
    ]);
    expect(await fs.readFile(path.join(dir, 'templates.json'), 'utf8')).toBe(saved);
    await close();

    // Back on disk, so the next opening has nothing to say.
    expect((await open()).storeReport().events).toEqual([]);
  });
});

describe('saving templates', () => {
  /** An open store with one release, and the names of the templates `templates.json` holds. */
  const openWithDraft = async () => {
    const opened = await open();
    const draft = await opened.drafts.create();
    await opened.drafts.save({
      id: draft.id,
      headline: 'Minister opens the [name] bridge',
      body: paragraph('[Who] opened the bridge.'),
      meta: draft.meta,
      status: 'draft',
    });
    return { opened, draft: await opened.drafts.get(draft.id) };
  };
  const namesOnDisk = async (): Promise<string[]> => {
    const text = await fs.readFile(path.join(dir, 'templates.json'), 'utf8');
    return (JSON.parse(text) as { templates: { name: string }[] }).templates.map((t) => t.name);
  };
  /** Makes renames of `templates.json` whose new text matches `when` do `what` instead. */
  const onTemplatesRename = (
    when: (text: string) => boolean,
    what: (rename: () => Promise<void>) => Promise<void>,
  ): void => {
    const realRename = fs.rename.bind(fs);
    vi.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
      const rename = () => realRename(from, to);
      if (path.basename(String(to)) !== 'templates.json') return rename();
      return when(await fs.readFile(from, 'utf8')) ? what(rename) : rename();
    });
  };

  it('keeps two quick saves in the order they were made, in memory and on disk', async () => {
    const { opened, draft } = await openWithDraft();
    // The first write is the slower one: it must still not land over the second.
    onTemplatesRename(
      (text) => !text.includes('Second'),
      async (rename) => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        await rename();
      },
    );

    const first = opened.templates.saveFromDraft(draft, 'First');
    const second = opened.templates.saveFromDraft(draft, 'Second');
    await Promise.all([first, second]);

    expect(ownTemplates(opened)).toEqual(['First', 'Second']);
    expect(await namesOnDisk()).toEqual(['First', 'Second']);
  });

  it('does not lose a second save when the first one fails', async () => {
    const { opened, draft } = await openWithDraft();
    onTemplatesRename(
      (text) => !text.includes('Second'),
      () => Promise.reject(new Error('disk went away')),
    );

    const first = opened.templates.saveFromDraft(draft, 'First');
    const second = opened.templates.saveFromDraft(draft, 'Second');
    await expect(first).rejects.toThrow('disk went away');
    await second;

    expect(ownTemplates(opened)).toEqual(['Second']);
    expect(await namesOnDisk()).toEqual(['Second']);
  });

  it('says so, without failing the save, when only the backup could not be written', async () => {
    const { opened, draft } = await openWithDraft();
    const backups = path.join(dir, 'backups', 'templates');
    const realOpen = fs.open.bind(fs);
    vi.spyOn(fs, 'open').mockImplementation((target, flags, mode) =>
      path.dirname(String(target)) === backups
        ? Promise.reject(new Error('ENOSPC: no space left on device'))
        : realOpen(target, flags, mode),
    );

    await opened.templates.saveFromDraft(draft, 'First');

    expect(await namesOnDisk()).toEqual(['First']);
    expect(opened.storeReport().events).toEqual([
      expect.objectContaining({
        kind: 'backup-failed',
        message:
          'The template was saved, but its backup copy could not be written: ENOSPC: no space left on device.',
      }),
    ]);
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
