import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuContext } from '../../main/desktop/menu';
import { RENDERER_COMMANDS } from '../../shared/contract';

type Item = ReturnType<typeof buildMenuTemplate>[number];
type BaseWindow = Parameters<MenuContext['send']>[1];

const build = (platform: NodeJS.Platform, overrides: Partial<MenuContext> = {}) => {
  const sent: [string, unknown][] = [];
  const calls: string[] = [];
  const template = buildMenuTemplate({
    platform,
    appName: 'Newsroom Editor',
    spellcheck: true,
    developer: false,
    send: (command, window) => sent.push([command, window]),
    newWindow: () => calls.push('new-window'),
    setSpellcheck: (enabled) => calls.push(`spellcheck:${enabled}`),
    ...overrides,
  });
  return { template, sent, calls };
};

const flatten = (items: readonly Item[]): Item[] =>
  items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu as Item[]) : []),
  ]);

const topLabels = (items: readonly Item[]) => items.map((i) => i.label?.replace('&', ''));

const click = (item: Item | undefined, window?: unknown, checked = false) =>
  (item?.click as unknown as (i: { checked: boolean }, w: unknown, e: unknown) => void)(
    { checked },
    window,
    {},
  );

describe('the application menu', () => {
  it('has File, Edit, View, Release, Window and Help, and the app menu first on macOS', () => {
    expect(topLabels(build('linux').template)).toEqual([
      'File',
      'Edit',
      'View',
      'Release',
      'Window',
      'Help',
    ]);
    expect(topLabels(build('win32').template)).toEqual(topLabels(build('linux').template));
    expect(topLabels(build('darwin').template)).toEqual([
      'Newsroom Editor',
      'File',
      'Edit',
      'View',
      'Release',
      'Window',
      'Help',
    ]);
  });

  it('gives Windows and Linux menus an Alt-key mnemonic, and none on macOS', () => {
    expect(build('win32').template.every((i) => i.label?.startsWith('&'))).toBe(true);
    expect(build('darwin').template.some((i) => i.label?.includes('&'))).toBe(false);
  });

  it('uses the platform’s own roles (and so its shortcuts) for editing, windows and quitting', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const roles = flatten(build(platform).template).map((i) => i.role);
      for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'close', 'quit']) {
        expect(roles, `${platform} ${role}`).toContain(role);
      }
    }
    const macRoles = flatten(build('darwin').template).map((i) => i.role);
    expect(macRoles).toEqual(expect.arrayContaining(['hide', 'hideOthers', 'services', 'front']));
  });

  it('offers every renderer command, each with a shortcut, none used twice', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      const items = flatten(build(platform).template);
      const ids = items.map((i) => i.id);
      for (const command of RENDERER_COMMANDS) expect(ids, command).toContain(command);
      const accelerators = items.map((i) => i.accelerator).filter(Boolean);
      expect(new Set(accelerators).size).toBe(accelerators.length);
      for (const command of RENDERER_COMMANDS) {
        expect(items.find((i) => i.id === command)?.accelerator, command).toBeTruthy();
      }
    }
  });

  it('sends a command to the window it was chosen in', () => {
    const { template, sent } = build('linux');
    const window = { id: 7 } as unknown as BaseWindow;
    click(
      flatten(template).find((i) => i.id === 'release:export-md'),
      window,
    );
    expect(sent).toEqual([['release:export-md', window]]);
  });

  it('opens a new window and switches spell checking', () => {
    const { template, calls } = build('linux');
    const items = flatten(template);
    click(items.find((i) => i.id === 'window:new'));
    const spelling = items.find((i) => i.id === 'spelling:toggle');
    expect(spelling).toMatchObject({ type: 'checkbox', checked: true });
    click(spelling, undefined, false);
    expect(calls).toEqual(['new-window', 'spellcheck:false']);
  });

  it('keeps reload and developer tools out of a packaged app', () => {
    const roles = (developer: boolean) =>
      flatten(build('linux', { developer }).template).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });
});
