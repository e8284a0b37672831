import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../shared/export/markdown';
import { ServiceError } from '../../shared/result';
import { emptyMeta, type Draft, type RichNode } from '../../shared/schemas';
import { parseMarkdownRelease } from '../../main/services/import';
import { releaseEveryNode, smallTaxonomies } from '../fixtures/release-fixtures';

const taxonomies = smallTaxonomies();
const read = (text: string, name = 'release.md') => parseMarkdownRelease(text, taxonomies, name);

const paragraph = (...content: RichNode[]): RichNode => ({ type: 'paragraph', content });
const text = (value: string): RichNode => ({ type: 'text', text: value });
const doc = (...content: RichNode[]): RichNode => ({ type: 'doc', content });

const failure = (action: () => unknown): ServiceError => {
  try {
    action();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a ServiceError');
};

describe('parseMarkdownRelease', () => {
  it('gives back the headline, metadata and body of an exported release', () => {
    const draft = releaseEveryNode();
    const imported = read(toMarkdown(draft, taxonomies));
    expect(imported.warnings).toEqual([]);
    expect(imported.headline).toBe(draft.headline);
    expect(imported.meta).toEqual(draft.meta);
    expect(imported.body).toEqual(draft.body);
  });

  it('round-trips text that is significant only where it stands', () => {
    const lines = [
      '# not a heading',
      '- not a list',
      '+ not a list either',
      '1) not numbered',
      '---',
      '=== not an underline',
      '> not a quote',
      'plain https://example.org/a_b_c, www.example.org and name@example.org',
      'back\\slash and `ticks` and ~tildes~ and &amp; and &#42;',
    ];
    const draft: Draft = {
      ...releaseEveryNode(),
      headline: 'Ends in a hash #',
      body: doc(
        ...lines.map((line) => paragraph(text(line))),
        {
          type: 'heading',
          attrs: { level: 2 },
          content: [text('Heading ending in #')],
        },
        paragraph(text('first line'), { type: 'hardBreak' }, text('- second line')),
      ),
    };
    const imported = read(toMarkdown(draft, taxonomies));
    expect(imported.headline).toBe('Ends in a hash #');
    expect(imported.body).toEqual(draft.body);
  });

  it('reads a hand-written file without front matter', () => {
    const imported = read('# Conference opens\n\nFirst paragraph.\n\nSecond *paragraph*.\n');
    expect(imported.headline).toBe('Conference opens');
    expect(imported.meta).toEqual(emptyMeta());
    expect(imported.body).toEqual(
      doc(
        paragraph(text('First paragraph.')),
        paragraph(
          text('Second '),
          { type: 'text', text: 'paragraph', marks: [{ type: 'italic' }] },
          text('.'),
        ),
      ),
    );
    expect(imported.warnings).toEqual([]);
  });

  it('accepts labels, abbreviations and single values instead of lists of ids', () => {
    const imported = read(
      [
        '---',
        'headline: From the front matter',
        'contentType: press release',
        'date: 2022-06-15',
        'places: Vienna',
        'sources: [ODIHR]',
        'fieldsOfWork: [Human Rights, gender-equality]',
        'countries:',
        '  - austria',
        '  - label: Poland',
        '---',
        '# Not the headline',
        '',
        'Body.',
      ].join('\n'),
    );
    expect(imported.headline).toBe('From the front matter');
    expect(imported.meta).toEqual({
      ...emptyMeta(),
      contentTypeId: 'press-release',
      date: '2022-06-15',
      placeIds: ['vienna'],
      datelineCountry: false,
      sourceIds: ['odihr'],
      fieldOfWorkIds: ['human-rights', 'gender-equality'],
      countryIds: ['austria', 'poland'],
    });
    expect(imported.body).toEqual(doc(paragraph(text('Body.'))));
    expect(imported.warnings).toEqual([]);
  });

  it('accepts a quoted date as well as a YAML date', () => {
    expect(read('---\ndate: "2022-06-15"\n---\nText.').meta.date).toBe('2022-06-15');
  });

  it('keeps a term the taxonomy does not know as unmatched, with a warning naming it', () => {
    const imported = read(
      '---\nfieldsOfWork: [Human rights, Underwater basket weaving]\n' +
        'places: [{id: atlantis, label: Atlantis}]\n---\n# Title\n\nText.',
    );
    expect(imported.meta.fieldOfWorkIds).toEqual(['human-rights']);
    expect(imported.meta.unresolvedTerms).toEqual([
      { field: 'places', id: 'atlantis', label: 'Atlantis' },
      { field: 'fieldsOfWork', id: null, label: 'Underwater basket weaving' },
    ]);
    expect(imported.warnings).toEqual([
      'places: "Atlantis" is not in the taxonomy; it was kept as an unmatched term.',
      'fieldsOfWork: "Underwater basket weaving" is not in the taxonomy; it was kept as an unmatched term.',
    ]);
  });

  it('reads language, embargo and the closing blocks back', () => {
    const imported = read(
      [
        '---',
        'headline: Embargoed',
        'language: ru',
        'embargo:',
        '  until: "2022-06-15T09:00:00+02:00"',
        '  timeZone: Europe/Vienna',
        'lead: The short version.',
        'contact: |-',
        '  Press Office',
        '  press@example.org',
        'endMark: true',
        '---',
        'Text.',
      ].join('\n'),
    );
    expect(imported.meta.language).toBe('ru');
    expect(imported.meta.embargo).toEqual({
      localDateTime: '2022-06-15T09:00',
      timeZone: 'Europe/Vienna',
    });
    expect(imported.blocks).toEqual({
      lead: 'The short version.',
      contact: 'Press Office\npress@example.org',
      about: '',
      endMark: true,
    });
    expect(imported.warnings).toEqual([]);
  });

  it('refuses broken front matter, naming the file and the line', () => {
    const error = failure(() =>
      read('---\nheadline: Fine\nplaces: [Vienna\nsources: x\n---\nText.', 'broken.md'),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/^broken\.md: the front matter is not valid YAML \(line 4\)/);
  });

  it('refuses front matter that is never closed', () => {
    const error = failure(() => read('---\nheadline: Fine\n\nText.', 'open.md'));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('open.md');
  });

  it('refuses an empty file and a binary one, naming the file', () => {
    for (const [content, name] of [
      ['', 'empty.md'],
      [' \n\t\n', 'blank.md'],
      ['# Title\0\0', 'binary.md'],
    ] as const) {
      const error = failure(() => read(content, name));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toContain(name);
    }
  });

  it('reads an old, inconsistent dateline into the metadata and out of the text', () => {
    const imported = read('# Talks in Belgrade\n\nBELGRADE, 25 April 2015- The talks began.\n');
    expect(imported.meta).toMatchObject({ date: '2015-04-25', placeIds: ['belgrade'] });
    expect(imported.body).toEqual(doc(paragraph(text('The talks began.'))));
    expect(imported.warnings).toEqual([]);
  });

  it('keeps a dateline whose city it does not know in the text, with a warning', () => {
    const imported = read('# Talks\n\nZAGREB, 3 May 2016 – The talks began.\n');
    expect(imported.meta.placeIds).toEqual([]);
    expect(imported.body).toEqual(doc(paragraph(text('ZAGREB, 3 May 2016 – The talks began.'))));
    expect(imported.warnings).toEqual([
      'dateline: "ZAGREB" is not a place in the taxonomy.',
      'The dateline "ZAGREB, 3 May 2016 –" was kept in the text.',
    ]);
  });

  it('takes a dateline with a country as a request to print the country', () => {
    const imported = read('OSH, Kyrgyzstan, 14 March 2006 – Text.');
    expect(imported.meta).toMatchObject({
      date: '2006-03-14',
      placeIds: ['osh'],
      datelineCountry: true,
    });
  });

  it('moves headings to the levels a release has', () => {
    const imported = read(
      '# Headline\n\nIntro.\n\n# Part one\n\n#### Detail\n\n###### Fine print\n',
    );
    expect(imported.headline).toBe('Headline');
    expect(imported.body).toEqual(
      doc(
        paragraph(text('Intro.')),
        { type: 'heading', attrs: { level: 2 }, content: [text('Part one')] },
        { type: 'heading', attrs: { level: 3 }, content: [text('Detail')] },
        { type: 'heading', attrs: { level: 3 }, content: [text('Fine print')] },
      ),
    );
  });

  it('warns about what a release body cannot hold', () => {
    const imported = read(
      '# T\n\n`a` and `b`.\n\n```\nblock\n```\n\n![A map](map.png)\n\n| a |\n|---|\n| 1 |\n',
    );
    expect(imported.warnings).toEqual([
      '2 pieces of inline code were left out.',
      'A code block was left out.',
      'An image was left out (descriptions are kept as text).',
    ]);
    expect(imported.body.content?.at(-2)).toEqual(paragraph(text('A map')));
    // A GitHub-flavoured table is something a release holds: it comes in as a table.
    expect(imported.body.content?.at(-1)).toMatchObject({
      type: 'table',
      content: [
        { type: 'tableRow', content: [{ type: 'tableHeader', content: [paragraph(text('a'))] }] },
        { type: 'tableRow', content: [{ type: 'tableCell', content: [paragraph(text('1'))] }] },
      ],
    });
  });

  it('reads CRLF line ends and a byte-order mark', () => {
    const imported = read('\uFEFF---\r\nheadline: Windows\r\n---\r\n\r\nLine one.\r\n');
    expect(imported.headline).toBe('Windows');
    expect(imported.body).toEqual(doc(paragraph(text('Line one.'))));
  });
});
