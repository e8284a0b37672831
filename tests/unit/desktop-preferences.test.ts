import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../main/services/handlers';
import {
  newReleaseDefaults,
  preferencesPath,
  PreferencesFile,
  spellcheckLanguageFor,
  storeDirFor,
} from '../../main/services/preferences';
import { openServices, type OpenedServices } from '../../main/services';
import { DEFAULT_PREFERENCES, PreferencesViewSchema } from '../../shared/preferences-schema';
import { DraftSchema } from '../../shared/schemas';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-prefs-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the preferences file', () => {
  it('lives in the user-data folder unless NEWSROOM_PREFERENCES names another file', () => {
    expect(preferencesPath('/home/o/.config/Newsroom Editor', {})).toBe(
      path.join('/home/o/.config/Newsroom Editor', 'preferences.json'),
    );
    expect(preferencesPath('/x', { NEWSROOM_PREFERENCES: '/tmp/p.json' })).toBe(
      path.resolve('/tmp/p.json'),
    );
  });

  it('starts from the defaults, writes durably and reads back what was saved', async () => {
    const file = path.join(dir, 'nested', 'preferences.json');
    const first = await PreferencesFile.open(file);
    expect(first.problem).toBeNull();
    expect(first.preferences.get()).toEqual(DEFAULT_PREFERENCES);
    const heard: string[] = [];
    first.preferences.onChange((next) => heard.push(next.theme));
    await first.preferences.update({ officerName: '  Anna Berger ', theme: 'dark' });
    expect(heard).toEqual(['dark']);
    const again = await PreferencesFile.open(file);
    expect(again.preferences.get()).toMatchObject({ officerName: 'Anna Berger', theme: 'dark' });
    // No temp files left behind by the atomic write.
    expect(await fs.readdir(path.dirname(file))).toEqual(['preferences.json']);
  });

  it('keeps concurrent updates in order, each on top of the last', async () => {
    const { preferences } = await PreferencesFile.open(path.join(dir, 'p.json'));
    await Promise.all([
      preferences.update({ officerName: 'A' }),
      preferences.update({ theme: 'light' }),
      preferences.update({ defaultPlaceId: 'vienna' }),
    ]);
    const { preferences: read } = await PreferencesFile.open(path.join(dir, 'p.json'));
    expect(read.get()).toMatchObject({
      officerName: 'A',
      theme: 'light',
      defaultPlaceId: 'vienna',
    });
  });

  it('refuses a value that does not fit, and leaves the file as it was', async () => {
    const file = path.join(dir, 'p.json');
    const { preferences } = await PreferencesFile.open(file);
    await preferences.update({ officerName: 'Kept' });
    const before = await fs.readFile(file, 'utf8');
    await expect(preferences.update({ theme: 'sepia' as unknown as 'dark' })).rejects.toThrow();
    expect(await fs.readFile(file, 'utf8')).toBe(before);
    expect(preferences.get().officerName).toBe('Kept');
    // …and the next update still works.
    await preferences.update({ theme: 'dark' });
    expect(preferences.get().theme).toBe('dark');
  });

  it('moves a damaged file aside instead of overwriting it, and uses the defaults', async () => {
    const file = path.join(dir, 'p.json');
    await fs.writeFile(file, '{"officerName": "Ann');
    const { preferences, problem } = await PreferencesFile.open(file);
    expect(problem).toMatch(/damaged.*kept as/);
    expect(preferences.get()).toEqual(DEFAULT_PREFERENCES);
    const names = await fs.readdir(dir);
    expect(names.some((name) => name.startsWith('p.json.corrupt-'))).toBe(true);
    expect(names).not.toContain('p.json');
  });
});

describe('what the preferences decide', () => {
  it('opens the --store flag, then NEWSROOM_STORE, then the chosen folder, then the default', () => {
    const chosen = { storeDir: '/data/newsroom' };
    expect(storeDirFor(['--store', '/flag'], { NEWSROOM_STORE: '/env' }, '/ud', chosen)).toBe(
      path.resolve('/flag'),
    );
    expect(storeDirFor([], { NEWSROOM_STORE: '/env' }, '/ud', chosen)).toBe(path.resolve('/env'));
    expect(storeDirFor([], {}, '/ud', chosen)).toBe('/data/newsroom');
    expect(storeDirFor([], {}, '/ud', { storeDir: null })).toBe(path.join('/ud', 'store'));
  });

  it('checks spelling in the release’s language unless the officer fixed one', () => {
    expect(spellcheckLanguageFor('release', 'fr')).toBe('fr');
    expect(spellcheckLanguageFor('release', null)).toBeNull();
    expect(spellcheckLanguageFor('de', 'fr')).toBe('de');
  });

  it('turns the default place and source into a new release’s terms', () => {
    expect(newReleaseDefaults({ defaultPlaceId: 'vienna', defaultSourceId: null })).toEqual({
      placeIds: ['vienna'],
      sourceIds: [],
    });
  });
});

describe('preferences through the handlers', () => {
  let services: OpenedServices;
  let preferences: PreferencesFile;
  beforeEach(async () => {
    services = await openServices({ storeDir: path.join(dir, 'store') });
    ({ preferences } = await PreferencesFile.open(path.join(dir, 'preferences.json')));
  });
  afterEach(async () => {
    await services.close();
  });

  const value = async (result: Promise<{ ok: boolean; value?: unknown; error?: unknown }>) => {
    const settled = await result;
    if (!settled.ok) throw new Error(JSON.stringify(settled.error));
    return settled.value;
  };

  it('answers the preferences with the store in use, and what this shell can do', async () => {
    const browser = createHandlers(services, undefined, { preferences });
    const view = PreferencesViewSchema.parse(await value(dispatch(browser, 'preferences:get', {})));
    expect(view).toMatchObject({
      activeStorePath: services.storePath,
      canMoveStore: false,
      canChooseSpellcheckLanguage: false,
      theme: 'system',
    });
    const saved = PreferencesViewSchema.parse(
      await value(dispatch(browser, 'preferences:set', { officerName: 'Anna', theme: 'dark' })),
    );
    expect(saved).toMatchObject({ officerName: 'Anna', theme: 'dark' });
    expect(preferences.get().officerName).toBe('Anna');
  });

  it('gives a new blank release the default place and source, with the source’s blocks', async () => {
    await preferences.update({ defaultPlaceId: 'vienna', defaultSourceId: 'secretariat' });
    const handlers = createHandlers(services, undefined, { preferences });
    const draft = DraftSchema.parse(await value(dispatch(handlers, 'drafts:create', {})));
    expect(draft.meta.placeIds).toEqual(['vienna']);
    expect(draft.meta.sourceIds).toEqual(['secretariat']);
    expect(draft.blocks.about).not.toBe('');
    // What was written is what was answered.
    expect((await services.drafts.get(draft.id)).meta.placeIds).toEqual(['vienna']);
  });

  it('skips a default the taxonomy no longer knows, and leaves templates to their own terms', async () => {
    await preferences.update({ defaultPlaceId: 'atlantis', defaultSourceId: null });
    const handlers = createHandlers(services, undefined, { preferences });
    const blank = DraftSchema.parse(await value(dispatch(handlers, 'drafts:create', {})));
    expect(blank.meta.placeIds).toEqual([]);
    expect(blank.blocks).toMatchObject({ contact: '', about: '' });
    await preferences.update({ defaultPlaceId: 'warsaw' });
    const fromTemplate = DraftSchema.parse(
      await value(dispatch(handlers, 'drafts:create', { templateId: 'press-release' })),
    );
    expect(fromTemplate.meta.placeIds).not.toContain('warsaw');
  });
});
