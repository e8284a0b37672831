import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { writeRelease } from '../support/journey';
import { electronBinary, SKIP_REASON } from './electron-binary';

/**
 * Preferences from the native menu, one release in two windows, and a review package opened
 * from the command line — in the real desktop app, where a binary exists.
 */
const binary = electronBinary();
if (!binary) console.log(`tests/electron (preferences, windows, files): ${SKIP_REASON}`);
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

const launch = (storeDir: string, profile: string, extra: string[] = []) =>
  electron.launch({
    executablePath: binary ?? undefined,
    args: ['out/main/index.js', '--store', storeDir, `--user-data-dir=${profile}`, ...extra],
  });

const clickMenu = (app: ElectronApplication, id: string) =>
  app.evaluate(({ Menu, BrowserWindow }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
    item?.click(undefined, BrowserWindow.getAllWindows()[0], undefined);
  }, id);

test('Preferences from the menu: the theme reaches the native side too', async () => {
  const app = await launch(await fresh('store'), await fresh('profile'));
  const page = await app.firstWindow();
  await clickMenu(app, 'app:preferences');
  const dialog = page.getByRole('dialog', { name: 'Preferences' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Move store…' })).toBeVisible();
  await dialog.getByLabel('Dark').check();
  await dialog.getByRole('button', { name: 'Save preferences' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await app.evaluate(({ nativeTheme }) => nativeTheme.themeSource)).toBe('dark');
  await app.close();
});

test('a release open in two windows: a save in one reloads the other', async () => {
  const app = await launch(await fresh('store'), await fresh('profile'));
  const first = await app.firstWindow();
  await writeRelease(first);
  await expect(first.getByText('Saved', { exact: true })).toBeVisible();
  const opened = app.waitForEvent('window');
  await clickMenu(app, 'window:new');
  const second = await opened;
  await expect(second.locator('.headline-input')).not.toHaveValue('');
  await first.locator('.headline-input').fill('Changed in the first window');
  await expect(second.locator('.headline-input')).toHaveValue('Changed in the first window');
  await app.close();
});

test('a .newsroom-review file that is a Markdown file in disguise opens as a new release', async () => {
  const folder = await fresh('files');
  const file = join(folder, 'round-2.newsroom-review');
  await writeFile(file, '# Imported from a review file\n\nThe body of the release.\n');
  const app = await launch(await fresh('store'), await fresh('profile'), [file]);
  await app.firstWindow();
  await expect.poll(() => app.windows().length).toBe(2);
  const opened = app.windows()[1];
  if (!opened) throw new Error('the imported release did not open a window');
  await expect(opened.locator('.headline-input')).toHaveValue('Imported from a review file');
  await app.close();
});
