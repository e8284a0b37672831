import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../main/services/handlers';
import { importFiles } from '../../main/services/import-files';
import { ImportParser } from '../../main/services/import-off-thread';
import seed from '../../main/store/seed/taxonomies.json';
import { TaxonomiesSchema } from '../../shared/schemas';
import {
  closeHandlersFixture,
  openHandlersFixture,
  saveRequest,
  type HandlersFixture,
} from '../support/handlers-fixture';

const taxonomies = TaxonomiesSchema.parse(seed);

/** A long but ordinary release: 40,000 paragraphs, 2 MB, parsed in about a second. */
const longRelease = `# A long release\n\n${'Words of a paragraph that goes on for a while.\n\n'.repeat(40_000)}`;
/** Slower to parse than the short time limits below, on any machine. */
const slowFile = '# h\n'.repeat(100_000);

describe('imports are parsed off the main thread', () => {
  let fixture: HandlersFixture;
  beforeEach(async () => {
    fixture = await openHandlersFixture();
  });
  afterEach(async () => {
    await closeHandlersFixture(fixture);
  });

  it('answers an autosave while a long import runs', async () => {
    // Warm the worker, as a first import in the app would have done already.
    await dispatch(fixture.handlers, 'import:files', {
      files: [{ name: 'short.md', text: '# Short\n\nText.' }],
    });
    const started = performance.now();
    const importing = dispatch(fixture.handlers, 'import:files', {
      files: [{ name: 'long.md', text: longRelease }],
    }).then((answer) => ({ answer, at: performance.now() - started }));
    const saved = await dispatch(fixture.handlers, 'drafts:save', saveRequest(fixture.draft));
    const savedAt = performance.now() - started;
    const imported = await importing;

    expect(saved).toMatchObject({ ok: true });
    expect(imported.answer).toMatchObject({
      ok: true,
      value: { imported: [{ name: 'long.md', headline: 'A long release' }], failed: [] },
    });
    // Answered before the import finished, and not kept waiting for most of it: parsed on
    // the main thread, the save would have waited for the whole parse.
    expect(savedAt).toBeLessThan(imported.at);
    expect(savedAt).toBeLessThan(imported.at / 2);
  });
});

describe('the import worker’s time limit', () => {
  const parser = new ImportParser(300);
  afterAll(async () => {
    await parser.close();
  });

  it('gives up on a file that takes too long, naming it, and reads the next one', async () => {
    await expect(parser.parse('first.md', '# First\n\nText.', taxonomies)).resolves.toMatchObject({
      headline: 'First',
    });
    await expect(parser.parse('slow.md', slowFile, taxonomies)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(
        /^slow\.md took longer than 0\.3 s to read, so it was left out/,
      ),
    });
    await expect(parser.parse('next.md', '# Next\n\nText.', taxonomies)).resolves.toMatchObject({
      headline: 'Next',
    });
  });

  it('reports the file it gave up on and imports the others', async () => {
    const fixture = await openHandlersFixture();
    try {
      const summary = await importFiles(
        [
          { name: 'slow.md', text: slowFile },
          { name: 'fine.md', text: '# Fine\n\nText.' },
        ],
        { taxonomies, parse: parser.parse, drafts: fixture.services.drafts },
      );
      expect(summary.failed).toEqual([
        { name: 'slow.md', error: expect.stringMatching(/^slow\.md took longer than/) },
      ]);
      expect(summary.imported).toMatchObject([{ name: 'fine.md', headline: 'Fine' }]);
    } finally {
      await closeHandlersFixture(fixture);
    }
  });
});

describe('a shell where the worker cannot start', () => {
  it('still imports, on the main thread, and says why once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const parser = new ImportParser(
      1_000,
      () => new Worker('throw new Error("no threads here")', { eval: true }),
    );
    try {
      await expect(parser.parse('a.md', '# A\n\nText.', taxonomies)).resolves.toMatchObject({
        headline: 'A',
      });
      await expect(parser.parse('b.md', '# B\n\nText.', taxonomies)).resolves.toMatchObject({
        headline: 'B',
      });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/no threads here/);
    } finally {
      warn.mockRestore();
      await parser.close();
    }
  });
});
