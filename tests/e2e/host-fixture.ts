import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';

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
