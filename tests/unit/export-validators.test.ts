import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { renderExport } from '../../shared/export/render';
import type { Draft, ExportFormat } from '../../shared/schemas';
import { sanitizeExportHtml } from '../../main/services/export-sanitizer';
import { executableParts } from '../support/executable';
import { exportFixtureSet } from '../fixtures/export-set/releases';
import { smallTaxonomies } from '../fixtures/release-fixtures';
import {
  markdownlint,
  ninjsExample,
  ninjsValidator,
  nuCheck,
  pandoc,
} from '../support/export-validators';

const FORMATS: ExportFormat[] = ['md', 'html', 'html-fragment', 'ninjs'];
const releases = exportFixtureSet();
let dir: string;
const files = new Map<string, { draft: Draft; format: ExportFormat; content: string }>();

const written = (format: ExportFormat) => [...files].filter(([, file]) => file.format === format);

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-export-set-'));
  for (const draft of releases) {
    for (const format of FORMATS) {
      const file = renderExport(draft, smallTaxonomies(), format, sanitizeExportHtml);
      // Named by fixture id: several fixtures share a date and a slug on purpose.
      const name = `${draft.id}.${file.fileName.split('.').slice(1).join('.')}`;
      await fs.writeFile(path.join(dir, name), file.content);
      files.set(name, { draft, format, content: file.content });
    }
  }
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const frontMatterText = (markdown: string): string =>
  /^---\n([\s\S]*?)\n---\n/.exec(markdown)?.[1] ?? '';

describe('the export fixture set', () => {
  it('has at least 20 releases', () => {
    expect(releases.length).toBeGreaterThanOrEqual(20);
  });

  it('passes markdownlint with the committed configuration', async () => {
    const result = await markdownlint(
      dir,
      written('md').map(([name]) => name),
    );
    expect(result.stderr.split('\n').filter((line) => / error /.test(line))).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('gives HTML documents the Nu HTML Checker finds no error in', async () => {
    const documents = written('html').map(([name]) => path.join(dir, name));
    expect(documents.length).toBe(releases.length);
    const errors = await nuCheck(documents);
    expect(errors.map((m) => `${path.basename(m.url ?? '')}:${m.lastLine}: ${m.message}`)).toEqual(
      [],
    );
  });

  it('gives ninjs that IPTC’s 2.2 schema accepts', () => {
    const validate = ninjsValidator();
    // The validator is sound: IPTC's own example passes and a broken one does not.
    expect(validate(ninjsExample())).toBe(true);
    expect(validate({ uri: 'x', type: 'novel' })).toBe(false);
    for (const [name, file] of written('ninjs')) {
      const ok = validate(JSON.parse(file.content));
      expect({ name, errors: ok ? null : validate.errors }).toEqual({ name, errors: null });
    }
  });

  it('writes front matter that gray-matter and yaml read as the same data', () => {
    for (const [name, file] of written('md')) {
      const { data } = matter(file.content);
      expect({ name, data }).toEqual({ name, data: parseYaml(frontMatterText(file.content)) });
      expect(data['headline']).toBe(file.draft.headline);
      expect(data['id']).toBe(file.draft.id);
      expect(data['date']).toBe(file.draft.meta.date);
      expect(data['language']).toBe(file.draft.meta.language);
      expect(data['embargo'] !== undefined).toBe(file.draft.meta.embargo !== null);
    }
  });

  it('writes front matter that pandoc reads, with every field and exact identifiers', async () => {
    type Meta = { t: string; c?: unknown };
    const flat = (value: Meta | undefined): unknown => {
      if (!value) return undefined;
      if (value.t === 'MetaMap') {
        return Object.fromEntries(
          Object.entries(value.c as Record<string, Meta>).map(([k, v]) => [k, flat(v)]),
        );
      }
      if (value.t === 'MetaList') return (value.c as Meta[]).map(flat);
      if (value.t === 'MetaBool') return value.c;
      const inlines = (value.c ?? []) as Meta[];
      return inlines.map((i) => (i.t === 'Str' ? i.c : i.t === 'Space' ? ' ' : '')).join('');
    };
    await Promise.all(
      written('md').map(async ([name, file]) => {
        const result = await pandoc(['-f', 'markdown', '-t', 'json', path.join(dir, name)]);
        expect({ name, stderr: result.stderr, code: result.code }).toEqual({
          name,
          stderr: '',
          code: 0,
        });
        const meta = (JSON.parse(result.stdout) as { meta: Record<string, Meta> }).meta;
        const { data } = matter(file.content);
        // pandoc drops what is empty; everything else must be there.
        const filled = Object.keys(data).filter((key) => data[key] !== null && data[key] !== '');
        expect(Object.keys(data)).toEqual(expect.arrayContaining(Object.keys(meta)));
        expect(Object.keys(meta)).toEqual(expect.arrayContaining(filled));
        expect(flat(meta['id'])).toBe(file.draft.id);
        expect(flat(meta['language'])).toBe(file.draft.meta.language);
        if (file.draft.meta.date) expect(flat(meta['date'])).toBe(file.draft.meta.date);
        expect(flat(meta['datelineCountry'])).toBe(file.draft.meta.datelineCountry);
        const places = flat(meta['places']) as { id: string }[] | undefined;
        expect(
          (places ?? []).map((place) => place.id).slice(0, file.draft.meta.placeIds.length),
        ).toEqual(file.draft.meta.placeIds);
      }),
    );
  });

  it('contains no executable script in any format, even when Markdown is rendered with HTML on', () => {
    for (const [name, file] of files) {
      expect({ name, found: executableParts(file.format, file.content) }).toEqual({
        name,
        found: [],
      });
    }
  });

  it('keeps the JSON-LD a data block that parses, whatever the headline holds', () => {
    for (const [name, file] of written('html')) {
      const { document } = new JSDOM(file.content).window;
      const block = document.querySelector('script[type="application/ld+json"]');
      const data = JSON.parse(block?.textContent ?? '') as Record<string, unknown>;
      expect({ name, type: data['@type'], headline: data['headline'] }).toEqual({
        name,
        type: 'NewsArticle',
        headline: file.draft.headline,
      });
      expect(document.title).toBe(
        file.draft.headline.replace(/\s+/g, ' ').trim() || 'Untitled release',
      );
    }
  });
});
