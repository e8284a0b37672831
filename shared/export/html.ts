import { formatHouseDate } from '../dateline';
import type { Draft, Taxonomies } from '../schemas';
import { bodyHtmlBlocks } from './html-body';
import { escapeHtml } from './html-escape';
import { resolveRelease, type ResolvedRelease, type ResolvedTerm } from './resolve';

const element = (name: string, text: string, attributes = ''): string =>
  `<${name}${attributes}>${escapeHtml(text)}</${name}>`;

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
    const date = `<time datetime="${escapeHtml(release.date)}">${escapeHtml(formatHouseDate(release.date))}</time>`;
    lines.push(element('dt', 'Date'), `<dd>${date}</dd>`);
  }
  for (const [term, values] of rows) {
    if (values.length === 0) continue;
    lines.push(element('dt', term), ...values.map((value) => element('dd', value)));
  }
  return lines.length ? ['<dl class="metadata">', ...lines, '</dl>'] : [];
};

const articleLines = (release: ResolvedRelease): string[] => [
  '<article>',
  '<header>',
  ...(release.contentType
    ? [element('p', release.contentType.label, ' class="content-type"')]
    : []),
  element('h1', release.headline),
  ...metadataList(release),
  '</header>',
  ...bodyHtmlBlocks(release.bodyWithoutDateline, release.dateline),
  '</article>',
];

/** The release as an `<article>`, for pasting into a page or a CMS. */
export const toHtmlFragment = (draft: Draft, taxonomies: Taxonomies): string =>
  `${articleLines(resolveRelease(draft, taxonomies)).join('\n')}\n`;

const meta = (name: string, content: string): string =>
  `<meta name="${escapeHtml(name)}" content="${escapeHtml(content)}">`;

/** Dublin Core names as registered for HTML `<meta>` (WHATWG MetaExtensions). */
const dublinCore = (release: ResolvedRelease): string[] => [
  meta('dcterms.title', release.headline),
  ...(release.contentType ? [meta('dcterms.type', release.contentType.label)] : []),
  ...(release.date ? [meta('dcterms.date', release.date)] : []),
  ...labels(release.places).map((label) => meta('dcterms.spatial', label)),
  ...labels(release.sources).map((label) => meta('dcterms.creator', label)),
  ...labels(release.fieldsOfWork).map((label) => meta('dcterms.subject', label)),
  ...labels(release.countries).map((label) => meta('dcterms.coverage', label)),
  meta('dcterms.identifier', release.id),
];

/**
 * A standalone HTML5 file: metadata in the head, the article in the body. No styles and no
 * scripts, so it shows the same everywhere and passes any content security policy.
 */
export const toHtmlDocument = (draft: Draft, taxonomies: Taxonomies): string => {
  const release = resolveRelease(draft, taxonomies);
  // A title must not be empty for the document to be valid.
  const title = release.headline.trim() || 'Untitled release';
  const lines = [
    '<!doctype html>',
    `<html lang="${release.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    element('title', title),
    ...dublinCore(release),
    '</head>',
    '<body>',
    ...articleLines(release),
    '</body>',
    '</html>',
  ];
  return `${lines.join('\n')}\n`;
};
