import { expect, test } from './host-fixture';

const COUNT = 1_000;
const MiB = 1024 * 1024;

const releaseFile = (n: number) => ({
  name: `release-${String(n).padStart(4, '0')}.md`,
  mimeType: 'text/markdown',
  buffer: Buffer.from(
    `# Release ${n}\n\nThe mission reported on its work in the region, release number ${n} of ${COUNT}.\n`,
    'utf8',
  ),
});

test('a thousand Markdown files import through the window in parts, with a progress bar', async ({
  page,
  app,
}, testInfo) => {
  await page.goto(app.url);
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library.getByText(/^0 releases$/)).toBeVisible();

  const files = Array.from({ length: COUNT }, (_, i) => releaseFile(i + 1));
  // Over the importer's 5 MB limit: refused by name, and no reason for the others to fail.
  files.splice(COUNT / 2, 0, {
    name: 'oversized.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(`# Oversized\n\n${'All work and no play. '.repeat((5.5 * MiB) / 22)}\n`),
  });

  const started = Date.now();
  await page.getByLabel('Files to import').setInputFiles(files);
  const handedOver = Date.now();

  const label = /^Importing [\d,]+ of 1,001 files…$/;
  const progress = page.getByRole('progressbar', { name: label });
  await expect(progress).toBeVisible();
  await expect(page.getByText(label)).toBeVisible();
  await expect(progress).toHaveAccessibleName(label);
  await page
    .screenshot({ path: testInfo.outputPath('import-progress.png') })
    .catch(() => undefined);

  const notice = page.getByRole('alert').filter({ hasText: '1,000 imported, 1 failed.' });
  await expect(notice).toBeVisible({ timeout: 45_000 });
  const finished = Date.now();
  await expect(notice).toContainText('oversized.md is 5.5 MB; a release file may be at most 5 MB.');
  await expect(progress).toBeHidden();

  // The library hears of each new release from main; its count reaches the thousand.
  await expect(library.getByText('1,000 releases', { exact: true })).toBeVisible({
    timeout: 15_000,
  });
  const listed = Date.now();
  await library.getByRole('searchbox').fill('Release 777');
  await expect(library.getByText('Release 777', { exact: true })).toBeVisible();

  const timings = {
    setInputFiles: handedOver - started,
    importThroughNotice: finished - handedOver,
    libraryCount: listed - finished,
  };
  await testInfo.attach('timings', {
    body: JSON.stringify(timings),
    contentType: 'application/json',
  });
  console.log(`import-many timings (ms): ${JSON.stringify(timings)}`);
});

test('a part lost on the way stops the import, keeps the parts before it and names the rest', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  let parts = 0;
  await page.route('**/api/import*', (route) =>
    ++parts === 3 ? route.abort('connectionreset') : route.continue(),
  );
  await page
    .getByLabel('Files to import')
    .setInputFiles(Array.from({ length: 180 }, (_, i) => releaseFile(i + 1)));

  const notice = page.getByRole('alert').filter({ hasText: '100 imported, 80 failed.' });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice).toContainText('The import stopped: The editor lost its connection');
  await expect(notice).toContainText('Not imported: release-0101.md, release-0102.md,');
  await expect(notice).toContainText('and 70 more.');
  expect(parts).toBe(3);
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library.getByText(/^100 releases$/)).toBeVisible();
});
