/**
 * `tsx tests/bench/library-slow-keys.ts`: what made the slowest search keystrokes slow. Opens the
 * library with 10,000 releases as the library bench does, types its queries into the search box
 * with the key probe and Chromium's timeline trace at once, and for the slowest keys (keystroke
 * to screen, as the bench measures it) prints what the main thread ran between the keydown and
 * that paint. Not part of `npm run bench`. `SLOW_KEYS_COUNT` says how many keys are listed;
 * `SLOW_KEYS_ECHO=1` lists only keys that left the list as it was.
 */
import path from 'node:path';
import { rm } from 'node:fs/promises';
import {
  buildRenderer,
  installKeyProbe,
  launchChromium,
  makeTempDir,
  newContext,
  seedStore,
  sleep,
  startWebHost,
} from './browser-support';
import { libraryDrafts, LIBRARY_SELECTORS, typeQueries } from './library-bench';
import { traceSlowKeys } from './typing-slow-keys';

const main = async () => {
  await buildRenderer({ minify: false });
  const count = Number(process.env.SLOW_KEYS_COUNT ?? 12);
  const browser = await launchChromium();
  const dir = await makeTempDir('library-slow-keys');
  const storeDir = path.join(dir, 'store');
  try {
    await seedStore(storeDir, libraryDrafts());
    const host = await startWebHost(storeDir);
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(host.url);
    await page.locator(LIBRARY_SELECTORS.library).waitFor({ timeout: 30_000 });
    await sleep(2_000);
    await page.getByLabel(LIBRARY_SELECTORS.searchLabel).click();
    await installKeyProbe(page, LIBRARY_SELECTORS.library);
    await traceSlowKeys(
      page,
      () => typeQueries(page),
      // SLOW_KEYS_ECHO=1: only the keys that left the list as it was, by when the box showed them.
      process.env.SLOW_KEYS_ECHO
        ? (key) => (key.last === null ? key.echo : null)
        : (key) => key.last ?? key.echo,
      'search, 10,000 releases',
      count,
    );
    await context.close();
    await host.stop();
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
};

void main();
