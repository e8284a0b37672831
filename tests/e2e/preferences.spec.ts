import type { Page } from '@playwright/test';
import { chips, newRelease } from '../support/journey';
import { expect, test } from './host-fixture';

/** The top bar's colour; the locator waits for the app to have drawn it. */
const background = (page: Page) =>
  page.locator('.topbar').evaluate((bar) => getComputedStyle(bar).backgroundColor);

test('preferences: officer’s name, default place and source, and the dark theme', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await expect(page.getByRole('button', { name: 'New release' })).toBeVisible();
  const light = await background(page);

  // Reachable from the command palette…
  const command = page.getByRole('combobox', { name: 'Command' });
  await expect(async () => {
    await page.keyboard.press('Control+Shift+P');
    await expect(command).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await command.fill('prefer');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Preferences' });
  await expect(dialog).toBeVisible();

  // Every control has a visible label that is also its name.
  await dialog.getByLabel('Officer’s name').fill('Anna Berger');
  await dialog.getByLabel('Default place').selectOption({ label: 'Vienna — Austria' });
  await dialog.getByLabel('Default source').selectOption('secretariat');
  await expect(dialog.getByLabel('Spell-check language')).toBeDisabled();
  await expect(dialog.getByText('The store can be moved in the desktop app.')).toBeVisible();
  await expect(dialog.getByRole('group', { name: 'Theme' })).toBeVisible();

  // The theme shows as soon as it is chosen.
  await dialog.getByLabel('Dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await dialog.getByRole('button', { name: 'Save preferences' }).click();
  await expect(dialog).toBeHidden();
  expect(await background(page)).not.toBe(light);
  await expect(page.locator('.statusbar')).toContainText('Officer: Anna Berger');

  // A new blank release starts with the default place and source.
  await newRelease(page, 'Blank release');
  await expect(chips(page, 'Place')).toHaveText([/Vienna/]);
  await expect(chips(page, 'Source')).toHaveText([/OSCE Secretariat/]);
  await page.getByLabel('Headline').fill('Dark theme check: OSCE trains election observers');
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.type('The OSCE Secretariat trained 120 observers this week.');
  await page.screenshot({ path: 'test-results/dark-theme.png' });

  // Kept across a restart of the window.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('.statusbar')).toContainText('Officer: Anna Berger');

  // Cancel puts back the theme that was saved; the keyboard shortcut opens the dialog too.
  // The shortcut works once the reloaded app listens for it, a moment after it has drawn.
  await expect(async () => {
    await page.keyboard.press('Control+,');
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await page.screenshot({ path: 'test-results/dark-preferences.png' });
  await dialog.getByLabel('Light').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('the system theme follows the operating system’s setting', async ({ page, app }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(app.url);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  const light = await background(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => background(page)).not.toBe(light);
});
