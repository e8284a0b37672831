import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/run-cli';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const cliPath = path.join(root, 'main/cli/newsroom.ts');

let tmp: string;
let store: string;

const RELEASE = `# Mission opens office in Osh

The OSCE Programme Office opened a new field office in Osh today.

## Background

The office will support **local** authorities.
`;

const writeMarkdown = async (name: string, text: string): Promise<string> => {
  const file = path.join(tmp, 'in', name);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
  return file;
};

interface ListedRow {
  id: string;
  headline: string;
  status: string;
  updatedAt: string;
  contentTypeId: string | null;
  date: string | null;
}

const listJson = async (...extra: string[]): Promise<ListedRow[]> => {
  const result = await cli('list', '--store', store, '--json', ...extra);
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(result.stdout) as ListedRow[];
};

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-cli-'));
  store = path.join(tmp, 'store');
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('newsroom CLI', () => {
  it('imports a Markdown file, lists it and exports it as md and html', async () => {
    const file = await writeMarkdown('osh.md', RELEASE);
    const imported = await cli('import', file, '--store', store);
    expect(imported.code).toBe(0);
    const [id = '', headline] = imported.stdout.trim().split('\t');
    expect(headline).toBe('Mission opens office in Osh');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const rows = await listJson();
    expect(rows).toEqual([
      {
        id,
        headline: 'Mission opens office in Osh',
        status: 'draft',
        updatedAt: expect.any(String),
        contentTypeId: expect.toBeOneOf([null, expect.any(String)]),
        date: expect.toBeOneOf([null, expect.any(String)]),
      },
    ]);
    expect(await listJson('--trash')).toEqual([]);

    const table = await cli('list', '--store', store);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^ID\s+STATUS\s+DATE\s+UPDATED\s+HEADLINE\n/);
    expect(table.stdout).toContain(`${id}  draft`);

    const out = path.join(tmp, 'out');
    for (const format of ['md', 'html']) {
      const exported = await cli(
        'export',
        '--store',
        store,
        '--id',
        id,
        '--format',
        format,
        '--out',
        out,
      );
      expect(exported).toMatchObject({
        code: 0,
        stderr: expect.stringContaining('1 files written'),
      });
      const written = exported.stdout.trim();
      expect(path.dirname(written)).toBe(out);
      expect(written.endsWith(`.${format}`)).toBe(true);
      const content = await fs.readFile(written, 'utf8');
      expect(content).toContain('Mission opens office in Osh');
      expect(content).toContain('local');
    }

    // An existing export is kept unless --force.
    const again = await cli('export', '--store', store, '--id', id, '--format', 'md', '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists; pass --force/);
    const forced = await cli(
      'export',
      '--store',
      store,
      '--id',
      id,
      '--format',
      'md',
      '--out',
      out,
      '--force',
    );
    expect(forced.code).toBe(0);
  });

  it('imports the other files of a folder when one fails, and exits non-zero', async () => {
    await writeMarkdown('a-good.md', RELEASE);
    await writeMarkdown('b-bad.md', '---\ntitle: [unclosed\n---\n# Broken\n');
    await writeMarkdown('c-good.md', '# Second release\n\nText.\n');
    await writeMarkdown('notes.txt', 'not markdown, not imported');

    const result = await cli('import', path.join(tmp, 'in'), '--store', store);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('b-bad.md');
    const printed = result.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t')[1]);
    expect(printed).toEqual(['Mission opens office in Osh', 'Second release']);
    expect((await listJson()).map((row) => row.headline).sort()).toEqual(
      ['Mission opens office in Osh', 'Second release'].sort(),
    );
  });

  it('takes the store from NEWSROOM_STORE when --store is absent', async () => {
    const file = await writeMarkdown('osh.md', RELEASE);
    const previous = process.env.NEWSROOM_STORE;
    process.env.NEWSROOM_STORE = store;
    try {
      expect((await cli('import', file)).code).toBe(0);
      expect(JSON.parse((await cli('list', '--json')).stdout)).toHaveLength(1);
    } finally {
      if (previous === undefined) delete process.env.NEWSROOM_STORE;
      else process.env.NEWSROOM_STORE = previous;
    }
  });

  it('reports usage errors with exit code 2', async () => {
    const previous = process.env.NEWSROOM_STORE;
    delete process.env.NEWSROOM_STORE;
    try {
      const missingStore = await cli('list');
      expect(missingStore.code).toBe(2);
      expect(missingStore.stderr).toMatch(/No store given: pass --store DIR or set NEWSROOM_STORE/);
    } finally {
      if (previous !== undefined) process.env.NEWSROOM_STORE = previous;
    }

    const unknown = await cli('publish', '--store', store);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/Unknown command: publish/);

    const badOption = await cli('list', '--store', store, '--colour');
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toMatch(/--colour/);

    const badFormat = await cli(
      'export',
      '--store',
      store,
      '--id',
      'abcdefgh',
      '--format',
      'pdf',
      '--out',
      tmp,
    );
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/--format takes md, html, html-fragment or ninjs/);

    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/Usage: newsroom/);

    const help = await cli('help');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/Usage: newsroom/);
  });

  it('fails clearly for a missing store, a missing release and a missing file', async () => {
    const noStore = await cli('list', '--store', path.join(tmp, 'nowhere'));
    expect(noStore.code).toBe(1);
    expect(noStore.stderr).toMatch(/No release store in .*nowhere/);
    await expect(fs.access(path.join(tmp, 'nowhere'))).rejects.toThrow();

    await cli('import', await writeMarkdown('osh.md', RELEASE), '--store', store);
    const noRelease = await cli(
      'export',
      '--store',
      store,
      '--id',
      'abcdefgh',
      '--format',
      'md',
      '--out',
      tmp,
    );
    expect(noRelease.code).toBe(1);
    expect(noRelease.stderr).toMatch(/No release with id abcdefgh/);

    const noFile = await cli('import', path.join(tmp, 'missing.md'), '--store', store);
    expect(noFile.code).toBe(1);
    expect(noFile.stderr).toMatch(/missing\.md/);
  });

  it('runs as a program', async () => {
    const file = await writeMarkdown('osh.md', RELEASE);
    const exec = promisify(execFile);
    const env = { ...process.env, NEWSROOM_STORE: '' };
    const imported = await exec(tsx, [cliPath, 'import', file, '--store', store], { env });
    expect(imported.stdout).toContain('Mission opens office in Osh');

    const failed = await exec(tsx, [cliPath, 'frobnicate'], { env }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Unknown command: frobnicate/),
    });
  });
});
