/**
 * `tsx tests/bench/typing-profile.ts`: where a keystroke's time goes. Types the typing bench's
 * sentences into the 5,000-word release with 10,000 releases in the store, under Chromium's CPU
 * profiler (an unminified renderer, so functions keep their names), and prints the functions
 * that took the most time of their own, grouped by package, beside the same run on the bare
 * Tiptap page. Not part of `npm run bench`: a profile explains the bench's figures.
 */
import path from 'node:path';
import { rm } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { serveBarePage } from './bare-tiptap/bare-page';
import {
  buildRenderer,
  launchChromium,
  makeTempDir,
  newContext,
  seedStore,
  sleep,
  startWebHost,
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

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Which package a frame's code comes from, read from the unminified bundle's paths. */
const packageOf = (url: string, name: string): string => {
  if (!url) return name.startsWith('(') ? name : '(native)';
  return 'page';
};

const profileTyping = async (page: Page, text: string) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const started = performance.now();
  await typeLikeAPerson(page, text, 7);
  await sleep(1_200);
  const wall = performance.now() - started;
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  // Self time per node: each sample's delta goes to the node it landed in.
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i += 1) {
    const id = samples[i] as number;
    self.set(id, (self.get(id) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const node of profile.nodes) {
    const time = self.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    busy += time;
    const file = url ? path.basename(url.split('?')[0] ?? url) : '';
    const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1} ${packageOf(url, functionName)}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + time);
  }
  // `PROFILE_CALLERS=name` prints who calls that function, with the time spent under each chain.
  const wanted = process.env.PROFILE_CALLERS;
  if (wanted) {
    const parent = new Map<number, ProfileNode>();
    for (const node of profile.nodes)
      for (const child of node.children ?? []) parent.set(child, node);
    const chains = new Map<string, number>();
    for (const node of profile.nodes) {
      if (node.callFrame.functionName !== wanted) continue;
      const names: string[] = [];
      for (let up = parent.get(node.id); up && names.length < 8; up = parent.get(up.id))
        names.push(`${up.callFrame.functionName || '(anonymous)'}:${up.callFrame.lineNumber + 1}`);
      const key = names.join(' < ');
      chains.set(key, (chains.get(key) ?? 0) + (self.get(node.id) ?? 0));
    }
    for (const [chain, time] of [...chains.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8))
      console.log(`  ${time.toFixed(1).padStart(6)} ms  ${wanted} < ${chain}`);
  }
  return { wall, busy, top: [...byFunction.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25) };
};

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

/** The same typing under Chromium's timeline trace: time on the page's main thread, by kind. */
const traceTyping = async (page: Page, text: string): Promise<Map<string, number>> => {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  await browser.startTracing(page, { categories: ['devtools.timeline'] });
  await typeLikeAPerson(page, text, 11);
  await sleep(1_200);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as
    { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const byKind = new Map<string, number>();
  const kinds: Record<string, string> = {
    FunctionCall: 'script',
    EventDispatch: 'script (events)',
    TimerFire: 'script (timers)',
    FireAnimationFrame: 'script (frames)',
    RunMicrotasks: 'script (microtasks)',
    UpdateLayoutTree: 'style',
    Layout: 'layout',
    PrePaint: 'pre-paint',
    Paint: 'paint',
    Layerize: 'layerize',
    UpdateLayer: 'paint',
    Commit: 'commit',
    MajorGC: 'garbage collection',
    MinorGC: 'garbage collection',
    ParseHTML: 'parse',
  };
  for (const event of events) {
    if (event.ph !== 'X' || !main || event.tid !== main.tid || event.pid !== main.pid) continue;
    const kind = kinds[event.name];
    if (kind) byKind.set(kind, (byKind.get(kind) ?? 0) + (event.dur ?? 0) / 1000);
  }
  return byKind;
};

const reportTrace = (label: string, keys: number, byKind: Map<string, number>) => {
  const total = [...byKind.values()].reduce((a, b) => a + b, 0);
  console.log(`\n${label}, timeline: ${(total / keys).toFixed(2)} ms a key on the main thread`);
  for (const [kind, time] of [...byKind.entries()].sort((a, b) => b[1] - a[1]))
    console.log(`  ${(time / keys).toFixed(3).padStart(7)} ms/key  ${kind}`);
};

const report = (label: string, keys: number, result: Awaited<ReturnType<typeof profileTyping>>) => {
  console.log(
    `\n${label}: ${keys} keys, ${result.busy.toFixed(0)} ms of script and rendering in ${(result.wall / 1000).toFixed(1)} s (${(result.busy / keys).toFixed(2)} ms a key)`,
  );
  for (const [key, time] of result.top)
    console.log(`  ${(time / keys).toFixed(3).padStart(7)} ms/key  ${key}`);
};

const main = async () => {
  await buildRenderer({ minify: false });
  const body = longReleaseBody();
  const text = SENTENCES.join('');
  const keys = [...text].length;
  const browser = await launchChromium();
  const dir = await makeTempDir('typing-profile');
  const storeDir = path.join(dir, 'store');
  try {
    const bare = await serveBarePage(body);
    const bareContext = await newContext(browser);
    const barePage = await bareContext.newPage();
    await barePage.goto(bare.url);
    await barePage.locator(SELECTORS.bareReady).waitFor();
    await waitForBody(barePage);
    await placeCaret(barePage);
    report('bare Tiptap StarterKit page', keys, await profileTyping(barePage, text));
    reportTrace('bare Tiptap StarterKit page', keys, await traceTyping(barePage, text));
    await bareContext.close();
    await bare.close();

    await seedStore(storeDir, storeDrafts(10_000, body));
    const host = await startWebHost(storeDir);
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${host.url}#release=${TARGET_ID}`);
    await page.locator(SELECTORS.library).waitFor({ timeout: 30_000 });
    await waitForBody(page);
    await placeCaret(page);
    await typeLikeAPerson(page, 'As agreed, ', 3);
    await sleep(1_200);
    report('ours, 10,000 releases', keys, await profileTyping(page, text));
    reportTrace('ours, 10,000 releases', keys, await traceTyping(page, text));
    await context.close();
    await host.stop();
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
};

void main();
