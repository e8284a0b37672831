/**
 * What the browser-mode benchmarks (typing, library) share: a fresh renderer build, stores
 * seeded through the store's own code, the browser-mode host, Debian's Chromium, and an in-page
 * probe that times a keystroke from its `keydown` to the paint after the DOM changed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { serializeJson } from '../../main/store/atomic-json-file';
import { ReleaseStore } from '../../main/store/release-store';
import type { Draft } from '../../shared/schemas';
import playwrightConfig from '../../playwright.config';
import { seed } from '../support/store-fixtures';
import type { BenchModule } from './stats';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Frames uncapped: without these a frame waits for the display's next 16.7 ms tick, so a
 * keystroke's latency and a frame's time would measure the vsync phase, not our work.
 */
const UNCAPPED_FRAMES = ['--disable-frame-rate-limit', '--disable-gpu-vsync'];

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: chromiumPath(),
    // The end-to-end tests' launch arguments, so the benches see the browser they see.
    args: [...(playwrightConfig.use?.launchOptions?.args ?? []), ...UNCAPPED_FRAMES],
  });

/**
 * tsx compiles with esbuild's keepNames, which wraps functions in `__name(…)`; functions handed
 * to `page.evaluate` are sent as source and would find no `__name` in the page.
 */
const KEEP_NAMES_SHIM = 'globalThis.__name = (fn) => fn;';

export const newContext = async (browser: Browser): Promise<BrowserContext> => {
  const context = await browser.newContext({
    viewport: playwrightConfig.use?.viewport ?? { width: 1440, height: 900 },
  });
  await context.addInitScript({ content: KEEP_NAMES_SHIM });
  return context;
};

export const machineLine = (browser: Browser): string =>
  `Machine: ${os.cpus()[0]?.model ?? 'CPU'}, nproc ${os.availableParallelism()}, ` +
  `Chromium ${browser.version()} (${chromiumPath()}), frames uncapped (${UNCAPPED_FRAMES.join(' ')})`;

let rendererBuilt: Promise<number> | null = null;

/**
 * Builds the renderer into out/renderer the way `npm run build` does (electron-vite's own
 * resolved renderer config), once per process, so the benches never time a stale build. Only
 * the renderer: browser mode runs main's code from source with tsx.
 */
export const buildRenderer = (options: { minify?: boolean } = {}): Promise<number> => {
  rendererBuilt ??= (async () => {
    const started = performance.now();
    // electron.vite.config.ts names its folders relative to the working directory.
    process.chdir(repoRoot);
    process.env.NODE_ENV_ELECTRON_VITE = 'production';
    const { resolveConfig } = await import('electron-vite');
    const { build } = await import('vite');
    const resolved = await resolveConfig({ root: repoRoot }, 'build', 'production');
    const renderer = resolved.config?.renderer;
    if (!renderer) throw new Error('electron.vite.config.ts has no renderer config');
    await build({
      ...renderer,
      build: { ...renderer.build, minify: options.minify ?? renderer.build?.minify },
      configFile: false,
      logLevel: 'error',
    });
    return performance.now() - started;
  })();
  return rendererBuilt;
};

/**
 * Writes the drafts' files straight to disk (no fsync: setup, not what is measured), then opens
 * and closes the folder once with the real store, which finds no index, reads every file and
 * writes library.json and the catalog itself. Answers how long that took in ms.
 */
export const seedStore = async (dir: string, drafts: Iterable<Draft>): Promise<number> => {
  const started = performance.now();
  mkdirSync(path.join(dir, 'drafts'), { recursive: true });
  for (const draft of drafts) {
    writeFileSync(path.join(dir, 'drafts', `${draft.id}.json`), serializeJson(draft));
  }
  const store = await ReleaseStore.open({ dir, seed, holder: 'the benchmark seeding it' });
  await store.close();
  return performance.now() - started;
};

export const makeTempDir = (name: string): Promise<string> =>
  fs.mkdtemp(path.join(os.tmpdir(), `newsroom-${name}-`));

export interface WebHost {
  url: string;
  stop(): Promise<void>;
}

/** The browser-mode host on `storeDir`, spawned as tests/e2e/host-fixture.ts does it. */
export const startWebHost = (storeDir: string): Promise<WebHost> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'main/cli/web-host.ts', '--store', storeDir, '--no-open'],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NEWSROOM_PREFERENCES: `${storeDir}.preferences.json` },
      },
    );
    let output = '';
    let exited = false;
    const exit = new Promise<void>((done) =>
      child.once('exit', () => {
        exited = true;
        done();
      }),
    );
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`The browser-mode host did not start within 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve({
        url: match[1],
        async stop() {
          if (!exited) child.kill('SIGTERM');
          await exit;
          await fs.rm(`${storeDir}.preferences.json`, { force: true });
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The browser-mode host exited with ${code}:\n${output}`));
    });
  });

// Release text for the seeded stores: varied enough that a search narrows the library.
const PLACES = [
  'Vienna',
  'Skopje',
  'Tirana',
  'Bishkek',
  'Chisinau',
  'Sarajevo',
  'Dushanbe',
  'Pristina',
  'Yerevan',
  'Tbilisi',
  'Astana',
  'Belgrade',
  'Podgorica',
];
const ACTORS = [
  'mission trains',
  'office supports',
  'chair welcomes',
  'envoy visits',
  'secretariat launches',
  'experts review',
  'partners fund',
];
const TOPICS = [
  'election observers',
  'media freedom',
  'border security',
  'gender equality',
  'water management',
  'cyber security',
  'human rights',
  'arms control',
  'anti-corruption',
  'environment',
  'police reform',
];

/** Every seeded headline ends in this code, so a bench can tell a library item from chrome. */
export const releaseCode = (i: number): string => `R-${String(i).padStart(6, '0')}`;
export const RELEASE_CODE = /R-\d{6}/;

export const seededHeadline = (i: number): string =>
  `${PLACES[i % PLACES.length]}: ${ACTORS[(i * 3) % ACTORS.length]} ${TOPICS[(i * 7) % TOPICS.length]} project (${releaseCode(i)})`;

/** One keystroke as the page saw it, in ms from its `keydown`; gathered by `installKeyProbe`. */
export interface KeyTiming {
  /** To the paint after its `input` event: the typed character on screen. */
  echo: number | null;
  /** To the paint after the first DOM change under the observed root. */
  first: number | null;
  /** To the paint after the last DOM change under the root before the next keystroke. */
  last: number | null;
  /** To the next keystroke (or the end of recording), when changes stop counting as its own. */
  closed: number | null;
}

interface ProbeWindow extends Window {
  __benchProbe?: { keys: KeyTiming[]; recording: boolean; close(): void };
}

/**
 * Installs the probe: a capture-phase `keydown` listener takes the event's timestamp (when it
 * was dispatched, so time spent queued behind busy work counts); the `input` event and a
 * MutationObserver on `root` say when the page changed; `requestAnimationFrame` followed by a
 * posted message takes the time once that frame is painted. Changes count as a keystroke's
 * own until the next keystroke; a paint that comes after it still counts for `echo` and
 * `first`. Starts paused; see `recordKeys`.
 */
export const installKeyProbe = (page: Page, root: string): Promise<void> =>
  page.evaluate((rootSelector) => {
    const target = document.querySelector(rootSelector);
    if (!target) throw new Error(`probe: nothing matches ${rootSelector}`);
    interface Key {
      start: number;
      timing: KeyTiming;
      open: boolean;
    }
    let key: Key | null = null;
    const close = () => {
      if (!key?.open) return;
      key.open = false;
      key.timing.closed = performance.now() - key.start;
    };
    const probe: NonNullable<ProbeWindow['__benchProbe']> = { keys: [], recording: false, close };
    (window as ProbeWindow).__benchProbe = probe;
    const afterPaint = (current: Key, then: (since: number) => void) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => then(performance.now() - current.start);
        channel.port2.postMessage(null);
      });
    window.addEventListener(
      'keydown',
      (event) => {
        if (!probe.recording) return;
        close();
        const now = performance.now();
        // A synthetic or clock-skewed timestamp falls back to the listener's own time.
        const start = event.timeStamp > 0 && event.timeStamp <= now ? event.timeStamp : now;
        const timing: KeyTiming = { echo: null, first: null, last: null, closed: null };
        probe.keys.push(timing);
        key = { start, timing, open: true };
      },
      true,
    );
    document.addEventListener(
      'input',
      () => {
        const current = key;
        if (!current?.open) return;
        afterPaint(current, (since) => {
          current.timing.echo ??= since;
        });
      },
      true,
    );
    new MutationObserver(() => {
      const current = key;
      if (!current?.open) return;
      afterPaint(current, (since) => {
        current.timing.first ??= since;
        if (current.open) current.timing.last = since;
      });
    }).observe(target, { childList: true, characterData: true, subtree: true });
  }, root);

/** Turns recording on or off; off also closes the keystroke in flight. */
export const recordKeys = (page: Page, on: boolean): Promise<void> =>
  page.evaluate((value) => {
    const probe = (window as ProbeWindow).__benchProbe;
    if (!probe) throw new Error('probe: not installed');
    probe.recording = value;
    if (!value) probe.close();
  }, on);

/** Takes the keystrokes gathered so far and empties the list. */
export const takeKeyProbe = (page: Page): Promise<KeyTiming[]> =>
  page.evaluate(() => {
    const probe = (window as ProbeWindow).__benchProbe;
    if (!probe) throw new Error('probe: not installed');
    return probe.keys.splice(0);
  });

/** The values that are there, as numbers, for `summarizeTimes`. */
export const present = (values: readonly (number | null)[]): number[] =>
  values.filter((value): value is number => value !== null);

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** A small deterministic generator, so every run types with the same rhythm. */
export const seededRandom = (seedValue: number): (() => number) => {
  let state = seedValue >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
};

/** Runs a bench when its file is the entry point (`tsx tests/bench/typing-bench.ts`). */
export const runIfMain = (moduleUrl: string, bench: BenchModule): void => {
  const entry = process.argv[1];
  if (!entry || pathToFileURL(path.resolve(entry)).href !== moduleUrl) return;
  const started = performance.now();
  bench
    .run((line) => console.log(line))
    .then(() =>
      console.log(`(${bench.name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`),
    )
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
};

/** The page's uncaught errors and console errors, for a failure to say why the app never came up. */
export const collectPageErrors = (page: Page): string[] => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
};

export const withPageErrors = async <T>(errors: readonly string[], task: () => Promise<T>) => {
  try {
    return await task();
  } catch (error) {
    if (errors.length === 0) throw error;
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\nThe page said:\n  ${errors.join('\n  ')}`,
      { cause: error },
    );
  }
};
