import { newRelease, saveStatus } from '../support/journey';
import { expect, test } from './host-fixture';

/**
 * Two tabs on one store stay in step without a reload: each hears main's events (browser mode's
 * event stream), so a release created, edited, trashed or restored in one shows in the other.
 */
test('a release created and edited in one tab appears and updates in the other’s library', async ({
  context,
  app,
}) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto(app.url);
  await second.goto(app.url);
  const libraryOf = (page: typeof first) => page.getByRole('navigation', { name: 'Library' });
  await expect(libraryOf(second)).toBeVisible();

  await newRelease(first, 'Blank release');
  await first.getByLabel('Headline').fill('Talks resume in Geneva');
  await expect(saveStatus(first)).toHaveText(/Saved/);
  await expect(libraryOf(second).getByText('Talks resume in Geneva')).toBeVisible();

  await first.getByLabel('Headline').fill('Talks resume in Geneva on Monday');
  await expect(saveStatus(first)).toHaveText(/Saved/);
  await expect(libraryOf(second).getByText('Talks resume in Geneva on Monday')).toBeVisible();
  await expect(libraryOf(second).getByText('Talks resume in Geneva', { exact: true })).toHaveCount(
    0,
  );

  // Opened in the second tab, the release shows the first tab's text.
  await libraryOf(second).getByText('Talks resume in Geneva on Monday').click();
  await expect(second.getByLabel('Headline')).toHaveValue('Talks resume in Geneva on Monday');

  // Moved to the trash in the first tab: gone from the second tab's list, in its trash.
  await first.getByRole('button', { name: 'Move to trash' }).click();
  await expect(libraryOf(second).getByText('Talks resume in Geneva on Monday')).toHaveCount(0);
  await libraryOf(second).getByRole('tab', { name: 'Trash' }).click();
  await expect(libraryOf(second).getByText('Talks resume in Geneva on Monday')).toBeVisible();

  // Restored from the second tab's trash: back in the first tab's library.
  await libraryOf(second).getByRole('button', { name: 'Restore' }).first().click();
  await expect(libraryOf(first).getByText('Talks resume in Geneva on Monday')).toBeVisible();
});

test('the release open in both tabs shows the other tab’s saved text', async ({ context, app }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto(app.url);
  await newRelease(first, 'Blank release');
  await first.getByLabel('Headline').fill('Border talks open');
  await expect(saveStatus(first)).toHaveText(/Saved/);

  await second.goto(app.url);
  const libraryOf = (page: typeof first) => page.getByRole('navigation', { name: 'Library' });
  await libraryOf(second).getByText('Border talks open').click();
  await expect(second.getByLabel('Headline')).toHaveValue('Border talks open');

  // Saved in the first tab: the second, with nothing unsaved, shows the new version.
  await first.getByLabel('Headline').fill('Border talks open in Vienna');
  await expect(saveStatus(first)).toHaveText(/Saved/);
  await expect(second.getByLabel('Headline')).toHaveValue('Border talks open in Vienna');
});
