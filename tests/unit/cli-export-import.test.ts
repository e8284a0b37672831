import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/run-cli';

let tmp: string;
let store: string;

interface Summary {
  written: { id: string; format: string; path: string }[];
  failed: { id: string; format: string | null; error: string }[];
}

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-cli-batch-'));
  store = path.join(tmp, 'store');
  const input = path.join(tmp, 'in');
  await fs.mkdir(input);
  const md = '---\ndate: 2022-06-15\nplaces: [Vienna]\n---\n# Same headline\n\nText.\n';
  await fs.writeFile(path.join(input, 'a.md'), md);
  await fs.writeFile(path.join(input, 'b.md'), md);
  await fs.writeFile(
    path.join(input, 'c.html'),
    '<!doctype html><title>x</title><h1>From HTML</h1><p>Body <b>bold</b>.</p>',
  );
  await fs.writeFile(path.join(input, 'd.md'), '---\nheadline: [broken\n---\nText.');
  await fs.writeFile(path.join(input, 'ignored.txt'), 'not imported');
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('newsroom import and export, many at a time', () => {
  it('imports Markdown and HTML from a folder, reports the bad file and exits 1', async () => {
    const result = await cli('import', path.join(tmp, 'in'), '--store', store, '--json');
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as {
      imported: { headline: string }[];
      failed: { file: string; error: string }[];
    };
    expect(summary.imported.map((row) => row.headline)).toEqual([
      'Same headline',
      'Same headline',
      'From HTML',
    ]);
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]?.error).toMatch(/^d\.md: the front matter is not valid YAML \(line/);
    expect(result.stderr).toContain('[4/4] d.md');
  });

  it('exports all releases to md, html and ninjs, never overwriting without --force', async () => {
    await cli('import', path.join(tmp, 'in'), '--store', store);
    const out = path.join(tmp, 'out');
    const args = ['export', '--store', store, '--all', '--format', 'md,html,ninjs', '--out', out];
    const first = await cli(...args, '--json');
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout) as Summary;
    expect(summary.failed).toEqual([]);
    expect(summary.written).toHaveLength(9);
    expect((await fs.readdir(out)).sort()).toEqual(
      expect.arrayContaining([
        '2022-06-15-same-headline.md',
        '2022-06-15-same-headline-2.md',
        '2022-06-15-same-headline.json',
        '2022-06-15-same-headline-2.html',
      ]),
    );
    expect(first.stderr).toMatch(/\[3\/3\]/);

    const before = await fs.readFile(path.join(out, '2022-06-15-same-headline.md'), 'utf8');
    await fs.writeFile(path.join(out, '2022-06-15-same-headline.md'), 'mine');
    const again = await cli(...args, '--json');
    expect(again.code).toBe(1);
    expect((JSON.parse(again.stdout) as Summary).failed).toHaveLength(9);
    expect(await fs.readFile(path.join(out, '2022-06-15-same-headline.md'), 'utf8')).toBe('mine');
    expect((await fs.readdir(out)).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const forced = await cli(...args, '--force');
    expect(forced.code).toBe(0);
    expect(await fs.readFile(path.join(out, '2022-06-15-same-headline.md'), 'utf8')).toBe(before);
  });

  it('selects by id and by status, and says when nothing matched', async () => {
    const imported = await cli('import', path.join(tmp, 'in', 'c.html'), '--store', store);
    const id = imported.stdout.split('\t')[0] ?? '';
    const out = path.join(tmp, 'out');
    const byId = await cli(
      'export',
      '--store',
      store,
      '--id',
      id,
      '--format',
      'html-fragment',
      '--out',
      out,
    );
    expect(byId.code).toBe(0);
    expect(byId.stdout.trim()).toBe(path.join(out, `${byId.stdout.trim().split('/').at(-1)}`));
    expect(byId.stdout).toMatch(/-from-html\.fragment\.html\n$/);

    const ready = await cli(
      'export',
      '--store',
      store,
      '--status',
      'ready',
      '--format',
      'md',
      '--out',
      out,
    );
    expect(ready.code).toBe(1);
    expect(ready.stderr).toContain('No releases matched');

    const missing = await cli(
      'export',
      '--store',
      store,
      '--id',
      'no-such-release',
      '--format',
      'md',
      '--out',
      out,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no-such-release/);

    const both = await cli(
      'export',
      '--store',
      store,
      '--all',
      '--status',
      'draft',
      '--format',
      'md',
      '--out',
      out,
    );
    expect(both.code).toBe(2);
  });
});
