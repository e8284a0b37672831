import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { writeRelease } from '../support/journey';
import { electronBinary, SKIP_REASON } from './electron-binary';

/**
 * The native shell around the editor: menu commands, spelling menu, single instance, windows
 * restored where they were. Each test gets its own store and profile folder.
 */
const binary = electronBinary();
if (!binary) console.log(`tests/electron: ${SKIP_REASON}`);
test.skip(!binary, SKIP_REASON);

const folders: string[] = [];
const fresh = async (name: string) => {
  const dir = await mkdtemp(join(tmpdir(), `newsroom-${name}-`));
  folders.push(dir);
  return dir;
};
test.afterAll(async () => {
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

const launch = (storeDir: string, profile: string): Promise<ElectronApplication> =>
  electron.launch({
    executablePath: binary ?? undefined,
    args: ['out/main/index.js', '--store', storeDir, `--user-data-dir=${profile}`],
  });

test('menu commands reach the page: New Release, Export, the palette', async () => {
  const app = await launch(await fresh('store'), await fresh('profile'));
  const page = await app.firstWindow();
  const clickMenu = (id: string) =>
    app.evaluate(({ Menu, BrowserWindow }, itemId) => {
      const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
      const window = BrowserWindow.getAllWindows()[0];
      item?.click(undefined, window, undefined);
    }, id);
  await clickMenu('release:new');
  await expect(page.locator('.headline-input')).toBeFocused();
  await clickMenu('app:palette');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
  await page.keyboard.press('Escape');
  const labels = await app.evaluate(({ Menu }) =>
    (Menu.getApplicationMenu()?.items ?? []).map((item) => item.label.replace('&', '')),
  );
  expect(labels).toEqual(
    expect.arrayContaining(['File', 'Edit', 'View', 'Release', 'Window', 'Help']),
  );
  await app.close();
});

test('a right click on a misspelled word offers suggestions and Add to Dictionary', async () => {
  const app = await launch(await fresh('store'), await fresh('profile'));
  await app.firstWindow();
  const labels = await app.evaluate(({ BrowserWindow, Menu }) => {
    const window = BrowserWindow.getAllWindows()[0];
    const shown: string[] = [];
    const original = Menu.prototype.popup;
    Menu.prototype.popup = function popup(this: Electron.Menu) {
      shown.push(...this.items.map((item) => item.label));
    };
    window?.webContents.emit(
      'context-menu',
      { preventDefault: () => undefined },
      {
        misspelledWord: 'secratariat',
        dictionarySuggestions: ['secretariat'],
        isEditable: true,
        selectionText: '',
        linkURL: '',
        editFlags: {
          canUndo: true,
          canRedo: true,
          canCut: true,
          canCopy: true,
          canPaste: true,
          canSelectAll: true,
        },
      },
    );
    Menu.prototype.popup = original;
    return shown;
  });
  expect(labels).toEqual(
    expect.arrayContaining(['secretariat', 'Add “secratariat” to Dictionary']),
  );
  await app.close();
});

test('one instance at a time: a second start hands over to the first and exits', async () => {
  const store = await fresh('store');
  const profile = await fresh('profile');
  const app = await launch(store, profile);
  await app.firstWindow();
  const second = spawnSync(
    binary ?? '',
    ['out/main/index.js', '--store', store, `--user-data-dir=${profile}`],
    {
      timeout: 20_000,
    },
  );
  expect(second.status).toBe(0);
  expect(app.windows()).toHaveLength(1);
  await app.close();
});

test('windows come back where they were, with the release they showed', async () => {
  const store = await fresh('store');
  const profile = await fresh('profile');
  let app = await launch(store, profile);
  let page = await app.firstWindow();
  await writeRelease(page);
  await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows()[0]?.setBounds({ x: 40, y: 60, width: 1100, height: 760 }),
  );
  await app.close();
  app = await launch(store, profile);
  page = await app.firstWindow();
  const bounds = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows()[0]?.getBounds(),
  );
  expect(bounds).toMatchObject({ width: 1100, height: 760 });
  await expect(page.locator('.headline-input')).not.toHaveValue('');
  await app.close();
});

test('the page has no Node, no raw ipcRenderer, only the contract and the command subscription', async () => {
  const app = await launch(await fresh('store'), await fresh('profile'));
  const page = await app.firstWindow();
  const exposed = await page.evaluate(() => {
    const g = globalThis as unknown as Record<string, Record<string, unknown> | undefined>;
    return {
      require: typeof g.require,
      process: typeof g.process,
      commands: Object.keys(g.newsroomCommands ?? {}),
      ipc: 'ipcRenderer' in (g.newsroom ?? {}),
    };
  });
  expect(exposed).toEqual({
    require: 'undefined',
    process: 'undefined',
    commands: ['onCommand'],
    ipc: false,
  });
  await app.close();
});
