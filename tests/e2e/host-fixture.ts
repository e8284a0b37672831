import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Browser, type Page } from '@playwright/test';

export interface BrowserModeApp {
  url: string;
  storeDir: string;
}

export const startHost = (storeDir: string): Promise<{ child: ChildProcess; url: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'main/cli/web-host.ts', '--store', storeDir, '--no-open'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        // Each test's own preferences file: never the user's, never another test's.
        env: { ...process.env, NEWSROOM_PREFERENCES: `${storeDir}.preferences.json` },
      },
    );
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`Browser-mode host did not start:\n${output}`)),
      30_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Browser-mode host exited with ${code}:\n${output}`));
    });
  });

/** Each test gets its own empty store and its own browser-mode host, as a new user would. */
export const test = base.extend<{ app: BrowserModeApp }>({
  // Playwright reads the fixtures a test needs from this destructuring, even when empty.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const storeDir = await mkdtemp(join(tmpdir(), 'newsroom-e2e-'));
    const { child, url } = await startHost(storeDir);
    await use({ url, storeDir });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await rm(storeDir, { recursive: true, force: true });
    await rm(`${storeDir}.preferences.json`, { force: true });
  },
});

export { expect } from '@playwright/test';

export interface TwoStores {
  author: Page;
  reviewer: Page;
  authorUrl: string;
  reviewerUrl: string;
  /** Closes both windows, stops both hosts and removes both stores. */
  close(): Promise<void>;
}

/**
 * Two people, each with a store, a browser-mode host and a browser of their own (downloads
 * allowed): an author and a reviewer passing a review file between them.
 */
export const openTwoStores = async (browser: Browser): Promise<TwoStores> => {
  const stores = await Promise.all([
    mkdtemp(join(tmpdir(), 'newsroom-e2e-author-')),
    mkdtemp(join(tmpdir(), 'newsroom-e2e-reviewer-')),
  ]);
  const hosts = await Promise.all(stores.map((dir) => startHost(dir)));
  const contexts = await Promise.all([
    browser.newContext({ acceptDownloads: true }),
    browser.newContext({ acceptDownloads: true }),
  ]);
  const [authorHost, reviewerHost] = hosts;
  const [authorContext, reviewerContext] = contexts;
  if (!authorHost || !reviewerHost || !authorContext || !reviewerContext)
    throw new Error('two hosts expected');
  return {
    author: await authorContext.newPage(),
    reviewer: await reviewerContext.newPage(),
    authorUrl: authorHost.url,
    reviewerUrl: reviewerHost.url,
    async close() {
      await Promise.all(contexts.map((context) => context.close()));
      for (const { child } of hosts) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      for (const dir of stores) {
        await rm(dir, { recursive: true, force: true });
        await rm(`${dir}.preferences.json`, { force: true });
      }
    },
  };
};
