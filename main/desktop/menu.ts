import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import { COMMAND_SPECS, type RendererCommand } from '../../shared/contract';

export interface MenuContext {
  platform: NodeJS.Platform;
  appName: string;
  spellcheck: boolean;
  /** Dev tools and reload only in unpackaged runs: a shipped editor has no use for them. */
  developer: boolean;
  /** Delivers a command to the page of the window it was chosen in. */
  send(command: RendererCommand, window: BaseWindow | undefined): void;
  newWindow(): void;
  setSpellcheck(enabled: boolean): void;
}

type Item = MenuItemConstructorOptions;

const separator: Item = { type: 'separator' };

/**
 * The application menu for one platform, as a plain template: `Menu.buildFromTemplate` turns it
 * into the native menu, and unit tests read it without Electron. Text-editing, window and zoom
 * items use Electron roles, which carry each platform's own shortcuts and labels.
 */
export const buildMenuTemplate = (ctx: MenuContext): Item[] => {
  const mac = ctx.platform === 'darwin';
  const command = (name: RendererCommand): Item => ({
    id: name,
    label: COMMAND_SPECS[name].label,
    accelerator: COMMAND_SPECS[name].accelerator,
    click: (_item, window) => ctx.send(name, window),
  });

  const appMenu: Item[] = mac
    ? [
        {
          label: ctx.appName,
          submenu: [
            { role: 'about' },
            separator,
            command('app:preferences'),
            separator,
            { role: 'services' },
            separator,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            separator,
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const file: Item = {
    label: mac ? 'File' : '&File',
    submenu: [
      command('release:new'),
      {
        id: 'window:new',
        label: 'New Window',
        accelerator: 'CmdOrCtrl+Shift+N',
        click: () => ctx.newWindow(),
      },
      separator,
      // macOS keeps Preferences in the app menu; elsewhere it sits in File.
      ...(mac ? [] : [command('app:preferences'), separator]),
      { role: 'close' },
      ...(mac ? [] : [separator, { role: 'quit' } satisfies Item]),
    ],
  };

  const edit: Item = {
    label: mac ? 'Edit' : '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { role: 'selectAll' },
      separator,
      {
        id: 'spelling:toggle',
        label: 'Check Spelling While Typing',
        type: 'checkbox',
        checked: ctx.spellcheck,
        accelerator: 'CmdOrCtrl+Alt+;',
        click: (item) => ctx.setSpellcheck(item.checked),
      },
    ],
  };

  const view: Item = {
    label: mac ? 'View' : '&View',
    submenu: [
      command('view:library'),
      command('view:trash'),
      separator,
      command('app:palette'),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      ...(ctx.developer
        ? [separator, { role: 'reload' } satisfies Item, { role: 'toggleDevTools' } satisfies Item]
        : []),
    ],
  };

  const release: Item = {
    label: mac ? 'Release' : '&Release',
    submenu: [
      command('release:save'),
      separator,
      command('release:export-md'),
      command('release:export-html'),
      separator,
      command('review:comment'),
      command('review:suggest'),
      command('review:send'),
      command('review:return'),
      separator,
      command('release:trash'),
    ],
  };

  const windowMenu: Item = {
    label: mac ? 'Window' : '&Window',
    role: 'window',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };

  const help: Item = {
    label: mac ? 'Help' : '&Help',
    role: 'help',
    submenu: [
      {
        ...command('app:palette'),
        id: 'help:commands',
        label: 'All Commands…',
        accelerator: undefined,
      },
      ...(mac ? [] : [separator, { role: 'about' } satisfies Item]),
    ],
  };

  return [...appMenu, file, edit, view, release, windowMenu, help];
};
