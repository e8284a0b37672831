import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildContextMenuTemplate, type MenuParams } from '../../main/desktop/context-menu';
import { writeExportFile } from '../../main/desktop/export-file';
import { externalUrl, openExternalSafely } from '../../main/desktop/external-links';
import { openPreferencesOrDefaults } from '../../main/desktop/preferences-open';
import { DICTIONARY_BASE_URL, keepDictionariesOffline } from '../../main/desktop/spelling';
import { guardWebContents } from '../../main/desktop/window';
import { PreferencesFile } from '../../main/services/preferences';
import { isAppUrl, resolveAppPath } from '../../main/services/security';
import { DEFAULT_PREFERENCES } from '../../shared/preferences-schema';

// Electron's types, reached through our own functions: unit tests import nothing from electron.
type WebContents = Parameters<typeof guardWebContents>[0];
type Shell = Parameters<typeof openExternalSafely>[0];
type SpellSession = Parameters<typeof keepDictionariesOffline>[0];

const desktopIndex = readFileSync('main/desktop/index.ts', 'utf8');

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-desktop-guards-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('mailto links', () => {
  it('pass with no query, or with only subject, body, cc and bcc', () => {
    expect(externalUrl('mailto:press@osce.org')).toBe('mailto:press@osce.org');
    expect(externalUrl('mailto:press@osce.org?subject=Talks%20resume&body=See%20below')).toBe(
      'mailto:press@osce.org?subject=Talks%20resume&body=See%20below',
    );
    expect(externalUrl('mailto:a@osce.org,b@osce.org?cc=c@osce.org&bcc=d@osce.org')).toBe(
      'mailto:a@osce.org,b@osce.org?cc=c@osce.org&bcc=d@osce.org',
    );
    expect(externalUrl('mailto:?subject=Hello')).toBe('mailto:?subject=Hello');
  });

  it('are refused when they ask for anything else, however it is spelled', () => {
    for (const raw of [
      'mailto:press@osce.org?attach=/etc/passwd',
      'mailto:press@osce.org?subject=Hi&attach=C:\\Users\\officer\\secret.docx',
      'mailto:press@osce.org?attachment=~/.ssh/id_rsa',
      'mailto:press@osce.org?Attach=/etc/passwd',
      'mailto:press@osce.org?ATTACHMENT=/etc/passwd',
      'mailto:press@osce.org?%61ttach=/etc/passwd',
      'mailto:press@osce.org?file=/etc/passwd',
      'mailto:press@osce.org?to=other@example.org',
      'mailto:press@osce.org&attach=/etc/passwd',
      'mailto:press@osce.org?cc=x&attach=/etc/passwd',
      'mailto:press@osce.org?cc=not-an-address;attach=/etc/passwd',
      'mailto:',
      'mailto:?',
    ]) {
      expect(externalUrl(raw), raw).toBeNull();
    }
  });

  it('are rebuilt, so a separator hidden in a value cannot start another field', () => {
    expect(externalUrl('mailto:press@osce.org?subject=Hi;attach=/etc/passwd')).toBe(
      'mailto:press@osce.org?subject=Hi%3Battach%3D%2Fetc%2Fpasswd',
    );
    // mailto has no `+` for a space: it stays a plus.
    expect(externalUrl('mailto:press@osce.org?subject=C++')).toBe(
      'mailto:press@osce.org?subject=C%2B%2B',
    );
  });

  it('never reach the system with an attachment, from the context menu either', () => {
    const opened: string[] = [];
    const shell = { openExternal: async (url: string) => void opened.push(url) } as Shell;
    expect(openExternalSafely(shell, 'mailto:press@osce.org?attach=/etc/passwd')).toBe(false);
    const template = buildContextMenuTemplate(menuParams('mailto:a@osce.org?attach=/etc/passwd'), {
      ...noActions(),
      openLink: (url) => opened.push(url),
    });
    expect(template.map((item) => item.label)).not.toContain('Open Link in Browser');
    expect(opened).toEqual([]);
  });
});

const menuParams = (linkURL: string): MenuParams => ({
  misspelledWord: '',
  dictionarySuggestions: [],
  isEditable: true,
  selectionText: '',
  linkURL,
  editFlags: {
    canUndo: false,
    canRedo: false,
    canCut: false,
    canCopy: false,
    canPaste: false,
    canSelectAll: false,
    canDelete: false,
    canEditRichly: true,
  },
});

const noActions = () => ({
  spellcheck: true,
  replaceMisspelling: () => undefined,
  addToDictionary: () => undefined,
  setSpellcheck: () => undefined,
  openLink: () => undefined,
  copyText: () => undefined,
  comment: () => undefined,
});

const fakeContents = () => {
  const contents = new EventEmitter() as EventEmitter & {
    windowOpenHandler?: (details: Record<string, unknown>) => { action: string };
  };
  Object.assign(contents, {
    setWindowOpenHandler: (handler: (details: Record<string, unknown>) => { action: string }) =>
      (contents.windowOpenHandler = handler),
  });
  return contents;
};

describe('links the page opens by itself', () => {
  it('never reach openExternal: navigations away and window.open are refused outright', () => {
    const contents = fakeContents();
    const handedOut: string[] = [];
    // Called as the shell used to call it, with an opener: the guard must not use one.
    (guardWebContents as (c: WebContents, open: (url: string) => void) => void)(
      contents as unknown as WebContents,
      (url) => handedOut.push(url),
    );
    const navigate = (url: string, isMainFrame = true) => {
      let prevented = false;
      contents.emit(
        'will-navigate',
        { url, isMainFrame, isSameDocument: false, preventDefault: () => (prevented = true) },
        url,
      );
      return prevented;
    };
    // A script's `location = …`, a form, a click on a link in a pasted page: all alike.
    expect(navigate('https://www.osce.org/')).toBe(true);
    expect(navigate('mailto:press@osce.org')).toBe(true);
    expect(navigate('https://evil.example/', false)).toBe(true);
    const opened = contents.windowOpenHandler?.({
      url: 'https://www.osce.org/',
      frameName: '',
      features: '',
      disposition: 'foreground-tab',
      referrer: { url: '', policy: 'no-referrer' },
    });
    expect(opened).toEqual({ action: 'deny' });
    expect(handedOut).toEqual([]);
  });

  it('open only from the context menu, a native menu the page cannot click', () => {
    const opened: string[] = [];
    const template = buildContextMenuTemplate(menuParams('https://www.osce.org/press'), {
      ...noActions(),
      openLink: (url) => opened.push(url),
    });
    const open = template.find((item) => item.label === 'Open Link in Browser');
    expect(opened).toEqual([]);
    open?.click?.(
      ...([] as unknown as Parameters<NonNullable<(typeof template)[number]['click']>>),
    );
    expect(opened).toEqual(['https://www.osce.org/press']);
  });
});

describe('an unreadable preferences file', () => {
  it('is named in a dialog and the app goes on with the defaults', async () => {
    const file = path.join(tmp, 'preferences.json');
    const boxes: { title: string; content: string }[] = [];
    const { preferences, problem } = await openPreferencesOrDefaults(
      file,
      async () => {
        throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), {
          code: 'EACCES',
        });
      },
      (title, content) => boxes.push({ title, content }),
    );
    expect(boxes).toHaveLength(1);
    expect(boxes[0]?.title).toMatch(/preferences could not be read/);
    expect(boxes[0]?.content).toContain(file);
    expect(boxes[0]?.content).toContain('permission denied');
    expect(problem).toBeNull();
    expect(preferences.get()).toEqual(DEFAULT_PREFERENCES);
    // The file it could not read may hold the officer's settings: never written over.
    await expect(preferences.update({ theme: 'dark' })).rejects.toThrow(file);
    expect(existsSync(file)).toBe(false);
  });

  it('with a folder in its place, the real file class included: the app still starts', async () => {
    const file = path.join(tmp, 'preferences.json');
    await fs.mkdir(file);
    const boxes: string[] = [];
    const { preferences, problem } = await openPreferencesOrDefaults(
      file,
      (at) => PreferencesFile.open(at),
      (_title, content) => boxes.push(content),
    );
    expect(preferences.get()).toEqual(DEFAULT_PREFERENCES);
    // Either the file class sets it aside itself (a problem to show) or the shell says so here.
    expect(boxes.length === 1 || problem !== null).toBe(true);
  });

  it('is what the desktop shell opens the preferences with', () => {
    expect(desktopIndex).toMatch(/await openPreferencesOrDefaults\(/);
    expect(desktopIndex).toMatch(/dialog\.showErrorBox\(title, content\)/);
    expect(desktopIndex).not.toMatch(/=\s*await PreferencesFile\.open\(/);
  });
});

describe('export:save', () => {
  it('writes durably: a failure on the way leaves the previous file whole and no temp file', async () => {
    const target = path.join(tmp, 'release.md');
    await writeExportFile(target, 'first version\n');
    expect(await fs.readFile(target, 'utf8')).toBe('first version\n');
    vi.spyOn(fs, 'rename').mockRejectedValueOnce(
      Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }),
    );
    await expect(writeExportFile(target, 'second version, cut short\n')).rejects.toThrow(/ENOSPC/);
    expect(await fs.readFile(target, 'utf8')).toBe('first version\n');
    expect(await fs.readdir(tmp)).toEqual(['release.md']);
    await writeExportFile(target, 'second version\n');
    expect(await fs.readFile(target, 'utf8')).toBe('second version\n');
  });

  it('is the writer the desktop shell gives export:save, not a plain writeFile', () => {
    expect(desktopIndex).toMatch(/writeFile: writeExportFile,/);
    expect(desktopIndex).not.toMatch(/\bwriteFile\(/);
  });
});

describe('spelling dictionaries', () => {
  it('are never fetched from the network: the download URL is the app’s own protocol', () => {
    const urls: string[] = [];
    const session = {
      setSpellCheckerDictionaryDownloadURL: (url: string) => void urls.push(url),
    } as SpellSession;
    keepDictionariesOffline(session);
    expect(urls).toEqual([DICTIONARY_BASE_URL]);
    // Chromium appends the file name, so the base ends with a slash; and it stays in the app.
    expect(DICTIONARY_BASE_URL.endsWith('/')).toBe(true);
    expect(isAppUrl(`${DICTIONARY_BASE_URL}en-GB-10-1.bdic`)).toBe(true);
    expect(resolveAppPath(`${DICTIONARY_BASE_URL}en-GB-10-1.bdic`)).toBe(
      path.join('spelling-dictionaries', 'en-GB-10-1.bdic'),
    );
  });

  it('are set offline before any window opens or any language is chosen', () => {
    const offline = desktopIndex.indexOf('keepDictionariesOffline(session.defaultSession)');
    expect(offline).toBeGreaterThan(0);
    expect(offline).toBeLessThan(desktopIndex.indexOf('applySpelling();'));
    // The first windows open once the saved layout is read.
    expect(offline).toBeLessThan(desktopIndex.indexOf('await readWindowState('));
  });
});
