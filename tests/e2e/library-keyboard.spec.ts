import type { Locator, Page } from '@playwright/test';
import { expect, test } from './host-fixture';

interface Seed {
  headline: string;
  date: string;
}

/** Releases written straight through the browser-mode API, as another window would. */
const seed = (page: Page, releases: readonly Seed[]): Promise<void> =>
  page.evaluate(async (list) => {
    const call = async (channel: string, input: unknown): Promise<Record<string, unknown>> => {
      const response = await fetch(`api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const result = (await response.json()) as {
        ok: boolean;
        value: Record<string, unknown>;
        error?: { message: string };
      };
      if (!result.ok) throw new Error(`${channel}: ${result.error?.message ?? 'failed'}`);
      return result.value;
    };
    for (const { headline, date } of list) {
      const draft = await call('drafts:create', {});
      await call('drafts:save', {
        id: draft.id,
        headline,
        body: draft.body,
        meta: { ...(draft.meta as object), date },
        blocks: draft.blocks,
        status: 'draft',
        baseRevision: draft.revision,
      });
    }
  }, releases);

/** Many releases in few requests: Markdown files through the importer, 200 to a request. */
const importMany = (page: Page, count: number): Promise<void> =>
  page.evaluate(async (total) => {
    for (let start = 0; start < total; start += 200) {
      const files = Array.from({ length: Math.min(200, total - start) }, (_, i) => {
        const n = String(start + i + 1).padStart(5, '0');
        return {
          name: `release-${n}.md`,
          text: `---\nheadline: Imported release ${n}\ndate: 2026-03-10\n---\n\nBody of release ${n}.\n`,
        };
      });
      const response = await fetch('api/import:files', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ files }),
      });
      const result = (await response.json()) as { ok: boolean };
      if (!result.ok) throw new Error('import:files failed');
    }
  }, count);

// Created in this order, so the newest (the default order's first) is the last of them.
const RELEASES: Seed[] = [
  { headline: 'Mission to Serbia trains judges', date: '2026-01-20' },
  { headline: 'Office in Bishkek opens a library', date: '2026-03-02' },
  { headline: 'ODIHR observes elections in Moldova', date: '2026-02-11' },
  { headline: 'Alpine cross-border water talks', date: '2025-12-01' },
  { headline: 'Youth forum on media literacy', date: '2026-02-28' },
];
const NEWEST_FIRST = [...RELEASES].reverse().map((r) => r.headline);

const libraryOf = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const releasesList = (page: Page) =>
  libraryOf(page).getByRole('list', { name: 'Releases', exact: true });
const focused = (page: Page): Locator => page.locator(':focus');

/** Presses Tab until focus is inside `within`; fails after `limit` presses. */
const tabInto = async (page: Page, within: Locator, limit = 40): Promise<void> => {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if ((await within.locator(':focus').count()) > 0) return;
  }
  throw new Error('Tab never reached the list');
};

/**
 * Opens the window and waits until it has read the (empty) store. Releases seeded while it is
 * still opening would be read by its boot, opened, and remembered as the last one open.
 */
const openEmpty = async (page: Page, url: string): Promise<void> => {
  await page.goto(url);
  await expect(libraryOf(page)).toBeVisible();
};

const rowHeadlines = (list: Locator) => list.locator('.item-headline').allTextContents();

test('Tab from the page start reaches “Skip to editor” first, and Enter puts focus in the body', async ({
  page,
  app,
}) => {
  await openEmpty(page, app.url);
  await seed(page, RELEASES.slice(0, 2));
  await page.reload();
  await expect(page.getByLabel('Headline')).toHaveValue(RELEASES[1]?.headline ?? '');

  const skip = page.getByRole('link', { name: 'Skip to editor' });
  await expect(skip).not.toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Body' })).toBeFocused();
  await page.keyboard.type('Typed straight after skipping.');
  await expect(page.getByRole('textbox', { name: 'Body' })).toContainText(
    'Typed straight after skipping.',
  );
});

test('the library by keyboard alone: arrows, Home and End move, Enter opens', async ({
  page,
  app,
}) => {
  await openEmpty(page, app.url);
  await seed(page, RELEASES);
  const list = releasesList(page);
  // The seeded releases arrive as events: no reload needed.
  await expect(list.locator('.item-headline')).toHaveText(NEWEST_FIRST);
  await page.reload();
  await expect(page.getByLabel('Headline')).toHaveValue(NEWEST_FIRST[0] ?? '');

  // One Tab stop for the whole list: the open release's row.
  await tabInto(page, list);
  await expect(focused(page)).toContainText(NEWEST_FIRST[0] ?? '');
  await page.keyboard.press('ArrowDown');
  await expect(focused(page)).toContainText(NEWEST_FIRST[1] ?? '');
  await page.keyboard.press('ArrowDown');
  await expect(focused(page)).toContainText(NEWEST_FIRST[2] ?? '');
  await page.keyboard.press('ArrowUp');
  await expect(focused(page)).toContainText(NEWEST_FIRST[1] ?? '');
  await page.keyboard.press('End');
  await expect(focused(page)).toContainText(NEWEST_FIRST[4] ?? '');
  await page.keyboard.press('ArrowDown');
  await expect(focused(page)).toContainText(NEWEST_FIRST[4] ?? '');
  await page.keyboard.press('Home');
  await expect(focused(page)).toContainText(NEWEST_FIRST[0] ?? '');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Headline')).toHaveValue(NEWEST_FIRST[2] ?? '');
  await expect(list.getByRole('button', { name: NEWEST_FIRST[2] })).toHaveAttribute(
    'aria-current',
    'true',
  );

  // Tab leaves the list and Shift+Tab comes back to the row last used.
  await page.keyboard.press('Tab');
  await expect(list.locator(':focus')).toHaveCount(0);
  await page.keyboard.press('Shift+Tab');
  await expect(focused(page)).toContainText(NEWEST_FIRST[2] ?? '');
});

test('sorting by headline and by release date reorders the list; the choice is kept', async ({
  page,
  app,
}) => {
  await openEmpty(page, app.url);
  await seed(page, RELEASES);
  const list = releasesList(page);
  await expect(list.locator('.item-headline')).toHaveText(NEWEST_FIRST);

  const sort = libraryOf(page).getByLabel('Sort by');
  await expect(sort).toHaveValue('last-change');
  await sort.selectOption({ label: 'Headline' });
  await expect(list.locator('.item-headline')).toHaveText(
    RELEASES.map((r) => r.headline).sort((a, b) => a.localeCompare(b)),
  );
  await sort.selectOption({ label: 'Release date' });
  await expect(list.locator('.item-headline')).toHaveText(
    [...RELEASES].sort((a, b) => b.date.localeCompare(a.date)).map((r) => r.headline),
  );

  // Filtering keeps the order; the count says how many match.
  await libraryOf(page).getByLabel('Search releases').fill('mission');
  await expect(list.locator('.item-headline')).toHaveText(['Mission to Serbia trains judges']);
  await expect(libraryOf(page).getByText('1 release match')).toBeVisible();

  await page.reload();
  await expect(libraryOf(page).getByLabel('Sort by')).toHaveValue('release-date');
});

test('2,000 releases: imported as a burst of events, drawn a screenful at a time, End reaches the last', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  await expect(page.getByText('No release open')).toBeVisible();
  await importMany(page, 2000);
  const library = libraryOf(page);
  await expect(library.getByText('2,000 releases', { exact: true })).toBeVisible({
    timeout: 30_000,
  });
  const list = releasesList(page);
  // Only what can be seen (and a few more) is in the page.
  expect(await list.getByRole('listitem').count()).toBeLessThan(60);

  await library.getByLabel('Sort by').selectOption({ label: 'Headline' });
  await expect(list.locator('.item-headline').first()).toHaveText('Imported release 00001');
  await library.getByLabel('Search releases').focus();
  await tabInto(page, list);
  await expect(focused(page)).toContainText('Imported release 00001');
  await page.keyboard.press('End');
  await expect(focused(page)).toContainText('Imported release 02000');
  await expect(focused(page)).toBeInViewport();
  await page.keyboard.press('PageUp');
  await expect(focused(page)).toContainText('Imported release 01990');
  await expect(focused(page)).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Headline')).toHaveValue('Imported release 01990');
  expect(await rowHeadlines(list)).toContain('Imported release 01990');

  // Selection lives in the window's state, not in the rows drawn: all 2,000 go to the export.
  await library.getByRole('button', { name: 'Select', exact: true }).click();
  await library.getByRole('button', { name: 'Select all shown' }).click();
  await expect(library.getByRole('status')).toHaveText('2000 selected');
});
