import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../shared/export/markdown';
import { resolveRelease } from '../../shared/export/resolve';
import type { Draft, RichNode } from '../../shared/schemas';
import {
  releaseEveryNode,
  releaseWithoutDateline,
  smallTaxonomies,
} from '../fixtures/release-fixtures';

const EXPECTED = String.raw`---
id: rel-2022-06-15-vienna
headline: 'Conference on trafficking: "Leave *no one* behind" & #EndTrafficking'
contentType:
  id: press-release
  label: Press release
date: "2022-06-15"
dateline: VIENNA, 15 June 2022 –
datelineCountry: false
places:
  - id: vienna
    label: Vienna
sources:
  - id: secretariat
    label: Secretariat
fieldsOfWork:
  - id: combating-trafficking-in-human-beings
    label: Combating trafficking in human beings
  - id: human-rights
    label: Human rights
countries:
  - id: austria
    label: Austria
  - id: poland
    label: Poland
language: en
status: ready
createdAt: "2022-06-14T09:30:00.000Z"
updatedAt: "2022-06-15T08:05:00.000Z"
---

# Conference on trafficking: "Leave \*no one\* behind" &amp; #EndTrafficking

VIENNA, 15 June 2022 – Addressing current challenges in combating trafficking in human beings was the focus of a **high-level conference** organized by the [OSCE Secretariat](https://www.osce.org/secretariat) in Vienna today.

## Key findings

*Preliminary* data show that ***one in three*** identified victims is a child.

- Prevention, through:
  1. awareness campaigns
  2. training for labour inspectors
- Protection of victims

1. Identify
2. Assist
3. Prosecute

### Voices from the conference

> We must act together.
>
> No country can tackle this crime alone.

2022\. A record year for identified victims.

Markdown characters stay text: 5 \* 3 = 15, snake\_case\_name, #hashtag, \[brackets\] and a &lt; b.

HTML characters stay text: Tom &amp; Jerry, &lt;script&gt;alert("x")&lt;/script&gt;.

Русский текст: конференция по борьбе с торговлей людьми.

---

Press contact: Press Office  
press\@osce.org
`;

const frontMatterOf = (markdown: string): unknown => {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!match) throw new Error('no front matter');
  return parse(match[1] ?? '');
};

const paragraph = (text: string): RichNode => ({
  type: 'paragraph',
  content: [{ type: 'text', text }],
});

const withBody = (draft: Draft, content: RichNode[]): Draft => ({
  ...draft,
  body: { type: 'doc', content },
});

describe('toMarkdown', () => {
  it('writes the release exactly: front matter, headline, dateline-first body', () => {
    expect(toMarkdown(releaseEveryNode(), smallTaxonomies())).toBe(EXPECTED);
  });

  it('writes front matter that reads back as the metadata', () => {
    const markdown = toMarkdown(releaseEveryNode(), smallTaxonomies());
    expect(frontMatterOf(markdown)).toEqual({
      id: 'rel-2022-06-15-vienna',
      headline: 'Conference on trafficking: "Leave *no one* behind" & #EndTrafficking',
      contentType: { id: 'press-release', label: 'Press release' },
      date: '2022-06-15',
      dateline: 'VIENNA, 15 June 2022 \u2013',
      datelineCountry: false,
      places: [{ id: 'vienna', label: 'Vienna' }],
      sources: [{ id: 'secretariat', label: 'Secretariat' }],
      fieldsOfWork: [
        {
          id: 'combating-trafficking-in-human-beings',
          label: 'Combating trafficking in human beings',
        },
        { id: 'human-rights', label: 'Human rights' },
      ],
      countries: [
        { id: 'austria', label: 'Austria' },
        { id: 'poland', label: 'Poland' },
      ],
      language: 'en',
      status: 'ready',
      createdAt: '2022-06-14T09:30:00.000Z',
      updatedAt: '2022-06-15T08:05:00.000Z',
    });
  });

  it('exports a release without place and date: no dateline, null and [] in the front matter', () => {
    const markdown = toMarkdown(releaseWithoutDateline(), smallTaxonomies());
    expect(frontMatterOf(markdown)).toMatchObject({ date: null, dateline: null, places: [] });
    expect(markdown).toContain('\n\nAddressing current challenges');
    expect(markdown).not.toContain('VIENNA');
  });

  it('writes null for an unset content type and [] for empty lists', () => {
    const draft = releaseEveryNode();
    draft.meta = { ...draft.meta, contentTypeId: null, sourceIds: [], countryIds: [] };
    expect(frontMatterOf(toMarkdown(draft, smallTaxonomies()))).toMatchObject({
      contentType: null,
      sources: [],
      countries: [],
    });
  });

  it('keeps a term the taxonomy no longer knows, with its id as label', () => {
    const draft = releaseEveryNode();
    draft.meta = { ...draft.meta, fieldOfWorkIds: ['retired-field'] };
    expect(frontMatterOf(toMarkdown(draft, smallTaxonomies()))).toMatchObject({
      fieldsOfWork: [{ id: 'retired-field', label: 'retired-field' }],
    });
  });

  it('gives the dateline a paragraph of its own when the body opens with a heading', () => {
    const draft = withBody(releaseEveryNode(), [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Background' }] },
      paragraph('Text.'),
    ]);
    expect(toMarkdown(draft, smallTaxonomies())).toMatch(
      /\n\nVIENNA, 15 June 2022 – *\n\n## Background\n\nText\.\n$/,
    );
  });

  it('drops a link with a refused protocol but keeps its text', () => {
    const draft = withBody(releaseEveryNode(), [
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: 'click me',
            marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
          },
        ],
      },
    ]);
    const markdown = toMarkdown(draft, smallTaxonomies());
    expect(markdown).toMatch(/VIENNA, 15 June 2022 – click me\n$/);
    expect(markdown).not.toContain('javascript:');
  });

  it('keeps a heading on one line', () => {
    const draft = withBody(releaseWithoutDateline(), [
      {
        type: 'heading',
        attrs: { level: 2 },
        content: [
          { type: 'text', text: 'Two' },
          { type: 'hardBreak' },
          { type: 'text', text: 'lines' },
        ],
      },
    ]);
    expect(toMarkdown(draft, smallTaxonomies())).toMatch(/\n\n## Two lines\n$/);
  });

  it('writes link targets and titles that Markdown reads back whole', () => {
    const link = (text: string, attrs: Record<string, unknown>): RichNode => ({
      type: 'text',
      text,
      marks: [{ type: 'link', attrs }],
    });
    const draft = withBody(releaseWithoutDateline(), [
      {
        type: 'paragraph',
        content: [
          link('balanced', { href: 'https://en.wikipedia.org/wiki/Foo_(bar)' }),
          { type: 'text', text: ' ' },
          link('unbalanced', { href: 'https://example.org/a)b c', title: 'Say "hi"' }),
        ],
      },
    ]);
    expect(toMarkdown(draft, smallTaxonomies())).toContain(
      '[balanced](https://en.wikipedia.org/wiki/Foo_(bar)) ' +
        '[unbalanced](https://example.org/a%29b%20c "Say \\"hi\\"")\n',
    );
  });

  it('escapes a headline that would otherwise change the heading', () => {
    const draft = { ...releaseEveryNode(), headline: 'Results for [2022] <b>_now_</b> #' };
    expect(toMarkdown(draft, smallTaxonomies())).toContain(
      String.raw`# Results for \[2022\] &lt;b&gt;\_now\_&lt;/b&gt; \#` + '\n',
    );
  });

  it('ends with exactly one newline', () => {
    const markdown = toMarkdown(releaseWithoutDateline(), smallTaxonomies());
    expect(markdown.endsWith('\n')).toBe(true);
    expect(markdown.endsWith('\n\n')).toBe(false);
  });

  it('resolves what every exporter writes', () => {
    const release = resolveRelease(releaseEveryNode(), smallTaxonomies());
    expect(release).toMatchObject({
      dateline: 'VIENNA, 15 June 2022 –',
      language: 'en',
      contentType: { id: 'press-release', label: 'Press release' },
    });
    expect(release.body.content?.[0]?.content?.[0]?.text).toMatch(/^VIENNA, 15 June 2022 – Addr/);
    expect(release.bodyWithoutDateline.content?.[0]?.content?.[0]?.text).toMatch(/^Addressing/);
  });
});
