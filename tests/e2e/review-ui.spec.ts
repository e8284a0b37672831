import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { newRelease, saveStatus } from '../support/journey';
import { expect, test } from './host-fixture';

/** Selects `text` in the body the way a mouse would, through the page's own selection. */
const selectInBody = async (page: Page, text: string) => {
  await page.evaluate((wanted) => {
    const body = document.querySelector('.ProseMirror');
    if (!body) throw new Error('no body');
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent?.indexOf(wanted) ?? -1;
      if (index >= 0) {
        (body as HTMLElement).focus();
        window.getSelection()?.setBaseAndExtent(node, index, node, index + wanted.length);
        return;
      }
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
