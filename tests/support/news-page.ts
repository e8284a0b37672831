import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';

/**
 * A news article as a person meets it in the browser: our page (tests/fixtures/paste/pages), served
 * at a news site's https address so that Chromium treats it as a real site. Its stylesheet,
 * scripts, images and tracking pixel are answered as a live site would answer them (images really
 * load, so Chromium puts them on the clipboard); nothing leaves this machine.
 */
export const NEWS_ARTICLE_URL = 'https://news.example.com/a/48213';

/** The smallest valid PNG (1×1, transparent), standing in for every image the page loads. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** Every request that reached a host other than this machine, in order. */
export const serveNewsSite = async (context: BrowserContext): Promise<string[]> => {
  const page = await readFile(join('tests', 'fixtures', 'paste', 'pages', 'news-article.html'));
  const remote: string[] = [];
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => {
    const url = route.request().url();
    remote.push(url);
    if (url === NEWS_ARTICLE_URL)
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body: page });
    if (/\.(?:jpg|png)(?:$|\?)|\/collect\?/.test(url))
      return route.fulfill({ contentType: 'image/png', body: PIXEL });
    if (url.endsWith('.css')) return route.fulfill({ contentType: 'text/css', body: '' });
    if (url.endsWith('.js')) return route.fulfill({ contentType: 'text/javascript', body: '' });
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>embed</title>' });
  });
  return remote;
};

/** Opens the article, selects all of it (headline to related links) and copies with Ctrl+C. */
export const copyNewsArticle = async (page: Page): Promise<void> => {
  await page.goto(NEWS_ARTICLE_URL, { waitUntil: 'load' });
  await page.evaluate(() => {
    const article = document.querySelector('article');
    const selection = window.getSelection();
    if (!article || !selection) throw new Error('The news page has no article to select');
    const range = document.createRange();
    range.selectNodeContents(article);
    selection.removeAllRanges();
    selection.addRange(range);
  });
  await page.keyboard.press('Control+C');
};

/**
 * What Chromium hands a paste handler as HTML: the clipboard is pasted (Ctrl+V) into a text box
 * added to the page, whose paste listener keeps `clipboardData.getData('text/html')`. This is the
 * exact string the editor's paste handler receives, which the async clipboard API (sanitised)
 * would not give.
 */
export const pastedHtml = async (page: Page): Promise<string> => {
  await page.evaluate(() => {
    const box = document.createElement('textarea');
    box.id = 'capture';
    box.addEventListener('paste', (event) => {
      box.dataset.html = event.clipboardData?.getData('text/html') ?? '';
    });
    document.body.append(box);
    box.focus();
  });
  await page.keyboard.press('Control+V');
  const html = await page.locator('#capture').getAttribute('data-html');
  if (!html) throw new Error('Nothing was pasted as HTML');
  return html;
};
