import type { Draft, Taxonomies } from '../schemas';
import { embargoIso } from './embargo';
import { bodyHtmlBlocks } from './html-body';
import { resolveRelease, type ResolvedTerm } from './resolve';
import type { HtmlSanitizer } from './sanitize';

/** Where the schema says a consumer should check this file against. */
export const NINJS_SCHEMA_URI = 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json';

/**
 * The release id as a URI, which ninjs requires of `uri`. A URN, since the store has no web
 * address of its own; the id is `[A-Za-z0-9_-]` only, so it needs no escaping.
 */
export const ninjsUri = (id: string): string => `urn:newsroom:release:${id}`;

/** A taxonomy term the ninjs way: the label as `name`, our stable id as `literal`. */
const concept = (term: ResolvedTerm, rel?: string) => ({
  name: term.label,
  ...(term.id ? { literal: term.id } : {}),
  ...(rel ? { rel } : {}),
});

const plainText = (html: string): string =>
  html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');

/**
 * IPTC ninjs 2.2. The body is HTML (`text/html`, the dateline marked up as in the HTML export)
 * with its character and word counts; terms map to genres (content type), places (dateline
 * cities and the countries the release is about), infosources (sources) and subjects
 * (fields of work). ninjs has no field for a bare publishing date, so it travels in the dateline (a
 * `descriptions` entry with role `dateline`).
 */
export const toNinjs = (draft: Draft, taxonomies: Taxonomies, sanitize: HtmlSanitizer): string => {
  const release = resolveRelease(draft, taxonomies);
  const bodyHtml = bodyHtmlBlocks(release.bodyWithoutDateline, release.dateline, sanitize).join(
    '\n',
  );
  const text = plainText(bodyHtml).trim();
  const embargo = release.embargo ? embargoIso(release.embargo) : null;
  const ninjs = {
    uri: ninjsUri(release.id),
    standard: { name: 'ninjs', version: '2.2', schema: NINJS_SCHEMA_URI },
    type: 'text',
    representationtype: 'full',
    profile: 'press-release',
    version: String(draft.revision),
    firstcreated: release.createdAt,
    versioncreated: release.updatedAt,
    ...(embargo ? { embargoed: embargo } : {}),
    // A draft is not for publication yet; a ready release is.
    pubstatus: release.status === 'ready' ? 'usable' : 'withheld',
    language: release.language,
    headlines: [{ role: 'main', contenttype: 'text/plain', value: release.headline }],
    ...(release.lead || release.dateline
      ? {
          descriptions: [
            ...(release.lead
              ? [{ role: 'summary', contenttype: 'text/plain', value: release.lead }]
              : []),
            ...(release.dateline
              ? [{ role: 'dateline', contenttype: 'text/plain', value: release.dateline }]
              : []),
          ],
        }
      : {}),
    bodies: [
      {
        role: 'main',
        contenttype: 'text/html',
        charcount: [...text].length,
        wordcount: text ? text.split(/\s+/u).length : 0,
        value: bodyHtml,
      },
    ],
    ...(release.places.length
      ? { located: release.places.map((place) => place.label).join('/') }
      : {}),
    ...(release.contentType ? { genres: [concept(release.contentType)] } : {}),
    ...(release.places.length || release.countries.length
      ? {
          places: [
            ...release.places.map((place) => concept(place, 'dateline')),
            ...release.countries.map((country) => concept(country, 'about')),
          ],
        }
      : {}),
    ...(release.sources.length
      ? { infosources: release.sources.map((source) => concept(source)) }
      : {}),
    ...(release.fieldsOfWork.length
      ? { subjects: release.fieldsOfWork.map((field) => concept(field, 'fieldOfWork')) }
      : {}),
    ...(release.contact ? { by: release.contact.split('\n')[0]?.trim() ?? '' } : {}),
    altids: [{ role: 'newsroom-id', value: release.id }],
  };
  return `${JSON.stringify(ninjs, null, 2)}\n`;
};
