import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { newRelease, pick, saveStatus } from '../support/journey';
import { expect, test } from './host-fixture';

const missingCount = async (list: Locator): Promise<number> =>
  (await list.isVisible()) ? list.getByRole('listitem').count() : 0;

for (const template of ['Press release', 'News item', 'Press statement', 'Media advisory']) {
  test(`a ${template.toLowerCase()} from its template: the missing list shrinks to nothing, then it is ready`, async ({
    page,
    app,
  }) => {
    await page.goto(app.url);
    await newRelease(page, template);
    await expect(page.getByText(`From template: ${template}`)).toBeVisible();

    const body = page.getByRole('textbox', { name: 'Body' });
    await expect(body).toContainText('[');

    // "Mark as ready" lists everything missing, each item a link to its field.
    await page.getByRole('button', { name: 'Mark as ready' }).click();
    const check = page.getByRole('region', { name: 'Ready check' });
    const missing = check.getByRole('list', { name: 'Missing' });
    await expect(missing).toBeVisible();
    const counts = [await missingCount(missing)];
    expect(counts[0]).toBeGreaterThanOrEqual(3);
    await expect(missing).toContainText('Headline');
    await expect(missing).toContainText('Place');

    // The item is a link: it takes the officer to the field.
    await missing.getByRole('button', { name: /^Headline/ }).click();
    await expect(page.getByLabel('Headline')).toBeFocused();
    await page.keyboard.type(`${template}: OSCE Mission supports election observers`);
    await expect.poll(() => missingCount(missing)).toBeLessThan(counts[0] ?? 0);
    counts.push(await missingCount(missing));

    await pick(page, 'Place', 'vien', 'Vienna Austria');
    await pick(page, 'Source', 'secretariat', 'OSCE Secretariat');
    await pick(page, 'Fields of work', 'elect', 'Elections');
    await expect.poll(() => missingCount(missing)).toBeLessThan(counts[1] ?? 0);

    // Replace every prompt of the skeleton with the release's own text.
    await body.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('The OSCE Secretariat trained 120 election observers this week.');
    await page.getByLabel('Summary').fill('Training for election observers.');
    await expect(check.getByRole('list', { name: 'Missing' })).toHaveCount(0);
    await expect(check.getByRole('heading')).toHaveText('Nothing missing');

    await check.getByRole('button', { name: 'Mark as ready' }).click();
    await expect(check.getByRole('heading')).toHaveText('Ready to go');
    await expect(page.getByText('Ready', { exact: true }).first()).toBeVisible();
    const library = page.getByRole('navigation', { name: 'Library' });
    await expect(library.getByText('Ready', { exact: true })).toBeVisible();

    // An edit after that shows the release needs another check.
    await page.getByLabel('Headline').press('End');
    await page.keyboard.type('!');
    await expect(page.getByText('Changed since ready')).toBeVisible();
    await expect(saveStatus(page)).toHaveText('Saved');
  });
}

/** Pastes clipboard HTML into the body the way the browser delivers a paste from another program. */
const pasteHtml = (page: Page, html: string): Promise<void> =>
  page.evaluate((clip) => {
    const target = document.querySelector('.ProseMirror');
    const data = new DataTransfer();
    data.setData('text/html', clip);
    data.setData('text/plain', 'plain text fallback');
    target?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, html);

test('pasting a real Word clipboard keeps its bulleted and numbered lists, nested', async ({
  page,
  app,
}) => {
  const html = await readFile(
    'tests/fixtures/paste/captured/word-15-mac-medium-editor.html',
    'utf8',
  );
  await page.goto(app.url);
  await newRelease(page, 'Blank release');
  const body = page.getByRole('textbox', { name: 'Body' });
  await body.click();
  await pasteHtml(page, html);
  await expect(body.locator(':scope > ul > li > p')).toHaveText(['Test list', 'Test', 'Tes6t']);
  await expect(body.locator(':scope > ul > li > ul > li')).toHaveText(['Test indented']);
  await expect(body.locator(':scope > ol > li > p')).toHaveText(['tes t test test']);
  await expect(body.locator(':scope > ol > li > ol > li')).toHaveText(['tes t indented']);
  await expect(body.locator('strong')).toHaveText(['word document renders']);
  await expect(body.locator('em')).toHaveText(['like this in the card']);
  // Word's strikethrough has no place in a release: the text comes as ordinary text, with a warning.
  await expect(page.getByRole('status').filter({ hasText: 'struck-through' })).toHaveText(
    /A struck-through passage was pasted as ordinary text: check whether it belongs\./,
  );
  await expect(body).not.toContainText('plain text fallback');
  await expect(body).not.toContainText('·');
  expect(await body.locator('[style], font, img, o\\:p, .MsoNormal').count()).toBe(0);
  await expect(saveStatus(page)).toHaveText('Saved');
});

test('pasting from Word keeps headings, bold, links and the list structure', async ({
  page,
  app,
}) => {
  const html = await readFile('tests/fixtures/paste/word.html', 'utf8');
  await page.goto(app.url);
  await newRelease(page, 'Blank release');
  const body = page.getByRole('textbox', { name: 'Body' });
  await body.click();
  await pasteHtml(page, html);
  await expect(body.locator('ul > li').first()).toBeVisible();
  await expect(body.locator('ol > li').first()).toBeVisible();
  await expect(body.locator('li ul > li, li ol > li').first()).toBeVisible();
  await expect(body.locator('strong').first()).toBeVisible();
  await expect(body.locator('a[href^="http"]').first()).toBeVisible();
  await expect(body).not.toContainText('plain text fallback');
  await expect(body).not.toContainText('Reviewer comment');
  await expect(page.getByRole('status').filter({ hasText: 'Left out' })).toHaveText(
    /Left out of the paste: 1 comment, 1 tracked deletion\./,
  );
  expect(await body.locator('[style], font, img, script, o\\:p, .MsoNormal').count()).toBe(0);
  await expect(saveStatus(page)).toHaveText('Saved');
});

test('find and replace all changes every match, and one undo brings them all back', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await newRelease(page, 'Blank release');
  const body = page.getByRole('textbox', { name: 'Body' });
  await body.click();
  await page.keyboard.type(
    'The Mission met the mission staff and missionaries. A mission is not a Mission statement.',
  );
  await page.keyboard.press('Control+F');
  const find = page.getByRole('search', { name: 'Find and replace' });
  await find.getByLabel('Find', { exact: true }).fill('mission');
  await expect(find.getByRole('status')).toHaveText(/^(5 matches|1 of 5)$/);
  await find.getByLabel('Match case').check();
  await expect(find.getByRole('status')).toHaveText(/^(3 matches|1 of 3)$/);
  await find.getByLabel('Match case').uncheck();
  await find.getByLabel('Whole word').check();
  await expect(find.getByRole('status')).toHaveText(/^(4 matches|1 of 4)$/);
  await find.getByLabel('Replace with').fill('Office');
  await find.getByRole('button', { name: 'Replace all' }).click();
  await expect(body).toHaveText(
    'The Office met the Office staff and missionaries. A Office is not a Office statement.',
  );
  await expect(find.getByRole('status')).toHaveText('No matches');

  await find.getByRole('button', { name: 'Close' }).click();
  await page.keyboard.press('Control+Z');
  await expect(body).toHaveText(
    'The Mission met the mission staff and missionaries. A mission is not a Mission statement.',
  );
});

test('a table typed in the body comes out as a GitHub-flavoured Markdown table', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await newRelease(page, 'Blank release');
  await page.getByLabel('Headline').fill('Observers by State');
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.getByRole('button', { name: 'Table' }).click();
  const tableTools = page.getByRole('toolbar', { name: 'Table' });
  await expect(tableTools).toBeVisible();
  // Header row, then the first body row; Tab moves from cell to cell.
  for (const cell of ['State', 'Observers', 'Since', 'Austria', '12', 'June']) {
    await page.keyboard.type(cell);
    await page.keyboard.press('Tab');
  }
  await tableTools.getByRole('button', { name: 'Delete row' }).click();
  await expect(page.getByRole('textbox', { name: 'Body' }).locator('tr')).toHaveCount(2);
  await expect(saveStatus(page)).toHaveText('Saved');

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Markdown' }).click(),
  ]);
  const markdown = await readFile(await download.path(), 'utf8');
  expect(markdown).toMatch(
    /\| State +\| Observers +\| Since +\|\n\| -+ \| -+ \| -+ \|\n\| Austria +\| 12 +\| June +\|/,
  );
});

test('a release links to its translation, and the link survives a reload', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await newRelease(page, 'Blank release');
  await page.getByLabel('Headline').fill('Миссия ОБСЕ поддерживает медиаграмотность');
  await page.getByLabel('Language').selectOption('ru');
  await expect(saveStatus(page)).toHaveText('Saved');

  await newRelease(page, 'Blank release');
  await page.getByLabel('Headline').fill('OSCE Mission supports media literacy');
  await page.getByLabel('Translations', { exact: true }).fill('медиа');
  await page.getByRole('option', { name: /Миссия ОБСЕ.*Russian/ }).click();
  await expect(saveStatus(page)).toHaveText('Saved');

  await page.reload();
  await expect(page.getByLabel('Headline')).toHaveValue('OSCE Mission supports media literacy');
  await expect(
    page.getByRole('list', { name: 'Translations: chosen' }).getByRole('listitem'),
  ).toHaveText(['Миссия ОБСЕ поддерживает медиаграмотность×']);
});

test('house typography in the release language: typed in the headline, pasted as plain text in the body', async ({
  page,
  context,
  app,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(app.url);
  await newRelease(page, 'Blank release');
  const headline = page.getByLabel('Headline');
  await headline.pressSequentially('OSCE chief: "Dialogue" - now');
  await expect(headline).toHaveValue('OSCE chief: \u201cDialogue\u201d \u2013 now');
  // Typing in the middle sets what is typed and leaves the caret where the officer is typing.
  await headline.press('Home');
  await headline.pressSequentially('The  new ');
  await expect(headline).toHaveValue('The new OSCE chief: \u201cDialogue\u201d \u2013 now');
  // Ctrl+Z right after gives back the straight quote, and typing on leaves it straight.
  await headline.press('End');
  await headline.pressSequentially(' 12"');
  await expect(headline).toHaveValue(
    'The new OSCE chief: \u201cDialogue\u201d \u2013 now 12\u201d',
  );
  await headline.press('Control+Z');
  await headline.pressSequentially(' screens');
  await expect(headline).toHaveValue(
    'The new OSCE chief: \u201cDialogue\u201d \u2013 now 12" screens',
  );
  await headline.fill('The new OSCE chief: \u201cDialogue\u201d \u2013 now');

  // A dead key (US-International: " then e makes ë) composes a character: nothing is set meanwhile.
  await headline.press('End');
  await headline.pressSequentially(' Citro');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: '"', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.insertText', { text: '\u00eb' });
  await headline.pressSequentially('n');
  await expect(headline).toHaveValue(
    'The new OSCE chief: \u201cDialogue\u201d \u2013 now Citro\u00ebn',
  );

  await page.getByLabel('Language').selectOption('fr');
  await headline.press('End');
  await headline.pressSequentially(' " oui "');
  await expect(headline).toHaveValue(
    'The new OSCE chief: \u201cDialogue\u201d \u2013 now Citro\u00ebn \u00ab\u00a0oui\u00a0\u00bb',
  );

  const body = page.getByRole('textbox', { name: 'Body' });
  await body.click();
  await page.evaluate(() => navigator.clipboard.writeText('Il a dit "non"  -- et l\'OSCE aussi.'));
  await page.keyboard.press('Control+V');
  await expect(body).toHaveText(
    'Il a dit \u00ab\u00a0non\u00a0\u00bb \u2013 et l\u2019OSCE aussi.',
  );
  await expect(saveStatus(page)).toHaveText('Saved');
});
