import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Whether this machine has the Electron binary (the `electron` package resolves to it). */
const hasElectron = (): boolean =>
  spawnSync(process.execPath, ['-e', 'require("electron")'], { cwd: root, stdio: 'ignore' })
    .status === 0;

const withoutBinary = hasElectron() ? describe.skip : describe;
if (hasElectron())
  console.log('start-fallback: skipped, this machine has the Electron binary (npm start opens it)');

withoutBinary('npm start where the Electron binary cannot be had', () => {
  it('says why in one line and opens the same editor in browser mode', async () => {
    const store = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-start-'));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'main/cli/start.ts', '--no-open', '--store', store],
      {
        cwd: root,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NEWSROOM_PREFERENCES: `${store}.preferences.json` },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const poll = setInterval(() => {
          const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(stdout);
          if (match?.[1]) {
            clearInterval(poll);
            resolve(match[1]);
          }
        }, 50);
        child.once('exit', (code) => {
          clearInterval(poll);
          reject(new Error(`npm start exited with ${code}:\n${stdout}\n${stderr}`));
        });
      });
      const why = stderr.split('\n').filter((line) => /Electron binary/.test(line));
      expect(why).toHaveLength(1);
      expect(why[0]).toMatch(/browser/);
      expect(stdout).toContain(`on store ${store}`);
      // The page it serves is the editor.
      const login = await fetch(url, { redirect: 'manual' });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const page = await fetch(new URL('/', url), { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await fs.rm(store, { recursive: true, force: true });
      await fs.rm(`${store}.preferences.json`, { force: true });
    }
  }, 180_000);
});
