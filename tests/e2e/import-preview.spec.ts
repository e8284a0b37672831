import { newRelease, saveStatus } from '../support/journey';
import { expect, test } from './host-fixture';

const HAND_WRITTEN = `---
headline: OSCE supports journalists' safety training
date: 2026-03-10
places: [Vienna]
fieldsOfWork: [Media freedom and development, Ministry of Silly Walks]
---

VIENNA, 10 March 2026 – Thirty journalists completed a **safety** course.

| Module | Days |
| --- | --- |
| Digital safety | 2 |
`;

test('a hand-written Markdown file imports with its metadata, unknown terms reported', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.getByLabel('Files to import').setInputFiles({
    name: 'training.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(HAND_WRITTEN, 'utf8'),
  });
  await expect(page.getByText('1 imported, 0 failed.')).toBeVisible();
  await expect(page.getByText(/Ministry of Silly Walks/)).toBeVisible();
  const library = page.getByRole('navigation', { name: 'Library' });
  await library
    .getByText('OSCE supports journalists’ safety training')
    .or(library.getByText("OSCE supports journalists' safety training"))
    .click();
  await expect(
    page.getByRole('region', { name: 'Dateline' }).getByText('VIENNA, 10 March 2026 –'),
  ).toBeVisible();
  const body = page.getByRole('textbox', { name: 'Body' });
  await expect(body.locator('p').first()).toHaveText(
    'Thirty journalists completed a safety course.',
  );
  await expect(body.locator('strong')).toHaveText('safety');
  await expect(body.locator('td').first()).toHaveText('Digital safety');
});

test('the export preview shows exactly the file that will be written, in every format', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await newRelease(page, 'Blank release');
  // Typed straight quotes become the house's typographic ones; < and & must be escaped in HTML.
  await page.getByLabel('Headline').fill('Preview <check> & "quotes"');
  await expect(page.getByLabel('Headline')).toHaveValue('Preview <check> & \u201cquotes\u201d');
  await page.getByLabel('Date', { exact: true }).fill('2026-03-10');
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export preview' });
  const text = dialog.getByLabel('What will be written');
  await expect(dialog.getByText('2026-03-10-preview-check-quotes.md')).toBeVisible();
  await expect(text).toContainText('headline: Preview <check> & \u201cquotes\u201d');
  await dialog.getByRole('radio', { name: 'HTML document' }).check();
  await expect(text).toContainText('<title>Preview &lt;check&gt; &amp; \u201cquotes\u201d</title>');
  await dialog.getByRole('radio', { name: 'ninjs (JSON)' }).check();
  await expect(text).toContainText('"headlines"');
});
