import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { toHtmlDocument } from '../../shared/export/html';
import type { Draft } from '../../shared/schemas';
import { exportBatch } from '../../main/services/export-batch';
import { sanitizeExportHtml } from '../../main/services/export-sanitizer';
import { exportFixtureSet } from '../fixtures/export-set/releases';
import { releaseEveryNode, smallTaxonomies } from '../fixtures/release-fixtures';
import { ms, type BenchModule } from './stats';

const RELEASES = 1_000;
const run = promisify(execFile);

/** 1,000 releases cycled from the fixture set and the every-node release, each its own id. */
const releases = (): Draft[] => {
  const base = [...exportFixtureSet(), releaseEveryNode()];
  return Array.from({ length: RELEASES }, (_, i) => {
    const draft = base[i % base.length] as Draft;
    return {
      ...draft,
      id: `bench-${String(i).padStart(5, '0')}`,
      headline: `${draft.headline} ${i}`,
    };
  });
};

const hasPandoc = async (): Promise<string | null> => {
  try {
    const { stdout } = await run('pandoc', ['--version']);
    return stdout.split('\n')[0] ?? 'pandoc';
  } catch {
    return null;
  }
};

/**
 * `npm run bench`: our export of 1,000 releases to md, html and ninjs (rendered and written to
 * disk, as the CLI does it) against pandoc converting the same releases' HTML to Markdown, in
 * the same run. pandoc is timed two ways: one process per release, which is how a pipeline
 * calls it, and one process for all of them, which is its conversion speed alone.
 */
const bench: BenchModule = {
  name: 'export',
  async run(print) {
    const drafts = releases();
    const byId = new Map(drafts.map((draft) => [draft.id, draft]));
    const taxonomies = smallTaxonomies();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-export-bench-'));
    try {
      // Warm-up: the first render builds Tiptap's schema and jsdom's window.
      toHtmlDocument(drafts[0] as Draft, taxonomies, sanitizeExportHtml);
      const started = performance.now();
      const result = await exportBatch(
        {
          listActive: () => [],
          getDraft: async (id) => byId.get(id) as Draft,
          getTaxonomies: () => taxonomies,
        },
        {
          selection: { ids: drafts.map((d) => d.id) },
          formats: ['md', 'html', 'ninjs'],
          outDir: path.join(dir, 'ours'),
          force: false,
        },
      );
      const ours = performance.now() - started;
      if (result.failed.length) throw new Error(`export failed: ${result.failed[0]?.error}`);
      print(
        `ours: ${RELEASES} releases × md, html, ninjs = ${result.written.length} files in ${ms(ours)} (${ms(ours / RELEASES)} per release)`,
      );

      const version = await hasPandoc();
      if (!version) {
        print('pandoc is not installed (apt-get install pandoc): no comparison.');
        return;
      }
      const htmlDir = path.join(dir, 'html');
      await fs.mkdir(htmlDir);
      const files = await Promise.all(
        drafts.map(async (draft) => {
          const file = path.join(htmlDir, `${draft.id}.html`);
          await fs.writeFile(file, toHtmlDocument(draft, taxonomies, sanitizeExportHtml));
          return file;
        }),
      );
      const perFileStart = performance.now();
      for (const file of files) {
        await run('pandoc', [
          '-f',
          'html',
          '-t',
          'commonmark_x',
          '-o',
          file.replace(/\.html$/, '.md'),
          file,
        ]);
      }
      const perFile = performance.now() - perFileStart;
      const allStart = performance.now();
      await run(
        'pandoc',
        ['-f', 'html', '-t', 'commonmark_x', '-o', path.join(dir, 'all.md'), ...files],
        {
          maxBuffer: 256 * 1024 * 1024,
        },
      );
      const all = performance.now() - allStart;
      print(
        `${version}, HTML → Markdown, one process per release: ${ms(perFile)} (${ms(perFile / RELEASES)} per release)`,
      );
      print(
        `${version}, HTML → Markdown, one process for all: ${ms(all)} (${ms(all / RELEASES)} per release)`,
      );
      print(
        `ratio ours / pandoc (per release): ${(ours / perFile).toFixed(2)}; ours / pandoc (one process): ${(ours / all).toFixed(2)} (below 1: ours is faster, while writing three formats to pandoc's one)`,
      );
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
