import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { toHtmlDocument, toHtmlFragment } from '../../shared/export/html';
import { toMarkdown } from '../../shared/export/markdown';
import type { Draft } from '../../shared/schemas';
import { sanitizeExportHtml } from '../../main/services/export-sanitizer';
import type { ImportedRelease } from '../../main/services/import';
import { parseImportFile } from '../../main/services/import-file';
import { exportFixtureSet } from '../fixtures/export-set/releases';
import { smallTaxonomies } from '../fixtures/release-fixtures';

const taxonomies = smallTaxonomies();

/** The imported release in the place of the original: a store gives it a new id and times. */
const reimported = (draft: Draft, imported: ImportedRelease): Draft => ({
  ...draft,
  headline: imported.headline,
  body: imported.body,
  meta: imported.meta,
  blocks: imported.blocks,
});

describe('round trips over the export fixture set', () => {
  it.each(exportFixtureSet().map((draft) => [draft.id, draft] as const))(
    'Markdown → import → Markdown gives the same bytes: %s',
    (_id, draft) => {
      const first = toMarkdown(draft, taxonomies);
      const imported = parseImportFile(`${draft.id}.md`, first, taxonomies);
      expect(toMarkdown(reimported(draft, imported), taxonomies)).toBe(first);
    },
  );

  it.each(exportFixtureSet().map((draft) => [draft.id, draft] as const))(
    'HTML → import → HTML gives the same bytes: %s',
    (_id, draft) => {
      const first = toHtmlDocument(draft, taxonomies, sanitizeExportHtml);
      const imported = parseImportFile(`${draft.id}.html`, first, taxonomies);
      expect(toHtmlDocument(reimported(draft, imported), taxonomies, sanitizeExportHtml)).toBe(
        first,
      );
    },
  );
});

/*
 * The HTML export and an independent CommonMark renderer (markdown-it) reading the Markdown
 * export must describe the same document. Normalised: whitespace-only text between blocks
 * dropped, runs of white space as one, tight-list paragraphs unwrapped, the dateline's span
 * unwrapped (Markdown has no span), classes and comments ignored. What the HTML adds around the
 * body (content type, metadata list, lead, contact, about) lives in the Markdown's front matter
 * and is left out of the comparison.
 */
const CONTAINERS = new Set([
  'ARTICLE',
  'HEADER',
  'UL',
  'OL',
  'LI',
  'BLOCKQUOTE',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
]);

const canonical = (node: Node): string => {
  if (node.nodeType === 3) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ');
    // Text straight inside a list item (a tight list in markdown-it) is a line of its own.
    return node.parentElement && CONTAINERS.has(node.parentElement.tagName)
      ? `${text.trim()}\n`
      : text;
  }
  if (node.nodeType !== 1) return '';
  const element = node as Element;
  const name = element.tagName.toLowerCase();
  const children = [...element.childNodes].filter(
    // Between blocks, white space is layout, not text.
    (child) =>
      !(CONTAINERS.has(element.tagName) && child.nodeType === 3 && !child.textContent?.trim()),
  );
  const inner = children.map(canonical).join('');
  if (name === 'span' || name === 'header') return inner;
  // Where the header row sits (thead or the first tbody row) and column widths are layout.
  if (name === 'thead' || name === 'tbody') return inner;
  if (name === 'colgroup') return '';
  // markdown-it writes a cell's text straight into it; Tiptap wraps it in a paragraph.
  if (name === 'p' && /^(TH|TD)$/.test(element.parentElement?.tagName ?? '')) return inner.trim();
  // markdown-it leaves out the paragraphs of a tight list; Tiptap always writes them.
  if (name === 'p' && element.parentElement?.tagName === 'LI') return `${inner.trim()}\n`;
  const attributes = [...element.attributes]
    .filter(
      (a) => a.name !== 'class' && a.name !== 'style' && !(name === 'article' && a.name === 'lang'),
    )
    .map((a) => ` ${a.name}="${a.name === 'href' ? decodeURI(a.value) : a.value}"`)
    .sort()
    .join('');
  if (name === 'br' || name === 'hr') return `<${name}${attributes}>`;
  if (CONTAINERS.has(element.tagName) || /^(p|h\d|th|td)$/.test(name)) {
    const body = inner
      .replace(/ {2,}/g, ' ')
      .replace(/<br> /g, '<br>')
      // Bold inside italic or italic inside bold: the same text either way.
      .replace(/<em><strong>(.*?)<\/strong><\/em>/g, '<strong><em>$1</em></strong>')
      .trim();
    return `<${name}${attributes}>\n${body}\n</${name}>\n`;
  }
  // `**bold** word` and `<strong>bold </strong>word` look the same: spaces move out of marks.
  const [, before = '', middle = '', after = ''] = /^( ?)(.*?)( ?)$/s.exec(inner) ?? [];
  return `${before}<${name}${attributes}>${middle}</${name}>${after}`;
};

const htmlBody = (draft: Draft): string => {
  const { document } = new JSDOM(toHtmlFragment(draft, taxonomies, sanitizeExportHtml)).window;
  const article = document.querySelector('article');
  if (!article) throw new Error('no article');
  for (const element of article.querySelectorAll(
    'header > :not(h1), section.contact, section.about, .end-mark',
  )) {
    element.remove();
  }
  const header = article.querySelector('header');
  if (header) header.replaceWith(...header.childNodes);
  return canonical(article);
};

const markdownBody = (draft: Draft): string => {
  const markdown = toMarkdown(draft, taxonomies).replace(/^---\n[\s\S]*?\n---\n/, '');
  // CommonMark plus GitHub's tables: what the Markdown export promises.
  const html = new MarkdownIt('commonmark').enable('table').render(markdown);
  const { document } = new JSDOM(`<article>${html}</article>`).window;
  const article = document.querySelector('article');
  if (!article) throw new Error('no article');
  // The embargo line under the headline is, in the HTML, part of the header left out above.
  const second = article.querySelector('h1 + p');
  if (
    second &&
    /^EMBARGOED UNTIL|^ЭМБАРГО ДО|^SOUS EMBARGO|^SPERRFRIST/.test(second.textContent ?? '')
  ) {
    second.remove();
  }
  return canonical(article);
};

describe('the HTML export and markdown-it’s rendering of the Markdown export', () => {
  /*
   * Known bug, kept visible: Tiptap's serializer writes a bold word right before an italic one
   * as `**bold***italic*`, which CommonMark readers other than marked split differently. When
   * this starts passing, drop `.fails` and put the case back into the fixture set.
   */
  it.fails('agree when bold and italic text touch', () => {
    const [draft] = exportFixtureSet();
    if (!draft) throw new Error('no fixture');
    const touching: Draft = {
      ...draft,
      body: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
              { type: 'text', text: 'italic', marks: [{ type: 'italic' }] },
              { type: 'text', text: 'both', marks: [{ type: 'bold' }, { type: 'italic' }] },
              { type: 'text', text: '.' },
            ],
          },
        ],
      },
    };
    expect(markdownBody(touching)).toBe(htmlBody(touching));
  });

  it.each(exportFixtureSet().map((draft) => [draft.id, draft] as const))(
    'agree as normalised DOM: %s',
    (_id, draft) => {
      expect(markdownBody(draft)).toBe(htmlBody(draft));
    },
  );
});
