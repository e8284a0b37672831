import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { newRelease, saveStatus } from '../support/journey';
import { openTwoStores } from './host-fixture';

// An action that cannot happen fails where it stands rather than at the test's end.
test.use({ actionTimeout: 15_000 });

const HEADLINE = 'Mission to Serbia trains judges on media freedom';
const FIRST = 'The mission trained judges in Belgrade on cases about journalists.';
const SECOND = 'The course ran for three days.';
const AUTHOR_LATER = ' Twenty judges took part.';

const body = (page: Page) => page.getByRole('textbox', { name: 'Body' });
const comments = (page: Page) => page.getByRole('complementary', { name: 'Comments' });

/** The officer's name, as Preferences keeps it: the author of what they comment and suggest. */
const setName = (page: Page, officerName: string) =>
  page.evaluate(async (name) => {
    const response = await fetch('api/preferences:set', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ officerName: name }),
    });
    if (!response.ok) throw new Error(`preferences:set answered ${response.status}`);
  }, officerName);

/** Selects `phrase` inside the body the way a mouse drag would, through the DOM selection. */
const selectInBody = (page: Page, phrase: string) =>
  body(page).evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        return;
      }
    }
    throw new Error(`“${wanted}” is not in the body`);
  }, phrase);

/** Puts the caret right after `phrase` in the body. */
const caretAfter = async (page: Page, phrase: string) => {
  await selectInBody(page, phrase);
  await page.keyboard.press('ArrowRight');
};

/** Types into a taxonomy picker and takes the first suggestion whose name starts as given. */
const pick = async (page: Page, label: string, query: string, option: RegExp) => {
  await page.getByLabel(label, { exact: true }).fill(query);
  await page.getByRole('option', { name: option }).first().click();
  await page.keyboard.press('Escape');
};

const download = async (page: Page, name: string | RegExp): Promise<Download> => {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  return file;
};

const openReviewFile = async (page: Page, file: Download) =>
  page.getByLabel('Files to import').setInputFiles({
    name: file.suggestedFilename(),
    mimeType: 'application/json',
    buffer: await readFile(await file.path()),
  });

test('a review goes out as a file and comes back: the author keeps their edits, decides each suggestion, and the export holds the accepted text only', async ({
  browser,
}) => {
  // Two hosts, two windows and a round trip: more than one test's usual minute on a slow machine.
  test.setTimeout(180_000);
  const desks = await openTwoStores(browser);
  try {
    const { author, reviewer, authorUrl, reviewerUrl } = desks;

    // The author writes and sends the release.
    await author.goto(authorUrl);
    await setName(author, 'Lena Ortiz');
    await newRelease(author, 'Blank release');
    await author.getByLabel('Headline').fill(HEADLINE);
    await body(author).click();
    await author.keyboard.type(FIRST);
    await author.keyboard.press('Enter');
    await author.keyboard.type(SECOND);
    await author.getByLabel('Date', { exact: true }).fill('2026-11-30');
    await pick(author, 'Place', 'belgr', /^Belgrade/);
    await pick(author, 'Source', 'serbia', /Mission to Serbia/);
    await pick(author, 'Fields of work', 'media', /^Media freedom/);
    await author.getByLabel('Summary').fill('Judges trained on cases about journalists.');
    await expect(saveStatus(author)).toHaveText('Saved');
    const sent = await download(author, 'Send for review…');
    expect(sent.suggestedFilename()).toMatch(/\.newsroom-review$/);

    // The reviewer, in a store of their own, opens it, comments and suggests.
    await reviewer.goto(reviewerUrl);
    await expect(reviewer.getByRole('navigation', { name: 'Library' })).toBeVisible();
    await setName(reviewer, 'Anna Berg');
    await openReviewFile(reviewer, sent);
    const asNew = reviewer.getByRole('dialog', { name: /Import as a new release/ });
    await asNew.getByRole('button', { name: 'Import' }).click();
    await expect(reviewer.getByLabel('Headline')).toHaveValue(HEADLINE);

    await selectInBody(reviewer, 'cases about journalists');
    await reviewer
      .getByRole('toolbar', { name: 'Formatting' })
      .getByRole('button', { name: 'Comment' })
      .click();
    await comments(reviewer).getByLabel('Comment', { exact: true }).fill('Which cases? Name one.');
    await comments(reviewer).getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(
      comments(reviewer).getByRole('article', { name: /Comment by Anna Berg/ }),
    ).toContainText('Which cases? Name one.');

    await reviewer.getByRole('button', { name: 'Suggest changes' }).click();
    await expect(reviewer.getByRole('button', { name: 'Suggest changes' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await caretAfter(reviewer, 'The mission trained ');
    await reviewer.keyboard.type('forty ');
    await selectInBody(reviewer, ' in Belgrade');
    await reviewer.keyboard.press('Delete');
    await expect(body(reviewer).locator('ins')).toHaveText('forty ');
    await expect(body(reviewer).locator('del')).toHaveText(' in Belgrade');
    await expect(saveStatus(reviewer)).toHaveText('Saved');
    const returned = await download(reviewer, 'Return to author…');

    // The author, who went on writing meanwhile, opens the returned file.
    await caretAfter(author, SECOND);
    await author.keyboard.type(AUTHOR_LATER);
    await expect(saveStatus(author)).toHaveText('Saved');
    await openReviewFile(author, returned);
    await expect(author.getByText(/Review from Anna Berg/)).toBeVisible();
    await expect(body(author)).toContainText(`${SECOND}${AUTHOR_LATER}`);
    await expect(body(author).locator('ins')).toHaveText('forty ');
    await expect(body(author).locator('del')).toHaveText(' in Belgrade');

    // On a 1024-pixel screen the Comments panel takes the metadata's place: the text keeps room.
    await author.setViewportSize({ width: 1024, height: 700 });
    await expect(comments(author)).toBeVisible();
    await expect(author.getByRole('complementary', { name: 'Metadata' })).toBeHidden();
    expect((await body(author).boundingBox())?.width ?? 0).toBeGreaterThan(280);
    await author.setViewportSize({ width: 1280, height: 720 });

    // Opening the same file again brings nothing new.
    await openReviewFile(author, returned);
    await expect(author.getByText(/nothing new/i)).toBeVisible();
    await expect(body(author).locator('ins')).toHaveCount(1);

    // Ready is refused while the review is open.
    await author.getByRole('button', { name: 'Mark as ready' }).click();
    const check = author.getByRole('region', { name: 'Ready check' });
    const missing = check.getByRole('list', { name: 'Missing' });
    await expect(missing).toContainText('2 suggested changes are still open');
    await expect(missing).toContainText('1 comment is not resolved');

    const panel = comments(author);
    await panel
      .getByRole('article', { name: /Suggestion by Anna Berg: insert/ })
      .getByRole('button', { name: 'Accept' })
      .click();
    await panel
      .getByRole('article', { name: /Suggestion by Anna Berg: delete/ })
      .getByRole('button', { name: 'Reject' })
      .click();
    await panel
      .getByRole('article', { name: /Comment by Anna Berg/ })
      .getByRole('button', { name: 'Resolve' })
      .click();
    await expect(body(author).locator('ins, del')).toHaveCount(0);
    await expect(saveStatus(author)).toHaveText('Saved');

    await expect(check.getByRole('list', { name: 'Missing' })).toHaveCount(0);
    await check.getByRole('button', { name: 'Mark as ready' }).click();
    await expect(check.getByRole('heading')).toHaveText('Ready to go');

    await author.getByRole('button', { name: 'Export', exact: true }).click();
    const [markdown] = await Promise.all([
      author.waitForEvent('download'),
      author.getByRole('menuitem', { name: 'Markdown' }).click(),
    ]);
    const text = await readFile(await markdown.path(), 'utf8');
    expect(text).toContain(
      'The mission trained forty judges in Belgrade on cases about journalists.',
    );
    expect(text).toContain(`${SECOND}${AUTHOR_LATER}`);
    expect(text).not.toContain('Which cases?');
    expect(text).not.toMatch(/<ins|<del|t-[a-z0-9]{8}/);
  } finally {
    await desks.close();
  }
});
