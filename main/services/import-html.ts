import { generateJSON } from '@tiptap/html';
import { JSDOM } from 'jsdom';
import { releaseExtensions } from '../../shared/extensions';
import { ServiceError } from '../../shared/result';
import { DocSchema, type RichNode, type Taxonomies } from '../../shared/schemas';
import { wrapStrayInline } from './import-body';
import { sanitizeImportHtml } from './export-sanitizer';
import { assembleRelease, unreadable, type ImportedRelease } from './import';

const invalid = (message: string): ServiceError => new ServiceError('INVALID_INPUT', message);

/**
 * HTML elements an import may hold. A long release has a few hundred; the DOMs the import
 * goes through (jsdom, DOMPurify's, Tiptap's) take about 20 KB and 100 µs an element, so a
 * file of 400,000 `<br>` would need gigabytes. Counted on the text before any parsing.
 */
export const MAX_HTML_ELEMENTS = 20_000;

const countOpeningTags = (text: string, limit: number): number => {
  const tag = /<[a-zA-Z]/g;
  let count = 0;
  while (count <= limit && tag.exec(text)) count += 1;
  return count;
};

const found =
  (selector: string) =>
  (document: Document): boolean =>
    document.querySelector(selector) !== null;

const CELL_BLOCKS: Record<string, ReadonlySet<string>> = {
  TD: new Set(['P', 'UL', 'OL', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4']),
  TH: new Set(['P', 'UL', 'OL']),
};

/**
 * `td > :is(p, ul, ol, blockquote, h1, h2, h3, h4) ~ *` and `th > :is(p, ul, ol) ~ *`: an
 * element after a block in a cell. Walked by hand: jsdom answers `~` by looking back along
 * the siblings of every element, which for 400,000 `<br>` in one cell ran for minutes.
 */
const hasCellWithMoreThanALine = (document: Document): boolean => {
  for (const cell of document.querySelectorAll('td, th')) {
    const blocks = CELL_BLOCKS[cell.tagName];
    let afterBlock = false;
    for (let child = cell.firstElementChild; child; child = child.nextElementSibling) {
      if (afterBlock) return true;
      afterBlock = blocks?.has(child.tagName) ?? false;
    }
  }
  return false;
};

/** Our own `<meta>` names (see shared/export/html-head.ts) and the front-matter field each feeds. */
const META_FIELDS: Record<string, { field: string; many: boolean }> = {
  'dcterms.title': { field: 'headline', many: false },
  description: { field: 'lead', many: false },
  'dcterms.type': { field: 'contentType', many: false },
  'dcterms.date': { field: 'date', many: false },
  'dcterms.language': { field: 'language', many: false },
  'dcterms.spatial': { field: 'places', many: true },
  'dcterms.creator': { field: 'sources', many: true },
  'dcterms.subject': { field: 'fieldsOfWork', many: true },
  'dcterms.coverage': { field: 'countries', many: true },
  'dcterms.available': { field: 'embargo', many: false },
};

/** What a release body cannot hold, which the parser would drop without a word. */
const LOST: [(document: Document) => boolean, string][] = [
  // Our own export's JSON-LD is data, read through the <meta> tags instead.
  [found('script:not([type="application/ld+json"])'), 'A script was removed'],
  [found('iframe, object, embed'), 'An embedded frame or object was removed'],
  [found('img, picture, video, audio, svg'), 'An image or media element was left out'],
  // A table within a table, or a cell holding more than a line of text, has no Markdown form.
  [
    (document) => found('table table')(document) || hasCellWithMoreThanALine(document),
    'A table’s layout was simplified (its text is kept)',
  ],
  [found('pre, code'), 'Code was left out (its text is kept)'],
  [found('form, input, button, select, textarea'), 'A form was left out'],
];

const frontMatterFromHead = (document: Document): Record<string, unknown> => {
  const record: Record<string, unknown> = {};
  for (const element of document.querySelectorAll('meta[name][content]')) {
    const spec = META_FIELDS[element.getAttribute('name')?.toLowerCase() ?? ''];
    const content = element.getAttribute('content') ?? '';
    if (!spec || !content.trim()) continue;
    if (!spec.many) {
      record[spec.field] ??= content;
      continue;
    }
    const list = (record[spec.field] ?? []) as string[];
    record[spec.field] = [...list, content];
  }
  const lang = document.documentElement.getAttribute('lang');
  if (lang && record['language'] === undefined) record['language'] = lang;
  return record;
};

/** A paragraph's text with its line breaks kept as newlines. */
const paragraphText = (p: Element): string =>
  [...p.childNodes]
    .map((node) => (node.nodeName === 'BR' ? '\n' : (node.textContent ?? '')))
    .join('')
    .trim();

const textBlock = (element: Element | null): string =>
  element ? [...element.querySelectorAll('p')].map(paragraphText).filter(Boolean).join('\n\n') : '';

/**
 * The embargo's zone: the <meta> has only the instant, and Dublin Core has no name for a zone,
 * so it is read from the metadata list, which prints it as `… (Europe/Vienna)`.
 */
const embargoFromList = (document: Document): { until: string; timeZone: string } | null => {
  for (const dt of document.querySelectorAll('dl.metadata dt')) {
    if (dt.textContent?.trim() !== 'Embargo') continue;
    const time = dt.nextElementSibling?.querySelector('time[datetime]');
    const zone = /\(([^()]+)\)\s*$/.exec(time?.textContent ?? '')?.[1];
    const until = time?.getAttribute('datetime');
    if (until && zone) return { until, timeZone: zone };
  }
  return null;
};

/** Heading levels the body has: 1 → 2, 4–6 → 3, as for Markdown. */
const renameHeadings = (document: Document, root: Element): void => {
  for (const heading of root.querySelectorAll('h1, h4, h5, h6')) {
    const level = heading.tagName === 'H1' ? 'h2' : 'h3';
    const replacement = document.createElement(level);
    replacement.append(...heading.childNodes);
    heading.replaceWith(replacement);
  }
};

/**
 * A release from an HTML file: our own export (metadata in `<meta>`, the release in `<article>`)
 * or any page, whose first `<h1>` is the headline. Parsed without running anything (jsdom runs
 * no script unless asked), then sanitised with DOMPurify before Tiptap reads it.
 */
export const parseHtmlRelease = (
  text: string,
  taxonomies: Taxonomies,
  sourceName: string,
): ImportedRelease => {
  if (text.includes('\0')) {
    throw invalid(`${sourceName} contains NUL bytes: it is a binary file, not HTML.`);
  }
  if (!text.trim()) throw invalid(`${sourceName} is empty: there is nothing to import.`);
  if (countOpeningTags(text, MAX_HTML_ELEMENTS) > MAX_HTML_ELEMENTS) {
    throw invalid(
      `${sourceName} has more than ${MAX_HTML_ELEMENTS.toLocaleString('en')} HTML elements; a press release has a few hundred, so it was not imported.`,
    );
  }
  const { document } = new JSDOM(text).window;
  const frontMatter = frontMatterFromHead(document);
  const embargo = embargoFromList(document);
  if (embargo) frontMatter['embargo'] = embargo;
  const warnings = LOST.filter(([lost]) => lost(document)).map(([, message]) => `${message}.`);

  // Gone before anything is read, so no script text can end up in a headline or a field.
  for (const element of document.querySelectorAll('script, style, template, noscript')) {
    element.remove();
  }
  const root = document.querySelector('article') ?? document.body;
  const h1 = root.querySelector('h1');
  const headline = h1 ? (h1.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
  if (typeof frontMatter['headline'] !== 'string' && headline) frontMatter['headline'] = headline;
  const lead = root.querySelector('header .lead');
  if (lead && frontMatter['lead'] === undefined) frontMatter['lead'] = lead.textContent ?? '';
  const contact = textBlock(root.querySelector('section.contact'));
  const about = textBlock(root.querySelector('section.about'));
  if (contact) frontMatter['contact'] = contact;
  if (about) frontMatter['about'] = about;
  if (root.querySelector('.end-mark')) frontMatter['endMark'] = true;

  // What the export writes around the body is metadata, already read above.
  for (const element of root.querySelectorAll(
    'header, section.contact, section.about, .end-mark',
  )) {
    element.remove();
  }
  // A headline that is not in a header (a hand-written page) leaves the body too.
  if (h1?.isConnected) h1.remove();
  renameHeadings(document, root);

  const clean = sanitizeImportHtml(root.innerHTML);
  // Whitespace as typed (a tab, two spaces around a bold word), not collapsed as a browser would.
  const parsed = DocSchema.safeParse(
    generateJSON(clean.replace(/>\n+</g, '><'), releaseExtensions(), { preserveWhitespace: true }),
  );
  if (!parsed.success) throw invalid(unreadable(sourceName, 'HTML', parsed.error.issues));
  const body: RichNode = wrapStrayInline(parsed.data);
  return assembleRelease(
    {
      frontMatter,
      body: body.content?.length ? body : { ...body, content: [{ type: 'paragraph' }] },
      headline,
      warnings,
    },
    taxonomies,
    sourceName,
  );
};
