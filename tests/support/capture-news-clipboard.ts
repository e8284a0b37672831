/**
 * Writes tests/fixtures/paste/captured/chromium-news-article.html: the HTML that Chromium puts on
 * the clipboard when a person selects the whole article on tests/fixtures/paste/pages/news-article.html
 * and presses Ctrl+C. Run it again after changing the page, or to see what a newer Chromium puts
 * there: `npx tsx tests/support/capture-news-clipboard.ts`.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { copyNewsArticle, pastedHtml, serveNewsSite } from './news-page';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const context = await browser.newContext();
  await serveNewsSite(context);
  const page = await context.newPage();
  await copyNewsArticle(page);
  const html = await pastedHtml(page);
  const out = join('tests', 'fixtures', 'paste', 'captured', 'chromium-news-article.html');
  await writeFile(out, html);
  console.log(`${out}: ${html.length} characters, from ${browser.version()}`);
} finally {
  await browser.close();
}
