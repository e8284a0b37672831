import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../shared/export/render';
import { ServiceError } from '../../shared/result';
import type { Draft, ExportFormat } from '../../shared/schemas';
import { sanitizeExportHtml } from '../../main/services/export-sanitizer';
import { decodeImportFile, parseImportFile } from '../../main/services/import-file';
import { releaseEveryNode, smallTaxonomies } from '../fixtures/release-fixtures';
import { executableParts } from '../support/executable';

const corpus = path.resolve(import.meta.dirname, '../fixtures/hostile');
const taxonomies = smallTaxonomies();
const FORMATS: ExportFormat[] = ['md', 'html', 'html-fragment', 'ninjs'];
const readable = [
  'script-tags.md',
  'javascript-links.md',
  'event-handlers.html',
  'yaml-breakers.md',
  'html-in-headline.md',
];

const failure = (action: () => unknown): ServiceError => {
  try {
    action();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a ServiceError');
};

const importOf = (name: string) =>
  parseImportFile(name, fs.readFileSync(path.join(corpus, name), 'utf8'), taxonomies);

describe('the hostile corpus', () => {
  it.each(readable)('%s imports, and no export of it can run anything', (name) => {
    const imported = importOf(name);
    const draft: Draft = { ...releaseEveryNode(), ...imported };
    for (const format of FORMATS) {
      const file = renderExport(draft, taxonomies, format, sanitizeExportHtml);
      expect({ format, found: executableParts(format, file.content) }).toEqual({
        format,
        found: [],
      });
    }
    // The body holds only what the editor's schema allows: no link that is not http(s)/mailto/#.
    const hrefs = JSON.stringify(imported.body).match(/"href":"[^"]*"/g) ?? [];
    for (const href of hrefs) expect(href).toMatch(/"href":"(https?:|mailto:|#)/);
  });

  it('keeps HTML in a headline as text', () => {
    expect(importOf('html-in-headline.md').headline).toBe(
      '<b>Bold</b> & <i>italic</i> <a href="javascript:alert(1)">headline</a>',
    );
    expect(importOf('event-handlers.html').headline).toBe('</title><script>alert(1)</script>');
  });

  it('reports what it removed from a hostile page', () => {
    expect(importOf('event-handlers.html').warnings).toEqual(
      expect.arrayContaining(['A script was removed.', 'A form was left out.']),
    );
  });

  it('keeps YAML-looking values as the text they are, and unknown terms as unmatched', () => {
    const imported = importOf('yaml-breakers.md');
    expect(imported.headline).toBe('Quotes " and colons: and # hashes and --- dashes');
    expect(imported.meta.countryIds).toEqual(['austria']);
    expect(imported.meta.unresolvedTerms.map((term) => term.label)).toEqual([
      'yes',
      // YAML 1.2, which every current reader speaks: an unquoted `no` is the word, not false.
      'no',
      '*alias',
      '&anchor value',
      '!tag value',
      'null',
      '{ not: a map }',
      '[brackets]',
    ]);
  });

  it('refuses broken front matter, naming the file and the line', () => {
    const error = failure(() => importOf('broken-front-matter.md'));
    expect(error.message).toMatch(
      /^broken-front-matter\.md: the front matter is not valid YAML \(line 4\)/,
    );
  });

  it('refuses a binary file, a file in another encoding and a 50 MB file, naming file and line', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(failure(() => decodeImportFile('photo.md', png)).message).toMatch(
      /^photo\.md \(line 3\) contains NUL bytes/,
    );
    const latin1 = Uint8Array.from([
      ...Buffer.from('# Title\n\nZ'),
      0xfc,
      ...Buffer.from('rich\n'),
    ]);
    expect(failure(() => decodeImportFile('latin1.md', latin1)).message).toMatch(
      /^latin1\.md \(line 3\) is not UTF-8 text/,
    );
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x23, 0x00]);
    expect(failure(() => decodeImportFile('utf16.md', utf16)).message).toMatch(/UTF-16/);
    const huge = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    expect(failure(() => decodeImportFile('huge.md', huge)).message).toMatch(
      /^huge\.md is 50\.0 MB; a release file may be at most 5 MB/,
    );
    // Text that reached us already decoded (drag and drop) is held to the same rules.
    expect(
      failure(() => parseImportFile('dropped.md', '# T\n\nZ\uFFFDrich', taxonomies)).message,
    ).toMatch(/^dropped\.md \(line 3\) is not UTF-8/);
    expect(failure(() => parseImportFile('notes.txt', 'text', taxonomies)).message).toMatch(
      /only Markdown \(\.md\) and HTML \(\.html\)/,
    );
  });
});
