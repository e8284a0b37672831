import { describe, expect, it } from 'vitest';
import {
  MAX_IMPORT_BYTES,
  PART_LIMITS,
  outcomeSummary,
  outcomeText,
  planImport,
  progressLabel,
  splitIntoParts,
  type ImportOutcome,
} from '../../renderer/features/export/import-parts';

const MiB = 1024 * 1024;
const file = (name: string, size = 1_000) => ({ name, size });
const names = (parts: { name: string }[][]) => parts.map((part) => part.map((f) => f.name));
const many = (count: number, size = 1_000) =>
  Array.from({ length: count }, (_, i) => file(`release-${i + 1}.md`, size));

describe('splitIntoParts', () => {
  it('cuts by count, in order', () => {
    const parts = splitIntoParts(many(7), { maxFiles: 3, maxBytes: MiB });
    expect(names(parts)).toEqual([
      ['release-1.md', 'release-2.md', 'release-3.md'],
      ['release-4.md', 'release-5.md', 'release-6.md'],
      ['release-7.md'],
    ]);
  });

  it('cuts by size, a part never over the limit', () => {
    const parts = splitIntoParts(many(5, 400), { maxFiles: 50, maxBytes: 1_000 });
    expect(parts.map((part) => part.length)).toEqual([2, 2, 1]);
    for (const part of parts)
      expect(part.reduce((sum, f) => sum + f.size, 0)).toBeLessThanOrEqual(1_000);
  });

  it('fills a part up to exactly its limit', () => {
    const parts = splitIntoParts(many(4, 500), { maxFiles: 50, maxBytes: 1_000 });
    expect(parts.map((part) => part.length)).toEqual([2, 2]);
  });

  it('puts a file bigger than a part alone, without holding back the files around it', () => {
    const items = [file('a.md'), file('b.md'), file('huge.md', 4.5 * MiB), file('c.md')];
    expect(names(splitIntoParts(items, PART_LIMITS))).toEqual([
      ['a.md', 'b.md'],
      ['huge.md'],
      ['c.md'],
    ]);
    expect(names(splitIntoParts([file('huge.md', 9 * MiB)], PART_LIMITS))).toEqual([['huge.md']]);
  });

  it('keeps every item once and in order, whatever the sizes', () => {
    const sizes = [10, 900, 5, 1_200, 300, 300, 300, 1, 999, 2_000, 7];
    const items = sizes.map((size, i) => file(`f${i}.md`, size));
    const parts = splitIntoParts(items, { maxFiles: 3, maxBytes: 1_000 });
    expect(parts.flat()).toEqual(items);
    for (const part of parts) {
      expect(part.length).toBeGreaterThan(0);
      expect(part.length).toBeLessThanOrEqual(3);
      const bytes = part.reduce((sum, f) => sum + f.size, 0);
      if (part.length > 1) expect(bytes).toBeLessThanOrEqual(1_000);
    }
  });

  it('makes no part of nothing', () => {
    expect(splitIntoParts([], PART_LIMITS)).toEqual([]);
  });

  it('sends 1,000 small files in parts the contract accepts (200 files, well under 16 MiB)', () => {
    const parts = splitIntoParts(many(1_000, 2_000));
    expect(parts).toHaveLength(20);
    expect(parts.every((part) => part.length <= 200)).toBe(true);
  });
});

describe('planImport', () => {
  it('refuses a file over the importer limit by name, without reading it, and sends the rest', () => {
    const plan = planImport([
      file('one.md'),
      file('big.md', MAX_IMPORT_BYTES + 1),
      file('notes.txt'),
      file('two.html'),
    ]);
    expect(names(plan.parts)).toEqual([['one.md', 'two.html']]);
    expect(plan.refused).toEqual([
      { name: 'big.md', error: 'big.md is 5.0 MB; a release file may be at most 5 MB.' },
      { name: 'notes.txt', error: 'notes.txt: only .md and .html files can be imported.' },
    ]);
  });

  it('sends a file of exactly the limit (main decides), alone in its part', () => {
    const plan = planImport([file('a.md'), file('limit.md', MAX_IMPORT_BYTES), file('b.md')]);
    expect(plan.refused).toEqual([]);
    expect(names(plan.parts)).toEqual([['a.md'], ['limit.md'], ['b.md']]);
  });

  it('refuses a name the contract would refuse, so it cannot fail the whole part', () => {
    const plan = planImport([file(`${'x'.repeat(300)}.md`), file('ok.md')]);
    expect(names(plan.parts)).toEqual([['ok.md']]);
    expect(plan.refused[0]?.error).toMatch(/longer than 255 characters/);
  });
});

describe('the import notice', () => {
  const imported = (count: number, warnings: string[] = []) =>
    Array.from({ length: count }, (_, i) => ({
      name: `release-${i + 1}.md`,
      id: `release-${String(i + 1).padStart(4, '0')}`,
      headline: `Release ${i + 1}`,
      warnings,
    }));

  it('keeps the counts line the one-file import always had', () => {
    expect(outcomeText({ imported: imported(1), failed: [], stopped: null })).toBe(
      '1 imported, 0 failed.',
    );
  });

  it('sums every part, names the failed file and counts past ten', () => {
    const outcome: ImportOutcome = {
      imported: imported(1_000, ['Unknown place: Atlantis']),
      failed: [{ name: 'big.md', error: 'big.md is 5.5 MB; a release file may be at most 5 MB.' }],
      stopped: null,
    };
    const lines = outcomeText(outcome).split('\n');
    expect(lines[0]).toBe('1,000 imported, 1 failed.');
    expect(lines[1]).toBe('big.md is 5.5 MB; a release file may be at most 5 MB.');
    expect(lines).toContain('release-1.md: Unknown place: Atlantis');
    expect(lines.at(-1)).toBe('…and 990 more warnings.');
    expect(lines).toHaveLength(13);
  });

  it('says why an import stopped and which files did not get in', () => {
    const notSent = Array.from({ length: 650 }, (_, i) => `release-${i + 351}.md`);
    const outcome: ImportOutcome = {
      imported: imported(350),
      failed: [],
      stopped: { reason: 'The editor lost its connection to the store.', notSent },
    };
    const lines = outcomeText(outcome).split('\n');
    expect(lines[0]).toBe('350 imported, 650 failed.');
    expect(lines[1]).toBe('The import stopped: The editor lost its connection to the store.');
    expect(lines[2]).toMatch(/^Not imported: release-351\.md, release-352\.md, .* and 640 more\.$/);
    const summary = outcomeSummary(outcome);
    expect(summary.imported).toHaveLength(350);
    expect(summary.failed).toHaveLength(650);
    expect(summary.failed[0]).toEqual({
      name: 'release-351.md',
      error: 'release-351.md was not imported: The editor lost its connection to the store.',
    });
  });

  it('labels the progress with grouped thousands', () => {
    expect(progressLabel(350, 1_000)).toBe('Importing 350 of 1,000 files…');
    expect(progressLabel(0, 1)).toBe('Importing 1 file…');
  });
});
