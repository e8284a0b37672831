import { formatHouseDate } from '../dateline';
import { formatEmbargoLine } from '../embargo';
import type { Draft, Taxonomies } from '../schemas';
import { embargoIso } from './embargo';
import { jsonLd, metaTags, STYLESHEET } from './html-head';
import { bodyHtmlBlocks } from './html-body';
import { escapeHtml } from './html-escape';
import { resolveRelease, type ResolvedRelease, type ResolvedTerm } from './resolve';
import type { HtmlSanitizer } from './sanitize';

const element = (name: string, text: string, attributes = ''): string =>
  `<${name}${attributes}>${escapeHtml(text)}</${name}>`;

/** A block of plain text typed with line breaks, as one paragraph per blank-line-separated part. */
const textParagraphs = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => `<p>${part.split('\n').map(escapeHtml).join('<br>')}</p>`);

const labels = (terms: readonly ResolvedTerm[]): string[] => terms.map((term) => term.label);

const metadataList = (release: ResolvedRelease): string[] => {
  const rows: [string, string[]][] = [
    ['Place', labels(release.places)],
    ['Source', labels(release.sources)],
    ['Fields of work', labels(release.fieldsOfWork)],
    ['Countries', labels(release.countries)],
  ];
  const lines: string[] = [];
  if (release.date) {
    const date = `<time datetime="${escapeHtml(release.date)}">${escapeHtml(formatHouseDate(release.date, release.language))}</time>`;
    lines.push(element('dt', 'Date'), `<dd>${date}</dd>`);
  }
  const embargo = release.embargo ? embargoIso(release.embargo) : null;
  if (release.embargo && embargo) {
    const time = `<time datetime="${escapeHtml(embargo)}">${escapeHtml(formatEmbargoLine(release.embargo, release.language))}</time>`;
    lines.push(element('dt', 'Embargo'), `<dd>${time}</dd>`);
  }
  for (const [term, values] of rows) {
    if (values.length === 0) continue;
    lines.push(element('dt', term), ...values.map((value) => element('dd', value)));
  }
  return lines.length ? ['<dl class="metadata">', ...lines, '</dl>'] : [];
};

/** Contact, boilerplate and end mark: after the body, each marked so a CMS can style or drop it. */
const closingBlocks = (release: ResolvedRelease): string[] => [
  ...(release.contact.trim()
    ? [
        '<section class="contact">',
        element('h2', 'Media contact'),
        ...textParagraphs(release.contact),
        '</section>',
      ]
    : []),
  ...(release.about.trim()
    ? [
        '<section class="about">',
        element('h2', 'About'),
        ...textParagraphs(release.about),
        '</section>',
      ]
    : []),
  ...(release.endMark ? ['<p class="end-mark">###</p>'] : []),
];

const articleLines = (release: ResolvedRelease, sanitize: HtmlSanitizer): string[] => [
  `<article lang="${escapeHtml(release.language)}">`,
  '<header>',
  ...(release.contentType
    ? [element('p', release.contentType.label, ' class="content-type"')]
    : []),
  element('h1', release.headline),
  ...(release.lead.trim() ? [element('p', release.lead.trim(), ' class="lead"')] : []),
  ...metadataList(release),
  '</header>',
  ...bodyHtmlBlocks(release.bodyWithoutDateline, release.dateline, sanitize),
  ...closingBlocks(release),
  '</article>',
];

/** The release as an `<article>`, for pasting into a page or a CMS. */
export const toHtmlFragment = (
  draft: Draft,
  taxonomies: Taxonomies,
  sanitize: HtmlSanitizer,
): string => `${articleLines(resolveRelease(draft, taxonomies), sanitize).join('\n')}\n`;

/**
 * A standalone HTML5 file: metadata in the head (as <meta> and as JSON-LD), a print stylesheet,
 * the article in the body. No executable script: the one <script> is a JSON-LD data block.
 */
export const toHtmlDocument = (
  draft: Draft,
  taxonomies: Taxonomies,
  sanitize: HtmlSanitizer,
): string => {
  const release = resolveRelease(draft, taxonomies);
  // A title must not be empty for the document to be valid.
  const title = release.headline.trim() || 'Untitled release';
  const lines = [
    '<!doctype html>',
    `<html lang="${escapeHtml(release.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    element('title', title),
    ...metaTags(release),
    jsonLd(release),
    STYLESHEET,
    '</head>',
    '<body>',
    ...articleLines(release, sanitize),
    '</body>',
    '</html>',
  ];
  return `${lines.join('\n')}\n`;
};
