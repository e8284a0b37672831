import { embargoIso } from './embargo';
import { escapeHtml } from './html-escape';
import type { ResolvedRelease, ResolvedTerm } from './resolve';

const labels = (terms: readonly ResolvedTerm[]): string[] => terms.map((term) => term.label);

const meta = (name: string, content: string): string =>
  `<meta name="${escapeHtml(name)}" content="${escapeHtml(content)}">`;

/** Dublin Core names as registered for HTML `<meta>` (WHATWG MetaExtensions). */
export const metaTags = (release: ResolvedRelease): string[] => {
  const embargo = release.embargo ? embargoIso(release.embargo) : null;
  return [
    meta('dcterms.title', release.headline),
    ...(release.lead ? [meta('description', release.lead)] : []),
    ...(release.contentType ? [meta('dcterms.type', release.contentType.label)] : []),
    ...(release.date ? [meta('dcterms.date', release.date)] : []),
    meta('dcterms.language', release.language),
    ...labels(release.places).map((label) => meta('dcterms.spatial', label)),
    ...labels(release.sources).map((label) => meta('dcterms.creator', label)),
    ...labels(release.fieldsOfWork).map((label) => meta('dcterms.subject', label)),
    ...labels(release.countries).map((label) => meta('dcterms.coverage', label)),
    // dcterms.available: the date the resource became available, which is what an embargo sets.
    ...(embargo ? [meta('dcterms.available', embargo)] : []),
    meta('dcterms.identifier', release.id),
  ];
};

/**
 * schema.org NewsArticle. The JSON goes inside `<script type="application/ld+json">`, a data
 * block browsers never run; `<`, `>` and `&` are written as \u escapes so no text in it can close
 * the element or open a comment, whatever the headline says.
 */
export const jsonLd = (release: ResolvedRelease): string => {
  // schema.org has no embargo property: the embargo is in the dcterms.available <meta>.
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    identifier: release.id,
    headline: release.headline,
    ...(release.lead ? { description: release.lead } : {}),
    inLanguage: release.language,
    ...(release.date ? { datePublished: release.date } : {}),
    dateCreated: release.createdAt,
    dateModified: release.updatedAt,
    ...(release.dateline ? { dateline: release.dateline } : {}),
    ...(release.contentType ? { genre: release.contentType.label } : {}),
    ...(release.places.length
      ? { locationCreated: release.places.map((p) => ({ '@type': 'Place', name: p.label })) }
      : {}),
    ...(release.sources.length
      ? { author: release.sources.map((s) => ({ '@type': 'Organization', name: s.label })) }
      : {}),
    ...(release.fieldsOfWork.length ? { about: labels(release.fieldsOfWork) } : {}),
    ...(release.countries.length
      ? { spatialCoverage: release.countries.map((c) => ({ '@type': 'Country', name: c.label })) }
      : {}),
  };
  const json = JSON.stringify(data, null, 2).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `<script type="application/ld+json">\n${json}\n</script>`;
};

/** Plain, readable on screen and paper; print drops the metadata list's chrome and link noise. */
export const STYLESHEET = `<style>
body { max-width: 42rem; margin: 2rem auto; padding: 0 1rem; font: 1rem/1.55 Georgia, "Times New Roman", serif; color: #111; }
h1 { font-size: 1.8rem; line-height: 1.25; }
.content-type { text-transform: uppercase; letter-spacing: 0.05em; font: 0.8rem/1.4 system-ui, sans-serif; color: #555; }
.lead { font-size: 1.15rem; }
.metadata { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; font: 0.85rem/1.4 system-ui, sans-serif; color: #333; }
.metadata dt { font-weight: 600; grid-column: 1; }
.metadata dd { margin: 0; grid-column: 2; }
.dateline { font-weight: 700; }
blockquote { margin-left: 0; padding-left: 1rem; border-left: 3px solid #ccc; }
@media print {
  @page { margin: 2cm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; color: #000; }
  a { color: inherit; text-decoration: underline; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; word-break: break-all; }
  h1, h2, h3 { break-after: avoid; }
  p, li, blockquote { orphans: 3; widows: 3; }
  blockquote, ul, ol, dl { break-inside: avoid; }
}
</style>`;
