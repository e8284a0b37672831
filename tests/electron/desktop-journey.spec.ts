import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import {
  expectHtmlExport,
  expectMarkdownExport,
  expectReleaseIntact,
  writeRelease,
} from '../support/journey';
import { electronBinary, SKIP_REASON } from './electron-binary';

const binary = electronBinary();
const reason = SKIP_REASON;
if (!binary) console.log(`tests/electron: ${reason}`);
test.skip(!binary, reason);

const launch = (storeDir: string): Promise<ElectronApplication> =>
  electron.launch({
    executablePath: binary ?? undefined,
    args: ['out/main/index.js', '--store', storeDir],
    env: { ...process.env, ELECTRON_DISABLE_SECURITY_WARNINGS: 'false' },
  });

test('desktop: write, tag, close, reopen and export through the save dialog', async () => {
  const storeDir = await mkdtemp(join(tmpdir(), 'newsroom-electron-'));
  const outDir = await mkdtemp(join(tmpdir(), 'newsroom-electron-out-'));
  try {
    let app = await launch(storeDir);
    let page = await app.firstWindow();
    await writeRelease(page);
    await app.close();

    app = await launch(storeDir);
    page = await app.firstWindow();
    await expectReleaseIntact(page);

    for (const [format, label] of [
      ['md', 'Markdown'],
      ['html', 'HTML'],
    ] as const) {
      const target = join(outDir, `release.${format}`);
      await app.evaluate(({ dialog }, filePath) => {
        dialog.showSaveDialog = () => Promise.resolve({ canceled: false, filePath });
      }, target);
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      await page.getByRole('menuitem', { name: label }).click();
      await expect(page.getByText(`Exported ${label}: ${target}`)).toBeVisible();
      const written = await readFile(target, 'utf8');
      if (format === 'md') expectMarkdownExport(written, parseYaml);
      else expectHtmlExport(written);
    }

    // The window is locked down: no Node in the page, only the contract's functions.
    const exposed = await page.evaluate(() => ({
      require: typeof (globalThis as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
      bridge: Object.keys(
        (globalThis as unknown as Record<string, Record<string, unknown>>).newsroom ?? {},
      ).sort(),
    }));
    expect(exposed.require).toBe('undefined');
    expect(exposed.process).toBe('undefined');
    expect(exposed.bridge).toContain('drafts:save');
    await app.close();
  } finally {
    await rm(storeDir, { recursive: true, force: true });
    await rm(outDir, { recursive: true, force: true });
  }
});
