import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { newRelease, saveStatus } from '../support/journey';
import { expect, openTwoStores, test } from './host-fixture';

/**
 * Selects `text` in the body the way a mouse would, through the page's own selection; the
 * text may run across marks (a comment's highlight splits it into several text nodes).
 */
const selectInBody = async (page: Page, text: string) => {
  await page.evaluate((wanted) => {
    const body = document.querySelector('.ProseMirror');
    if (!body) throw new Error('no body');
    for (const block of body.querySelectorAll('p, li, h2, h3, blockquote')) {
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      const nodes: { node: Node; start: number }[] = [];
      let joined = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node, start: joined.length });
        joined += node.textContent ?? '';
      }
      const index = joined.indexOf(wanted);
      if (index < 0) continue;
      const end = index + wanted.length;
      const at = (offset: number, closing: boolean) => {
        const found = nodes.findLast(({ start }) => (closing ? start < offset : start <= offset));
        if (!found) throw new Error('no text node');
        return [found.node, offset - found.start] as const;
      };
      (body as HTMLElement).focus();
      window.getSelection()?.setBaseAndExtent(...at(index, false), ...at(end, true));
      return;
    }
    throw new Error(`${wanted} is not in the body`);
  }, text);
  // ProseMirror reads the DOM selection on selectionchange.
  await page.waitForTimeout(50);
};

const becomeOfficer = async (page: Page, name: string) => {
  await page.keyboard.press('Control+,');
  const dialog = page.getByRole('dialog', { name: 'Preferences' });
  await dialog.getByLabel('Officer’s name').fill(name);
  await dialog.getByRole('button', { name: 'Save preferences' }).click();
  await expect(dialog).toBeHidden();
};

test('comment, suggest as two reviewers, accept: one window', async ({ page, app }) => {
  await page.goto(app.url);
  await newRelease(page, 'Blank release');
  await page.getByLabel('Headline').fill('Mission opens office in Vienna');
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.type('The mission opened an office in Vienna on Monday, with a library.');
  await expect(saveStatus(page)).toHaveText('Saved');

  // Comment: the name is asked once, then the thread opens in the panel.
  await selectInBody(page, 'an office in Vienna');
  await page
    .getByRole('toolbar', { name: 'Formatting' })
    .getByRole('button', { name: 'Comment' })
    .click();
  const who = page.getByRole('dialog', { name: 'Who is reviewing?' });
  await who.getByLabel('Your name').fill('Anna Berg');
  await who.getByRole('button', { name: 'Save name' }).click();
  const panel = page.getByRole('complementary', { name: 'Comments' });
  await panel
    .getByLabel('Comment', { exact: true })
    .fill('Which office: the field office or the liaison office?');
  await panel.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(panel.getByRole('article', { name: /Comment by Anna Berg/ })).toContainText(
    'Which office',
  );
  await expect(page.locator('.ProseMirror .comment-anchor')).toHaveText('an office in Vienna');

  // Suggest: Anna inserts, Ben deletes.
  const suggest = page.getByRole('button', { name: 'Suggest changes' });
  await suggest.click();
  await expect(suggest).toHaveAttribute('aria-pressed', 'true');
  await selectInBody(page, ', with a library');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(' and a reading room');
  await becomeOfficer(page, 'Ben Cole');
  await selectInBody(page, 'on Monday');
  await page.keyboard.press('Backspace');
  await page.getByLabel('Headline').fill('Mission opens field office in Vienna');
  await expect(
    panel.getByRole('article', { name: /Suggestion by Anna Berg: insert/ }),
  ).toBeVisible();
  await expect(
    panel.getByRole('article', { name: /Suggestion by Ben Cole: delete/ }),
  ).toBeVisible();
  await expect(
    panel.getByRole('article', { name: /Suggestion by Ben Cole: headline/ }),
  ).toBeVisible();
  await expect(page.locator('.ProseMirror ins')).toHaveText(' and a reading room');
  await expect(page.locator('.ProseMirror del')).toHaveText('on Monday');
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.screenshot({ path: 'test-results/review-ui.png' });

  // Accept Anna's insertion: it stays, unmarked; Ben's deletion is still open.
  await panel
    .getByRole('article', { name: /Suggestion by Anna Berg: insert/ })
    .getByRole('button', { name: 'Accept' })
    .click();
  await expect(page.locator('.ProseMirror ins')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Body' })).toContainText('and a reading room');
  await expect(panel.getByRole('article', { name: /Suggestion by Anna Berg/ })).toHaveCount(0);
  // The decision is one undo step in the body.
  await page.getByRole('textbox', { name: 'Body' }).focus();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.ProseMirror ins')).toHaveText(' and a reading room');
});

test('send for review downloads the file; opening it again brings nothing new', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await newRelease(page, 'Blank release');
  await page.getByLabel('Headline').fill('Mission opens office in Vienna');
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.type('The mission opened an office in Vienna.');
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.getByRole('button', { name: 'Send for review…' }).click();
  const who = page.getByRole('dialog', { name: 'Who is reviewing?' });
  await who.getByLabel('Your name').fill('Anna Berg');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    who.getByRole('button', { name: 'Save name' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.newsroom-review$/);
  const path = await download.path();
  await page.getByLabel('Files to import').setInputFiles({
    name: download.suggestedFilename(),
    mimeType: 'application/json',
    buffer: await readFile(path),
  });
  await expect(page.getByText(/Nothing new in this review/)).toBeVisible();
});

test('a thread whose words were deleted stays, detached, and can be resolved', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await newRelease(page, 'Blank release');
  await becomeOfficer(page, 'Anna Berg');
  await page.getByLabel('Headline').fill('Mission opens office in Vienna');
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.type('The mission opened an office in Vienna, with a library.');
  await selectInBody(page, 'with a library');
  await page.keyboard.press('Control+Alt+m');
  const panel = page.getByRole('complementary', { name: 'Comments' });
  await panel.getByLabel('Comment', { exact: true }).fill('Which library?');
  await panel.getByRole('button', { name: 'Comment', exact: true }).click();
  const thread = panel.getByRole('article', { name: /Comment by Anna Berg/ });
  await expect(thread).toContainText('Which library?');

  // The author deletes the words the thread was on: it stays, marked as detached.
  await selectInBody(page, ', with a library');
  await page.keyboard.press('Backspace');
  await expect(page.getByRole('textbox', { name: 'Body' })).toHaveText(
    'The mission opened an office in Vienna.',
  );
  await expect(page.locator('.ProseMirror .comment-anchor')).toHaveCount(0);
  await expect(thread.getByText('Detached')).toBeVisible();
  await expect(thread.locator('.review-quote')).toHaveText('with a library');

  await thread.getByRole('button', { name: 'Resolve' }).click();
  await expect(thread).toHaveCount(0);
  await panel.getByLabel(/Show resolved/).check();
  await expect(thread.getByText('Resolved by Anna Berg')).toBeVisible();
  await expect(thread.getByText('Detached')).toBeVisible();
  await expect(saveStatus(page)).toHaveText('Saved');

  // Resolved is stored: after a reload it is still resolved (and still detached).
  await page.reload();
  await expect(page.getByLabel('Headline')).toHaveValue('Mission opens office in Vienna');
  await page.getByRole('button', { name: 'Comments', exact: true }).click();
  await expect(panel.getByText('Show resolved (1)')).toBeVisible();
  await expect(panel.getByRole('article', { name: /Comment by Anna Berg/ })).toHaveCount(0);
});

test('a reply to a thread after a reload is kept with the thread', async ({ page, app }) => {
  await page.goto(app.url);
  await newRelease(page, 'Blank release');
  await becomeOfficer(page, 'Anna Berg');
  await page.getByLabel('Headline').fill('Mission opens office in Vienna');
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.type('The mission opened an office in Vienna on Monday.');
  await selectInBody(page, 'an office in Vienna');
  await page.keyboard.press('Control+Alt+m');
  const panel = page.getByRole('complementary', { name: 'Comments' });
  await panel.getByLabel('Comment', { exact: true }).fill('Which office?');
  await panel.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(saveStatus(page)).toHaveText('Saved');

  await page.reload();
  // A release with an open thread opens with its panel showing.
  const thread = panel.getByRole('article', { name: /Comment by Anna Berg/ });
  await expect(thread).toContainText('Which office?');
  await becomeOfficer(page, 'Ben Cole');
  await thread.getByRole('button', { name: 'Reply' }).click();
  await thread.getByLabel('Your reply').fill('The liaison office.');
  await thread.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(thread.locator('.review-comment')).toHaveCount(2);
  await expect(thread.locator('.review-comment').nth(1)).toContainText('Ben Cole');
  await expect(thread.locator('.review-comment').nth(1)).toContainText('The liaison office.');
  await expect(page.locator('.ProseMirror .comment-anchor')).toHaveText('an office in Vienna');
  await expect(saveStatus(page)).toHaveText('Saved');

  await page.reload();
  await expect(thread.locator('.review-comment')).toHaveCount(2);
  await expect(thread).toContainText('The liaison office.');
});

test('a headline suggestion the author wrote past is replaced only when asked, and undone', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await newRelease(page, 'Blank release');
  await becomeOfficer(page, 'Ben Cole');
  const headline = page.getByRole('textbox', { name: 'Headline' });
  await headline.fill('Mission opens office in Vienna');
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.type('The mission opened an office in Vienna.');
  await expect(saveStatus(page)).toHaveText('Saved');

  const suggest = page.getByRole('button', { name: 'Suggest changes' });
  await suggest.click();
  await headline.fill('Mission opens field office in Vienna');
  await suggest.click();
  await expect(suggest).toHaveAttribute('aria-pressed', 'false');
  // The author writes on in the headline after Ben's suggestion.
  await headline.fill('Mission opens its first office in Vienna');
  const panel = page.getByRole('complementary', { name: 'Comments' });
  const card = panel.getByRole('article', { name: /Suggestion by Ben Cole: headline/ });
  await expect(card).toContainText('The headline has changed since this was suggested.');
  await expect(card.getByRole('button', { name: 'Accept', exact: true })).toHaveCount(0);

  // Accept all leaves it open and says why.
  await panel.getByRole('button', { name: 'Accept all' }).click();
  await expect(
    page.getByText('Left open: the headline, changed since it was suggested.'),
  ).toBeVisible();
  await expect(headline).toHaveValue('Mission opens its first office in Vienna');
  await expect(card).toBeVisible();

  await card.getByRole('button', { name: 'Replace with suggestion' }).click();
  await expect(headline).toHaveValue('Mission opens field office in Vienna');
  await expect(card).toHaveCount(0);
  const accepted = page
    .getByRole('status')
    .filter({ hasText: 'Headline set to Ben Cole’s suggestion.' });
  await accepted.getByRole('button', { name: 'Undo' }).click();
  await expect(headline).toHaveValue('Mission opens its first office in Vienna');
  await expect(card).toBeVisible();
  await expect(saveStatus(page)).toHaveText('Saved');
});

/** The body's inserted text, however many elements the marks are drawn in. */
const inserted = (page: Page) =>
  expect.poll(async () => (await page.locator('.ProseMirror ins').allTextContents()).join(''));

const downloadFrom = async (page: Page, button: string): Promise<Download> => {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 15_000 }),
    page.getByRole('button', { name: button }).click(),
  ]);
  return file;
};

const importFile = async (page: Page, file: Download) =>
  page.getByLabel('Files to import').setInputFiles({
    name: file.suggestedFilename(),
    mimeType: 'application/json',
    buffer: await readFile(await file.path()),
  });

test('keys typed while a returned review merges cannot save over the merge', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const desks = await openTwoStores(browser);
  try {
    const { author, reviewer, authorUrl, reviewerUrl } = desks;
    const authorBody = author.getByRole('textbox', { name: 'Body' });

    await author.goto(authorUrl);
    await newRelease(author, 'Blank release');
    await becomeOfficer(author, 'Lena Ortiz');
    await author.getByLabel('Headline').fill('Mission opens office in Vienna');
    await authorBody.click();
    await author.keyboard.type('The mission opened an office in Vienna.');
    await expect(saveStatus(author)).toHaveText('Saved');
    const sent = await downloadFrom(author, 'Send for review…');

    await reviewer.goto(reviewerUrl);
    await expect(reviewer.getByRole('navigation', { name: 'Library' })).toBeVisible({
      timeout: 30_000,
    });
    await importFile(reviewer, sent);
    await reviewer
      .getByRole('dialog', { name: /Import as a new release/ })
      .getByRole('button', { name: 'Import' })
      .click();
    await expect(reviewer.getByLabel('Headline')).toHaveValue('Mission opens office in Vienna');
    await becomeOfficer(reviewer, 'Anna Berg');
    await reviewer.getByRole('button', { name: 'Suggest changes' }).click();
    await selectInBody(reviewer, 'an office');
    await reviewer.keyboard.press('ArrowRight');
    await reviewer.keyboard.type(' and a library');
    await inserted(reviewer).toContain('and a library');
    await expect(saveStatus(reviewer)).toHaveText('Saved');
    const returned = await downloadFrom(reviewer, 'Return to author…');

    // The merge takes a while (a large file, a slow disk); the author types on meanwhile.
    await author.route(
      (url) => decodeURIComponent(url.pathname).endsWith('/api/review:open'),
      async (route) => {
        await new Promise((done) => setTimeout(done, 1_500));
        await route.continue();
      },
    );
    await authorBody.click();
    await author.keyboard.press('End');
    await importFile(author, returned);
    await author.keyboard.type(' Typed during the merge.');
    await expect(author.getByText(/Review from Anna Berg/)).toBeVisible();

    // The merged release is shown, its suggestion in the body; the held keys went nowhere,
    // and no save over the merge made a 'version from another window'.
    await inserted(author).toContain('and a library');
    await expect(authorBody).not.toContainText('Typed during the merge');
    await author.waitForTimeout(1_500);
    await expect(saveStatus(author)).toHaveText('Saved');
    await expect(author.getByText(/version from another window/)).toHaveCount(0);
    await author.reload();
    await inserted(author).toContain('and a library');
    // The editor takes keys again.
    await authorBody.click();
    await author.keyboard.press('End');
    await author.keyboard.type(' Typed after.');
    await expect(authorBody).toContainText('Typed after.');
  } finally {
    await desks.close();
  }
});
