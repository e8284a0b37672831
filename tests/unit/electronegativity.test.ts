import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSuppressions, unexpectedSuppressions } from '../security/electronegativity-policy';
import { isBlocking, scan } from '../security/electronegativity-scan';

/** The gate itself is tested: an insecure app must fail it, a reviewed suppression must not. */
describe('the electronegativity gate', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsroom-gate-'));
    await mkdir(join(dir, 'main'));
    await writeFile(
      join(dir, 'main', 'index.js'),
      [
        "const { BrowserWindow, shell } = require('electron');",
        'const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });',
        'win.webContents.on("new-window", (e, url) => shell.openExternal(url));',
        "win.loadURL('http://example.org/');",
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('fails an app without isolation, guards, permission handler, CSP or a checked openExternal', async () => {
    const result = await scan(dir);
    const blocking = result.issues.filter(isBlocking).map((issue) => issue.id);
    expect(blocking).toEqual(
      expect.arrayContaining([
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'OPEN_EXTERNAL_JS_CHECK',
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
        'CSP_GLOBAL_CHECK',
      ]),
    );
  }, 60_000);

  it('accepts only the reviewed eng-disable comments', async () => {
    const found = await findSuppressions(['main']);
    expect(found.map((s) => `${s.file} ${s.rules.join(',')}`).sort()).toEqual([
      'main/desktop/external-links.ts OPEN_EXTERNAL_JS_CHECK',
      'main/desktop/window.ts PRELOAD_JS_CHECK',
    ]);
    expect(unexpectedSuppressions(found)).toEqual([]);
    expect(
      unexpectedSuppressions([
        { file: 'main/desktop/index.ts', line: 3, rules: ['SANDBOX_JS_CHECK'] },
      ]),
    ).toHaveLength(1);
  });
});
