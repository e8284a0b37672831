/**
 * `npm run bench` (or `tsx tests/bench/library-bench.ts`): the library with 10,000 releases in
 * browser mode, in Debian's Chromium: navigation to a usable list, search as you type
 * (keystroke to screen) and scrolling (frame times), each printed beside its target and beside
 * the same measure on an empty page in the same browser (the floor this machine allows).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { Draft } from '../../shared/schemas';
import { makeDraft, releaseBody } from '../support/store-fixtures';
import {
  buildRenderer,
  collectPageErrors,
  installKeyProbe,
  launchChromium,
  machineLine,
  makeTempDir,
  newContext,
  RELEASE_CODE,
  recordKeys,
  runIfMain,
  seededHeadline,
  seededRandom,
  seedStore,
  sleep,
  startWebHost,
  takeKeyProbe,
  withPageErrors,
  present,
  type KeyTiming,
} from './browser-support';
import { ms, summarizeTimes, type BenchModule } from './stats';

/** Every selector this bench relies on, in one place for when the renderer changes. */
export const LIBRARY_SELECTORS = {
  library: 'nav[aria-label="Library"]',
  /**
   * A library entry, whatever the list is made of; told from the library's other controls by
   * the release code every seeded headline carries.
   */
  item: 'li, [role="option"], [role="row"], [role="listitem"]',
  /** The search box's label (found with getByLabel). */
  searchLabel: 'Search releases',
  headline: '.headline-input',
} as const;

const RELEASES = 10_000;
const LOADS = 5;
const LOAD_TARGET_MS = 1_000;
const FRAME_TARGET_MS = 16;
/** Typed into the search box and then deleted key by key: both directions are timed. */
const QUERIES = [
  'vienna',
  'media freedom',
  '000123',
  'envoy visits tbilisi',
  'r-0042',
  'police reform',
];
const SEARCH_KEY_GAP_MS = [90, 130] as const;
const SCROLL_FRAMES = 240;
/** Pixels per frame: a wheel notch every frame, a brisk scroll. */
const SCROLL_STEP = 120;

export function* libraryDrafts(): Generator<Draft> {
  for (let i = 0; i < RELEASES; i += 1) {
    yield makeDraft(
      `bench-release-${String(i).padStart(6, '0')}`,
      i + 1,
      releaseBody(150, `r${i % 97}`),
      seededHeadline(i),
    );
  }
}

interface ReadyWindow extends Window {
  __benchReady?: { at: number; text: string; fcp: number | null };
}

/**
 * Runs in the page before the app's own scripts: on every frame, looks for the first library
 * entry that is on screen and is what a click at its middle would hit (nothing covers it), and
 * once there is one, takes the time after that frame is painted.
 */
const watchForUsableItem = ({
  library,
  item,
  code,
}: {
  library: string;
  item: string;
  code: string;
}) => {
  const pattern = new RegExp(code);
  const w = window as ReadyWindow;
  const usable = (): HTMLElement | null => {
    const nav = document.querySelector(library);
    if (!nav) return null;
    for (const element of nav.querySelectorAll<HTMLElement>(item)) {
      if (!pattern.test(element.textContent ?? '')) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.bottom <= 0) continue;
      if (box.top >= window.innerHeight) return null;
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit && element.contains(hit) ? element : null;
    }
    return null;
  };
  const look = () => {
    const found = usable();
    if (!found) {
      requestAnimationFrame(look);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      w.__benchReady = {
        at: performance.now(),
        text: found.textContent ?? '',
        fcp: fcp ? fcp.startTime : null,
      };
    };
    channel.port2.postMessage(null);
  };
  requestAnimationFrame(look);
};

/** Navigation → the first usable entry, in a fresh context each time (no cache, no storage). */
const timeLoad = async (
  browser: Browser,
  url: string,
): Promise<{ at: number; fcp: number | null; page: Page; close: () => Promise<void> }> => {
  const context = await newContext(browser);
  await context.addInitScript(watchForUsableItem, {
    library: LIBRARY_SELECTORS.library,
    item: LIBRARY_SELECTORS.item,
    code: RELEASE_CODE.source,
  });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(url);
  try {
    const ready = await withPageErrors(errors, async () => {
      const handle = await page.waitForFunction(() => (window as ReadyWindow).__benchReady, null, {
        timeout: 30_000,
      });
      return (await handle.jsonValue()) as NonNullable<ReadyWindow['__benchReady']>;
    });
    return { at: ready.at, fcp: ready.fcp, page, close: () => context.close() };
  } catch (error) {
    const state = await describeLibrary(page).catch(() => 'the page could not be read');
    await context.close();
    throw new Error(
      `no usable library entry: ${error instanceof Error ? error.message : String(error)}\n${state}`,
      { cause: error },
    );
  }
};

/** What the library looks like, for a failure to say which of the selectors stopped matching. */
const describeLibrary = (page: Page): Promise<string> =>
  page.evaluate(
    ({ library, item, code }) => {
      const nav = document.querySelector(library);
      if (!nav)
        return `nothing matches ${library}; the page shows: ${document.body.innerText.slice(0, 300)}`;
      const entries = [...nav.querySelectorAll<HTMLElement>(item)];
      const coded = entries.filter((element) => new RegExp(code).test(element.textContent ?? ''));
      const first = coded[0];
      if (!first)
        return `${entries.length} elements match ${item} in the library, none with a release code`;
      const box = first.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return (
        `${coded.length} entries; the first at ${JSON.stringify(box)}, ` +
        `a click there would hit ${hit ? hit.outerHTML.slice(0, 160) : 'nothing'}`
      );
    },
    { library: LIBRARY_SELECTORS.library, item: LIBRARY_SELECTORS.item, code: RELEASE_CODE.source },
  );

/** Clicks the second entry on screen and checks the editor opened it: the list is usable. */
const checkClickable = async (page: Page): Promise<string> => {
  const library = page.locator(LIBRARY_SELECTORS.library);
  const codes = await library.evaluate(
    (nav, { item, code }) =>
      [...nav.querySelectorAll<HTMLElement>(item)]
        .map((element) => new RegExp(code).exec(element.textContent ?? '')?.[0])
        .filter((found): found is string => Boolean(found))
        .slice(0, 3),
    { item: LIBRARY_SELECTORS.item, code: RELEASE_CODE.source },
  );
  const code = codes[1];
  if (!code) throw new Error('the library shows fewer than two releases');
  await library.getByText(code).first().click();
  await page.waitForFunction(
    ({ headline, wanted }) =>
      document.querySelector<HTMLTextAreaElement>(headline)?.value.includes(wanted) ?? false,
    { headline: LIBRARY_SELECTORS.headline, wanted: code },
    { timeout: 10_000 },
  );
  return code;
};

export const typeQueries = async (page: Page): Promise<void> => {
  const random = seededRandom(10_000);
  const gap = () => SEARCH_KEY_GAP_MS[0] + (SEARCH_KEY_GAP_MS[1] - SEARCH_KEY_GAP_MS[0]) * random();
  for (const query of QUERIES) {
    for (const char of query) {
      const due = performance.now() + gap();
      await page.keyboard.type(char);
      await sleep(due - performance.now());
    }
    await sleep(600);
    for (let i = 0; i < query.length; i += 1) {
      const due = performance.now() + gap();
      await page.keyboard.press('Backspace');
      await sleep(due - performance.now());
    }
    await sleep(600);
  }
};

interface SearchFigures {
  /**
   * keydown → the screen final for that key: the paint after the library's last change before
   * the next key, or, where the result stayed the same, the paint of the character in the box.
   */
  screen: number[];
  /** How many of those repainted the list. */
  repainted: number;
  /** keydown → the typed character painted in the box. */
  echo: number[];
  /** The last key of each query, typed or deleted (a pause follows), as `screen`. */
  final: number[];
}

const searchFigures = (keys: readonly KeyTiming[]): SearchFigures => {
  const screen = keys.map((key) => key.last ?? key.echo);
  const expected = QUERIES.reduce((sum, query) => sum + 2 * query.length, 0);
  const final: (number | null | undefined)[] = [];
  if (keys.length === expected) {
    let at = 0;
    for (const query of QUERIES) {
      final.push(screen[at + query.length - 1], screen[at + 2 * query.length - 1]);
      at += 2 * query.length;
    }
  }
  return {
    screen: present(screen),
    repainted: keys.filter((key) => key.last !== null).length,
    echo: present(keys.map((key) => key.echo)),
    final: present(final.map((value) => value ?? null)),
  };
};

/**
 * Scrolls the largest scrollable box under `root` (or the page) by `step` pixels a frame and
 * answers the time between frames, from requestAnimationFrame's timestamps.
 */
const scrollFrames = (page: Page, root: string) =>
  page.evaluate(
    ({ root: rootSelector, frames, step }) => {
      const base = document.querySelector(rootSelector);
      const boxes = base ? [base, ...base.querySelectorAll('*')] : [];
      let scroller: Element | null = null;
      for (const box of boxes) {
        const style = getComputedStyle(box);
        if (!/auto|scroll/.test(style.overflowY)) continue;
        if (box.scrollHeight <= box.clientHeight + step) continue;
        if (!scroller || box.scrollHeight > scroller.scrollHeight) scroller = box;
      }
      const target = scroller ?? document.scrollingElement;
      if (!target) throw new Error(`nothing scrolls under ${rootSelector}`);
      target.scrollTop = 0;
      return new Promise<{ frames: number[]; distance: number; height: number }>((resolve) => {
        const stamps: number[] = [];
        const tick = (stamp: number) => {
          stamps.push(stamp);
          const atEnd = target.scrollTop + target.clientHeight >= target.scrollHeight - 1;
          if (stamps.length > frames || atEnd) {
            resolve({
              // The first frame renders the jump back to the top, not a scroll step: left out.
              frames: stamps.slice(2).map((value, i) => value - (stamps[i + 1] ?? value)),
              distance: target.scrollTop,
              height: target.scrollHeight,
            });
            return;
          }
          target.scrollTop += step;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
    { root, frames: SCROLL_FRAMES, step: SCROLL_STEP },
  );

/** The same measures on a page with nothing on it: what this machine and browser allow. */
const floors = async (browser: Browser) => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.setContent(
      '<main><input aria-label="Search"><div style="height: 2000000px"></div></main>',
    );
    await installKeyProbe(page, 'main');
    await recordKeys(page, true);
    await page.locator('input').click();
    await typeQueries(page);
    const keys = present((await takeKeyProbe(page)).map((key) => key.echo));
    const scroll = await scrollFrames(page, 'main');
    return { keys, frames: scroll.frames };
  } finally {
    await context.close();
  }
};

const verdict = (value: number, target: number, strict: boolean): string =>
  (strict ? value < target : value <= target) ? 'OK' : 'MISSED';

const bench: BenchModule = {
  name: 'library',
  async run(print) {
    const built = await buildRenderer();
    const dir = await makeTempDir('library-bench');
    const storeDir = path.join(dir, 'store');
    const browser = await launchChromium();
    try {
      print(machineLine(browser));
      const seeded = await seedStore(storeDir, libraryDrafts());
      print(
        `Renderer built in ${ms(built)}; ${RELEASES.toLocaleString('en')} releases seeded in ${ms(seeded)}.`,
      );
      const floor = await floors(browser);
      const host = await startWebHost(storeDir);
      try {
        const loads: number[] = [];
        const paints: number[] = [];
        let last: Awaited<ReturnType<typeof timeLoad>> | null = null;
        for (let i = 0; i < LOADS; i += 1) {
          await last?.close();
          last = await timeLoad(browser, host.url);
          loads.push(last.at);
          if (last.fcp !== null) paints.push(last.fcp);
        }
        if (!last) throw new Error('no load');
        const page = last.page;
        const opened = await checkClickable(page);

        await page.getByLabel(LIBRARY_SELECTORS.searchLabel).click();
        await installKeyProbe(page, LIBRARY_SELECTORS.library);
        await recordKeys(page, true);
        await typeQueries(page);
        await sleep(300);
        await recordKeys(page, false);
        const keys = await takeKeyProbe(page);
        await sleep(500);
        const scroll = await scrollFrames(page, LIBRARY_SELECTORS.library);
        await last.close();

        const line = (label: string, value: string, target: string, ok: string) =>
          print(`  ${label.padEnd(46)} ${value.padStart(9)}   target ${target.padEnd(8)} ${ok}`);
        const floorLine = (label: string, value: string) =>
          print(`  ${label.padEnd(46)} ${value.padStart(9)}`);
        const firstLoad = loads[0] ?? NaN;
        const load = summarizeTimes(loads);
        print(`\nLibrary with ${RELEASES.toLocaleString('en')} releases`);
        line(
          'navigation → first entry usable, first load',
          ms(firstLoad),
          '≤ 1 s',
          verdict(firstLoad, LOAD_TARGET_MS, false),
        );
        line(
          `  median of ${LOADS} loads (fresh context each)`,
          ms(load.median),
          '≤ 1 s',
          verdict(load.median, LOAD_TARGET_MS, false),
        );
        if (paints.length)
          floorLine('  first contentful paint, median', ms(summarizeTimes(paints).median));
        print(`  (a click on ${opened} opened it in the editor)`);

        const search = searchFigures(keys);
        const screen = summarizeTimes(search.screen);
        line(
          `search keystroke → screen, p95 (n=${search.screen.length})`,
          ms(screen.p95),
          '< 16 ms',
          verdict(screen.p95, FRAME_TARGET_MS, true),
        );
        floorLine('  median', ms(screen.median));
        print(
          `    (${search.repainted} repainted the list; the others left the same result, so the box is the screen)`,
        );
        const echo = summarizeTimes(search.echo);
        floorLine('  keystroke → character in the box, p95', ms(echo.p95));
        floorLine('    median', ms(echo.median));
        if (search.final.length) {
          floorLine(
            `  last key of a query → final, median (n=${search.final.length})`,
            ms(summarizeTimes(search.final).median),
          );
          floorLine('    longest', ms(Math.max(...search.final)));
        }
        if (search.screen.length < keys.length)
          print(`    (${keys.length - search.screen.length} keystrokes were never painted)`);
        const frames = summarizeTimes(scroll.frames);
        line(
          `scroll frame time, p95 (n=${scroll.frames.length} frames)`,
          ms(frames.p95),
          '< 16 ms',
          verdict(frames.p95, FRAME_TARGET_MS, true),
        );
        floorLine('  median', ms(frames.median));
        floorLine('  longest frame', ms(Math.max(...scroll.frames)));
        print(
          `  (scrolled ${Math.round(scroll.distance).toLocaleString('en')} of ${Math.round(scroll.height).toLocaleString('en')} px, ${SCROLL_STEP} px a frame)`,
        );
        const floorKeys = summarizeTimes(floor.keys);
        const floorFrames = summarizeTimes(floor.frames);
        print('\nFloor: the same measures on an empty page, same browser, same run');
        floorLine('keystroke in a bare input → screen, p95', ms(floorKeys.p95));
        floorLine('  median', ms(floorKeys.median));
        floorLine('scroll frame time, p95', ms(floorFrames.p95));
        floorLine('  median', ms(floorFrames.median));
      } finally {
        await host.stop();
      }
    } finally {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

export default bench;

runIfMain(import.meta.url, bench);
