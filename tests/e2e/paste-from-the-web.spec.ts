import { newRelease, saveStatus } from '../support/journey';
import { copyNewsArticle, NEWS_ARTICLE_URL, serveNewsSite } from '../support/news-page';
import { expect, test } from './host-fixture';

test('an article copied from a news page in the browser pastes as clean text, loading nothing remote', async ({
  page,
  context,
  app,
}) => {
  const remote = await serveNewsSite(context);
  // A person reads the article on the news site, selects all of it and presses Ctrl+C…
  await copyNewsArticle(page);
  expect(remote).toContain('https://cdn.news.example.com/images/48213-hero.jpg');

  // …then pastes it into a new release with Ctrl+V: Chromium's own clipboard, no synthetic event.
  await page.goto(app.url);
  await newRelease(page, 'Blank release');
  const body = page.getByRole('textbox', { name: 'Body' });
  await body.click();
  const before = remote.length;
  await page.keyboard.press('Control+V');

  await expect(body.getByRole('heading', { level: 2 }).first()).toHaveText(
    'Mission supports new media law',
  );
  await expect(body.getByRole('listitem')).toHaveText([
    'Protection of sources',
    'An independent regulator, with members elected by parliament',
  ]);
  await expect(body.locator('blockquote')).toContainText('important step for media freedom');
  await expect(body.getByRole('link', { name: "parliament's website" })).toHaveAttribute(
    'href',
    'https://www.example.org/media-law',
  );
  await expect(body).toContainText("The Mission will follow the law's implementation.");
  await expect(body).toContainText('Click here for more');
  await expect(body).not.toContainText('Share on');
  await expect(body).not.toContainText('Advertisement');
  await expect(body).not.toContainText('Subscribe');
  expect(
    await body.locator('img, iframe, svg, script, style, form, button, [style], [onclick]').count(),
  ).toBe(0);
  expect(await body.locator('a[href^="javascript:"]').count()).toBe(0);
  await expect(page.getByRole('status').filter({ hasText: 'Left out' })).toHaveText(
    /Left out of the paste: 1 image, 1 video or embedded frame\./,
  );
  await expect(saveStatus(page)).toHaveText('Saved');
  // Nothing the article pointed at was fetched once it was in the editor.
  expect(remote.slice(before).filter((url) => url !== NEWS_ARTICLE_URL)).toEqual([]);
});
