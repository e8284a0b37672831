import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import {
  expectHtmlExport,
  expectMarkdownExport,
  expectReleaseIntact,
  newRelease,
  saveStatus,
  writeRelease,
} from '../support/journey';
import { expect, test } from './host-fixture';

const downloadText = async (download: Download): Promise<string> =>
  readFile(await download.path(), 'utf8');

test('a new user writes, tags, finds again and exports a press release', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByText('No release open')).toBeVisible();
  await writeRelease(page);

  await page.reload();
  await expectReleaseIntact(page);
  if (process.env.UPDATE_SCREENSHOT) {
    // README's picture: `UPDATE_SCREENSHOT=1 npm run test:e2e` refreshes it.
    await page.getByRole('textbox', { name: 'Body' }).click();
    await page.screenshot({ path: 'assets/screenshot.png' });
  }

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [markdownDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Markdown' }).click(),
  ]);
  expect(markdownDownload.suggestedFilename()).toBe(
    '2022-06-15-osce-and-council-of-europe-anti-trafficking-chiefs-warn-of-a.md',
  );
  expectMarkdownExport(await downloadText(markdownDownload), parseYaml);

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [htmlDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'HTML' }).click(),
  ]);
  expect(htmlDownload.suggestedFilename()).toMatch(/^2022-06-15-.*\.html$/);
  expectHtmlExport(await downloadText(htmlDownload));
});

test('a release moved to the trash can be brought back', async ({ page, app }) => {
  const headline = 'Mission to Serbia supports media literacy';
  await page.goto(app.url);
  await newRelease(page, 'Blank release');
  await page.getByLabel('Headline').fill(headline);
  await expect(saveStatus(page)).toHaveText('Saved');
  const library = page.getByRole('navigation', { name: 'Library' });
  const releases = library.getByRole('list', { name: 'Releases', exact: true });
  await expect(releases.getByText(headline)).toBeVisible();

  await page.getByRole('button', { name: 'Move to trash' }).click();
  await expect(releases.getByText(headline)).toHaveCount(0);
  await library.getByRole('tab', { name: 'Trash' }).click();
  const trashList = library.getByRole('list', { name: 'Releases in the trash' });
  await expect(trashList.getByText(headline)).toBeVisible();
  await trashList.getByRole('button', { name: 'Restore' }).click();
  await expect(trashList.getByText(headline)).toHaveCount(0);
  await library.getByRole('tab', { name: 'Releases' }).click();
  await expect(releases.getByText(headline)).toBeVisible();
});
