import { spawn } from 'node:child_process';
import { cli } from '../support/run-cli';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../main/cli/newsroom';
import { contentHash, ImportLedger } from '../../main/store/import-ledger';
import { DRAFTS_DIR } from '../../main/store/store-info';

const root = path.resolve(import.meta.dirname, '../..');
const cliPath = path.join(root, 'main/cli/newsroom.ts');

let tmp: string;
let store: string;
let input: string;

const headlineOf = (n: number) => `Release number ${n}`;

const writeFolder = async (count: number): Promise<void> => {
  await fs.mkdir(input, { recursive: true });
  for (let n = 0; n < count; n += 1) {
    const name = `${String(n).padStart(4, '0')}.md`;
    await fs.writeFile(path.join(input, name), `# ${headlineOf(n)}\n\nText of release ${n}.\n`);
  }
};

interface Row {
  id: string;
  headline: string;
}

const listed = async (): Promise<Row[]> => {
  const result = await cli('list', '--store', store, '--json');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Row[];
};

/** The stdout lines of an import: id, headline, file. */
const printed = (stdout: string) =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [id = '', headline = '', file = ''] = line.split('\t');
      return { id, headline, file };
    });

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-cli-rerun-'));
  store = path.join(tmp, 'store');
  input = path.join(tmp, 'in');
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('newsroom import, run again', () => {
  it('prints each release the moment it is in the store', async () => {
    await writeFolder(3);
    const onDiskWhenPrinted: boolean[] = [];
    let stdout = '';
    const code = await run(['import', input, '--store', store], {
      stdout: {
        write: (text: string) => {
          stdout += text;
          const id = text.split('\t')[0] ?? '';
          onDiskWhenPrinted.push(existsSync(path.join(store, DRAFTS_DIR, `${id}.json`)));
        },
      },
      stderr: { write: () => true },
    });
    expect(code).toBe(0);
    expect(onDiskWhenPrinted).toEqual([true, true, true]);
    expect(printed(stdout)).toEqual(
      [0, 1, 2].map((n) => ({
        id: expect.any(String),
        headline: headlineOf(n),
        file: path.join(input, `000${n}.md`),
      })),
    );
  });

  it('skips files it already imported unchanged: ten reruns leave the count as it was', async () => {
    await writeFolder(20);
    const first = await cli('import', input, '--store', store);
    expect(first.code).toBe(0);
    const ids = new Map(printed(first.stdout).map((row) => [row.file, row.id]));
    expect(ids.size).toBe(20);
    for (let rerun = 0; rerun < 10; rerun += 1) {
      const again = await cli('import', input, '--store', store);
      expect(again.code).toBe(0);
      expect(again.stdout).toBe('');
      for (const [file, id] of ids) {
        expect(again.stderr).toContain(`skipped, already imported: ${file} (id ${id})`);
      }
    }
    expect(await listed()).toHaveLength(20);

    // The same file under another folder is the same file.
    const elsewhere = path.join(tmp, 'copy');
    await fs.cp(input, elsewhere, { recursive: true });
    expect((await cli('import', path.join(elsewhere, '0003.md'), '--store', store)).stdout).toBe(
      '',
    );
    expect(await listed()).toHaveLength(20);
  });

  it('imports anyway with --again, and imports a changed file again', async () => {
    await writeFolder(5);
    await cli('import', input, '--store', store);
    const again = await cli('import', input, '--store', store, '--again');
    expect(again.code).toBe(0);
    expect(printed(again.stdout)).toHaveLength(5);
    expect(again.stderr).not.toContain('skipped');
    expect(await listed()).toHaveLength(10);

    await fs.writeFile(path.join(input, '0002.md'), '# Release number 2, corrected\n\nText.\n');
    const changed = await cli('import', input, '--store', store);
    expect(printed(changed.stdout).map((row) => row.headline)).toEqual([
      'Release number 2, corrected',
    ]);
    expect(changed.stderr.match(/skipped, already imported/g)).toHaveLength(4);
    expect(await listed()).toHaveLength(11);
  });

  it('after a kill mid-import, the printed ids are exactly those in the store, and a rerun completes it', async () => {
    const count = 150;
    await writeFolder(count);
    // tsx's loader in this very process: its CLI would run the program in a child the kill misses.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', cliPath, 'import', input, '--store', store],
      {
        cwd: root,
        env: { ...process.env, NEWSROOM_STORE: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.split('\n').length > 5) child.kill('SIGKILL');
    });
    child.stderr.resume();
    await exited;
    const lines = printed(stdout.slice(0, stdout.lastIndexOf('\n') + 1));
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.length).toBeLessThan(count);
    const stored = await listed();
    expect(stored.map((row) => row.id).sort()).toEqual(lines.map((row) => row.id).sort());

    const rerun = await cli('import', input, '--store', store);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr.match(/skipped, already imported/g)).toHaveLength(lines.length);
    const all = await listed();
    expect(all).toHaveLength(count);
    expect(new Set(all.map((row) => row.headline)).size).toBe(count);
  }, 60_000);

  it('a kill after the release landed but before its record was finished: the rerun finds it', async () => {
    await writeFolder(2);
    const before = new Date(Date.now() - 1000);
    const first = await cli('import', input, '--store', store);
    const [landed] = printed(first.stdout);
    // What the ledger holds when the kill comes between the release's write and its record.
    const file = path.join(input, '0000.md');
    await new ImportLedger(store).begin(
      '0000.md',
      contentHash(await fs.readFile(file)),
      file,
      before,
    );
    const rerun = await cli('import', input, '--store', store);
    expect(rerun.stdout).toBe('');
    expect(rerun.stderr).toContain(`skipped, already imported: ${file} (id ${landed?.id})`);
    expect(await listed()).toHaveLength(2);
    // And recorded for good: the next rerun skips it straight from the record.
    expect((await cli('import', input, '--store', store)).stdout).toBe('');
  });
});
