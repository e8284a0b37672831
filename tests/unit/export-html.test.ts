import { describe, expect, it } from 'vitest';
import {
  toHtmlDocument as renderDocument,
  toHtmlFragment as renderFragment,
} from '../../shared/export/html';
import { STYLESHEET } from '../../shared/export/html-head';
import { sanitizeExportHtml } from '../../main/services/export-sanitizer';
import type { Draft, RichNode, Taxonomies } from '../../shared/schemas';
import {
  releaseEveryNode,
  releaseWithoutDateline,
  smallTaxonomies,
} from '../fixtures/release-fixtures';

const toHtmlDocument = (draft: Draft, taxonomies: Taxonomies) =>
  renderDocument(draft, taxonomies, sanitizeExportHtml);
const toHtmlFragment = (draft: Draft, taxonomies: Taxonomies) =>
  renderFragment(draft, taxonomies, sanitizeExportHtml);

const JSON_LD = `<script type="application/ld+json">
{
  "@context": "https://schema.org",
  "@type": "NewsArticle",
  "identifier": "rel-2022-06-15-vienna",
  "headline": "Conference on trafficking: \\"Leave *no one* behind\\" \\u0026 #EndTrafficking",
  "inLanguage": "en",
  "datePublished": "2022-06-15",
  "dateCreated": "2022-06-14T09:30:00.000Z",
  "dateModified": "2022-06-15T08:05:00.000Z",
  "dateline": "VIENNA, 15 June 2022 –",
  "genre": "Press release",
  "locationCreated": [
    {
      "@type": "Place",
      "name": "Vienna"
    }
  ],
  "author": [
    {
      "@type": "Organization",
      "name": "Secretariat"
    }
  ],
  "about": [
    "Combating trafficking in human beings",
    "Human rights"
  ],
  "spatialCoverage": [
    {
      "@type": "Country",
      "name": "Austria"
    },
    {
      "@type": "Country",
      "name": "Poland"
    }
  ]
}
</script>`;

const ARTICLE = `<article lang="en">
<header>
<p class="content-type">Press release</p>
<h1>Conference on trafficking: &quot;Leave *no one* behind&quot; &amp; #EndTrafficking</h1>
<dl class="metadata">
<dt>Date</dt>
<dd><time datetime="2022-06-15">15 June 2022</time></dd>
<dt>Place</dt>
<dd>Vienna</dd>
<dt>Source</dt>
<dd>Secretariat</dd>
<dt>Fields of work</dt>
<dd>Combating trafficking in human beings</dd>
<dd>Human rights</dd>
<dt>Countries</dt>
<dd>Austria</dd>
<dd>Poland</dd>
</dl>
</header>
<p><span class="dateline">VIENNA, 15 June 2022 –</span> Addressing current challenges in combating trafficking in human beings was the focus of a <strong>high-level conference</strong> organized by the <a href="https://www.osce.org/secretariat">OSCE Secretariat</a> in Vienna today.</p>
<h2>Key findings</h2>
<p><em>Preliminary</em> data show that <strong><em>one in three</em></strong> identified victims is a child.</p>
<ul><li><p>Prevention, through:</p><ol><li><p>awareness campaigns</p></li><li><p>training for labour inspectors</p></li></ol></li><li><p>Protection of victims</p></li></ul>
<ol><li><p>Identify</p></li><li><p>Assist</p></li><li><p>Prosecute</p></li></ol>
<h3>Voices from the conference</h3>
<blockquote><p>We must act together.</p><p>No country can tackle this crime alone.</p></blockquote>
<p>2022. A record year for identified victims.</p>
<p>Markdown characters stay text: 5 * 3 = 15, snake_case_name, #hashtag, [brackets] and a &lt; b.</p>
<p>HTML characters stay text: Tom &amp; Jerry, &lt;script&gt;alert("x")&lt;/script&gt;.</p>
<p>Русский текст: конференция по борьбе с торговлей людьми.</p>
<hr>
<p>Press contact: Press Office<br>press@osce.org</p>
</article>
`;

const EXPECTED = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Conference on trafficking: &quot;Leave *no one* behind&quot; &amp; #EndTrafficking</title>
<meta name="dcterms.title" content="Conference on trafficking: &quot;Leave *no one* behind&quot; &amp; #EndTrafficking">
<meta name="dcterms.type" content="Press release">
<meta name="dcterms.date" content="2022-06-15">
<meta name="dcterms.language" content="en">
<meta name="dcterms.spatial" content="Vienna">
<meta name="dcterms.creator" content="Secretariat">
<meta name="dcterms.subject" content="Combating trafficking in human beings">
<meta name="dcterms.subject" content="Human rights">
<meta name="dcterms.coverage" content="Austria">
<meta name="dcterms.coverage" content="Poland">
<meta name="dcterms.identifier" content="rel-2022-06-15-vienna">
${JSON_LD}
${STYLESHEET}
</head>
<body>
${ARTICLE}</body>
</html>
`;

const text = (value: string, marks?: RichNode['marks']): RichNode => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});

const withBody = (draft: Draft, content: RichNode[]): Draft => ({
  ...draft,
  body: { type: 'doc', content },
});

/** A release whose every field tries to smuggle markup or script into the page. */
const hostileRelease = (): Draft => {
  const draft = withBody(releaseEveryNode(), [
    {
      type: 'paragraph',
      content: [
        text('<img src=x onerror=alert(1)> '),
        text('js', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
        text(' '),
        text('data', [{ type: 'link', attrs: { href: 'data:text/html,<script>x</script>' } }]),
        text(' '),
        text('quote', [{ type: 'link', attrs: { href: 'https://example.org/"onmouseover="x' } }]),
      ],
    },
  ]);
  return {
    ...draft,
    headline: '</title><script>alert(1)</script>',
    meta: { ...draft.meta, sourceIds: ['"><script>x</script>'] },
  };
};

describe('toHtmlDocument', () => {
  it('writes the release exactly', () => {
    expect(toHtmlDocument(releaseEveryNode(), smallTaxonomies())).toBe(EXPECTED);
  });

  it('writes the article alone as a fragment', () => {
    expect(toHtmlFragment(releaseEveryNode(), smallTaxonomies())).toBe(ARTICLE);
  });

  it('carries no executable script, event handler, inline style or javascript: URL', () => {
    for (const draft of [releaseEveryNode(), hostileRelease()]) {
      const html = toHtmlDocument(draft, smallTaxonomies());
      // The one script element is the JSON-LD data block, which browsers never run.
      expect(html.match(/<script\b[^>]*>/gi)).toEqual(['<script type="application/ld+json">']);
      expect(html.match(/<\/script/gi)).toHaveLength(1);
      expect(toHtmlFragment(draft, smallTaxonomies())).not.toMatch(/<script|<style/i);
      expect(html).not.toMatch(/<[^>]*\s(on[a-z]+|style)\s*=/i);
      expect(html).not.toMatch(/javascript:/i);
      expect(html).not.toMatch(/data:/i);
    }
  });

  it('escapes hostile text and keeps the text of refused links', () => {
    const html = toHtmlDocument(hostileRelease(), smallTaxonomies());
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(html).toContain('<dd>&quot;&gt;&lt;script&gt;x&lt;/script&gt;</dd>');
    expect(html).toContain(
      '<p><span class="dateline">VIENNA, 15 June 2022 –</span> &lt;img src=x onerror=alert(1)&gt; js data ' +
        '<a href="https://example.org/%22onmouseover=%22x">quote</a></p>',
    );
  });

  it('keeps one block per line and a safe href whatever a link title or class holds', () => {
    const draft = withBody(releaseWithoutDateline(), [
      {
        type: 'paragraph',
        content: [
          text('a', [
            {
              type: 'link',
              attrs: { href: 'https://example.org/', title: 'a > b </p>', class: 'x href=' },
            },
          ]),
          text(' href="javascript:x" is text'),
        ],
      },
      { type: 'paragraph', content: [text('second')] },
    ]);
    expect(toHtmlFragment(draft, smallTaxonomies())).toContain(
      '</header>\n' +
        '<p><a class="x href=" href="https://example.org/" title="a > b </p>">a</a> href="javascript:x" is text</p>\n' +
        '<p>second</p>\n</article>',
    );
  });

  it('exports a release without place and date: no dateline, no Date or Place rows', () => {
    const html = toHtmlDocument(releaseWithoutDateline(), smallTaxonomies());
    expect(html).not.toContain('class="dateline"');
    expect(html).not.toContain('"dateline"');
    expect(html).not.toContain('<dt>Date</dt>');
    expect(html).not.toContain('<dt>Place</dt>');
    expect(html).not.toContain('dcterms.date');
    expect(html).toContain('</header>\n<p>Addressing current challenges');
  });

  it('gives the dateline a paragraph of its own when the body opens with a list', () => {
    const draft = withBody(releaseEveryNode(), [
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('One')] }] }],
      },
    ]);
    expect(toHtmlFragment(draft, smallTaxonomies())).toContain(
      '</header>\n<p class="dateline">VIENNA, 15 June 2022 –</p>\n<ul><li><p>One</p></li></ul>\n</article>',
    );
  });

  it('puts the dateline alone into an empty first paragraph', () => {
    const draft = withBody(releaseEveryNode(), [{ type: 'paragraph' }]);
    expect(toHtmlFragment(draft, smallTaxonomies())).toContain(
      '</header>\n<p><span class="dateline">VIENNA, 15 June 2022 –</span></p>\n</article>',
    );
  });

  it('still has a title when the headline is empty', () => {
    const draft = { ...releaseWithoutDateline(), headline: '' };
    expect(toHtmlDocument(draft, smallTaxonomies())).toContain('<title>Untitled release</title>');
  });

  it('prints a city with its country when the release asks for it', () => {
    const draft = releaseEveryNode();
    draft.meta = { ...draft.meta, datelineCountry: true };
    expect(toHtmlFragment(draft, smallTaxonomies())).toContain(
      '<span class="dateline">VIENNA, Austria, 15 June 2022 –</span>',
    );
  });
});
