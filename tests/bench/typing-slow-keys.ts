/**
 * `tsx tests/bench/typing-slow-keys.ts`: what made the slowest keystrokes slow. Types the typing
 * bench's sentences into the 5,000-word release with 10,000 releases in the store (and then on
 * the bare Tiptap page), with the bench's key probe and Chromium's timeline trace at once, and
 * for the slowest keys prints what the main thread ran between the keydown and the paint that
 * showed it: the p95 is made of those keys, not of the average one. Not part of `npm run bench`.
 * `SLOW_KEYS_PAGES=bare,ours` picks the pages; `SLOW_KEYS_COUNT` how many keys are listed.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rm } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { serveBarePage } from './bare-tiptap/bare-page';
import {
  buildRenderer,
  installKeyProbe,
  launchChromium,
  makeTempDir,
  newContext,
  recordKeys,
  seedStore,
  sleep,
  startWebHost,
  takeKeyProbe,
  type KeyTiming,
} from './browser-support';
import {
  longReleaseBody,
  placeCaret,
  SELECTORS,
  SENTENCES,
  storeDrafts,
  TARGET_ID,
  typeLikeAPerson,
  waitForBody,
} from './typing-bench';
import { summarizeTimes } from './stats';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: {
    name?: string;
    data?: { type?: string; functionName?: string; url?: string; lineNumber?: number };
  };
}

/** A main-thread slice, in ms on the page's performance.now() clock. */
interface Slice {
  start: number;
  end: number;
  label: string;
  depth: number;
}

const SYNC_MARK = 'slow-keys-sync';
/** Timeline events worth naming inside a task, by the kind of work they are. */
const NAMED: Record<string, (event: TraceEvent) => string> = {
  EventDispatch: (e) => `event ${e.args?.data?.type ?? '?'}`,
  TimerFire: () => 'timer',
  FireIdleCallback: () => 'idle callback',
  FireAnimationFrame: () => 'animation frame',
  FunctionCall: (e) =>
    `call ${e.args?.data?.functionName || '(anonymous)'} ${path.basename(e.args?.data?.url ?? '')}:${(e.args?.data?.lineNumber ?? 0) + 1}`,
  RunMicrotasks: () => 'microtasks',
  MajorGC: () => 'GC (major)',
  MinorGC: () => 'GC (minor)',
  'V8.GC_MC_BACKGROUND_MARKING': () => 'GC marking',
  Layout: () => 'layout',
  UpdateLayoutTree: () => 'style',
  PrePaint: () => 'pre-paint',
  Paint: () => 'paint',
  Layerize: () => 'layerize',
  ResourceSendRequest: () => 'fetch sent',
  ResourceReceiveResponse: () => 'fetch answered',
  XHRReadyStateChange: () => 'xhr',
  ParseHTML: () => 'parse HTML',
};

const mainThreadSlices = (events: TraceEvent[], offset: number): Slice[] => {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('no renderer main thread in the trace');
  const slices: Slice[] = [];
  const onMain = events
    .filter((e) => e.ph === 'X' && e.tid === main.tid && e.pid === main.pid)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Nesting depth from the open slices, so a listing shows top-level tasks and what they held.
  const open: number[] = [];
  for (const event of onMain) {
    const start = event.ts / 1000 - offset;
    const end = start + (event.dur ?? 0) / 1000;
    while (open.length && (open.at(-1) ?? 0) <= start) open.pop();
    const name = NAMED[event.name];
    if (event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask') {
      slices.push({ start, end, label: 'task', depth: open.length });
      open.push(end);
    } else if (name) {
      slices.push({ start, end, label: name(event), depth: open.length });
      open.push(end);
    }
  }
  return slices;
};

/**
 * Runs `type` with the key probe recording (installed by the caller) under the timeline trace,
 * then prints the `count` slowest keys by `pick` (a KeyTiming's field) with what ran meanwhile.
 */
export const traceSlowKeys = async (
  page: Page,
  type: () => Promise<void>,
  pick: (key: KeyTiming) => number | null,
  label: string,
  count: number,
): Promise<void> => {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'blink.user_timing',
      'v8',
    ],
  });
  const markedAt = await page.evaluate((name) => performance.mark(name).startTime, SYNC_MARK);
  await recordKeys(page, true);
  await type();
  await sleep(1_200);
  await recordKeys(page, false);
  const keys = await takeKeyProbe(page);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as
    { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const mark = events.find((e) => e.name === SYNC_MARK);
  if (!mark) throw new Error('the sync mark is not in the trace');
  const offset = mark.ts / 1000 - markedAt;
  const slices = mainThreadSlices(events, offset);
  // The probe's keys carry latencies only; their keydowns are the trace's keydown dispatches.
  const keydowns = slices
    .filter((s) => s.label === 'event keydown')
    .map((s) => s.start)
    .filter((at, i, all) => i === 0 || at - (all[i - 1] ?? 0) > 5);
  const latencies = keys.map(pick);
  const known = latencies.filter((value): value is number => value !== null);
  const { median, p95 } = summarizeTimes(known);
  console.log(
    `\n${label}: ${keys.length} keys (${keydowns.length} keydowns in the trace), median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`,
  );
  if (keydowns.length !== keys.length) console.log('  (keys and keydowns differ in number)');
  const ranked = latencies
    .map((latency, i) => ({
      latency,
      at: keydowns[i],
      gap: (keydowns[i] ?? 0) - (keydowns[i - 1] ?? 0),
    }))
    .filter(
      (key): key is { latency: number; at: number; gap: number } =>
        key.latency !== null && key.at !== undefined,
    )
    .sort((a, b) => b.latency - a.latency)
    .slice(0, count);
  const before = Number(process.env.SLOW_KEYS_BEFORE ?? 30);
  for (const key of ranked) {
    // From a little before the keydown (a task already running delays it) to the paint.
    const from = key.at - before;
    const to = key.at + key.latency;
    console.log(
      `  ${key.latency.toFixed(1).padStart(6)} ms key at ${(key.at / 1000).toFixed(2)} s, ${key.gap.toFixed(0)} ms after the key before`,
    );
    const shown = slices.filter((s) => s.end > from && s.start < to && s.end - s.start >= 0.3);
    for (const slice of shown.filter((s) => s.depth <= 2)) {
      console.log(
        `      ${(slice.start - key.at).toFixed(1).padStart(7)} ms ${(slice.end - slice.start).toFixed(2).padStart(6)} ms  ${'  '.repeat(slice.depth)}${slice.label}`,
      );
    }
  }
};

const runPage = async (page: Page, label: string, count: number): Promise<void> => {
  await placeCaret(page);
  await installKeyProbe(page, SELECTORS.body);
  await typeLikeAPerson(page, 'As agreed, ', 3);
  await sleep(1_200);
  await traceSlowKeys(
    page,
    () => typeLikeAPerson(page, SENTENCES.join(''), 11),
    (key) => key.first,
    label,
    count,
  );
};

const main = async () => {
  await buildRenderer({ minify: false });
  const pages = (process.env.SLOW_KEYS_PAGES ?? 'ours,bare').split(',');
  const count = Number(process.env.SLOW_KEYS_COUNT ?? 12);
  const body = longReleaseBody();
  const browser = await launchChromium();
  const dir = await makeTempDir('typing-slow-keys');
  const storeDir = path.join(dir, 'store');
  try {
    if (pages.includes('ours')) {
      await seedStore(storeDir, storeDrafts(10_000, body));
      const host = await startWebHost(storeDir);
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(`${host.url}#release=${TARGET_ID}`);
      await page.locator(SELECTORS.library).waitFor({ timeout: 30_000 });
      await waitForBody(page);
      await runPage(page, 'ours, 10,000 releases', count);
      await context.close();
      await host.stop();
    }
    if (pages.includes('bare')) {
      const bare = await serveBarePage(body);
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(bare.url);
      await page.locator(SELECTORS.bareReady).waitFor();
      await waitForBody(page);
      await runPage(page, 'bare Tiptap StarterKit page', count);
      await context.close();
      await bare.close();
    }
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
};

const entry = process.argv[1];
if (entry && pathToFileURL(path.resolve(entry)).href === import.meta.url) void main();
