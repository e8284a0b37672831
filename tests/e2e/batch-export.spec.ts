import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { newRelease, saveStatus } from '../support/journey';
import { expect, test } from './host-fixture';

test('releases selected in the library leave as one ZIP, with progress and a summary', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  for (const headline of [
    'Mission to Serbia trains judges',
    'Office in Bishkek opens library',
    'ODIHR observes elections',
  ]) {
    await newRelease(page, 'Blank release');
    await page.getByLabel('Headline').fill(headline);
    await page.getByLabel('Date', { exact: true }).fill('2026-03-10');
    await expect(saveStatus(page)).toHaveText('Saved');
  }
  const library = page.getByRole('navigation', { name: 'Library' });
  await library.getByRole('button', { name: 'Select', exact: true }).click();
  await library.getByRole('checkbox', { name: 'Mission to Serbia trains judges' }).check();
  await library.getByRole('checkbox', { name: 'ODIHR observes elections' }).check();
  await expect(library.getByRole('status')).toHaveText('2 selected');
  await library.getByRole('button', { name: 'Export selected…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Export releases' });
  await expect(dialog.getByRole('heading')).toHaveText('Export 2 releases');
  await dialog.getByRole('checkbox', { name: 'HTML document (.html)' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'ninjs JSON (.json)' }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export as ZIP' }).click(),
  ]);
  await expect(dialog.getByText('Exported 2 of 2')).toBeVisible();
  await expect(dialog.getByRole('status')).toContainText('4 files written');

  expect(download.suggestedFilename()).toMatch(/^newsroom-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  expect(Object.keys(files).sort()).toEqual([
    '2026-03-10-mission-to-serbia-trains-judges.json',
    '2026-03-10-mission-to-serbia-trains-judges.md',
    '2026-03-10-odihr-observes-elections.json',
    '2026-03-10-odihr-observes-elections.md',
  ]);
  const markdown = strFromU8(files['2026-03-10-odihr-observes-elections.md'] ?? new Uint8Array());
  expect(markdown).toContain('headline: ODIHR observes elections');
  const ninjs = JSON.parse(
    strFromU8(files['2026-03-10-mission-to-serbia-trains-judges.json'] ?? new Uint8Array()),
  ) as {
    headlines?: { value: string }[];
  };
  expect(ninjs.headlines?.[0]?.value).toBe('Mission to Serbia trains judges');
});
