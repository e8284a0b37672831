import { stringify } from 'yaml';
import type { Draft, Taxonomies } from '../schemas';
import { formatEmbargoLine } from '../embargo';
import { embargoIso } from './embargo';
import { serializeMarkdown } from './markdown-serialize';
import { resolveRelease, type ResolvedRelease } from './resolve';

/** Key order is the reading order of the front matter; optional parts appear only when set. */
const frontMatterOf = (release: ResolvedRelease) => {
  const embargo = release.embargo
    ? {
        // The instant for machines, the zone so an import gets the officer's wall-clock time back.
        until: embargoIso(release.embargo) ?? release.embargo.localDateTime,
        timeZone: release.embargo.timeZone,
      }
    : null;
  return {
    id: release.id,
    headline: release.headline,
    ...(release.lead ? { lead: release.lead } : {}),
    contentType: release.contentType,
    date: release.date,
    ...(release.datelineDate ? { datelineDate: release.datelineDate } : {}),
    dateline: release.dateline,
    datelineCountry: release.datelineCountry,
    places: release.places,
    sources: release.sources,
    fieldsOfWork: release.fieldsOfWork,
    countries: release.countries,
    language: release.language,
    ...(embargo ? { embargo } : {}),
    ...(release.contact ? { contact: release.contact } : {}),
    ...(release.about ? { about: release.about } : {}),
    ...(release.endMark ? { endMark: true } : {}),
    ...(release.translationIds.length ? { translations: release.translationIds } : {}),
    status: release.status,
    createdAt: release.createdAt,
    updatedAt: release.updatedAt,
  };
};

/**
 * Written as YAML 1.1, which quotes what a 1.1 reader (Jekyll, Hugo, PyYAML) would otherwise turn
 * into something else: dates and timestamps stay strings, `no` stays a word. No folding, so
 * each value stays on its line.
 */
const yamlBlock = (data: object): string => stringify(data, { version: '1.1', lineWidth: 0 });

/** The headline as a level-1 heading, escaped exactly as a heading of the body would be. */
const headlineHeading = (headline: string): string => {
  const text = headline.replace(/\s+/g, ' ').trim();
  if (!text) return '#';
  return serializeMarkdown({
    type: 'heading',
    attrs: { level: 1 },
    content: [{ type: 'text', text }],
  });
};

/** `**EMBARGOED UNTIL 15 June 2022, 09:00 CEST (Europe/Vienna)**` under the headline, as on paper. */
const embargoLine = (release: ResolvedRelease): string =>
  release.embargo
    ? serializeMarkdown({
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: formatEmbargoLine(release.embargo, release.language),
            marks: [{ type: 'bold' }],
          },
        ],
      }).trim()
    : '';

export const toMarkdown = (draft: Draft, taxonomies: Taxonomies): string => {
  const release = resolveRelease(draft, taxonomies);
  const parts = [
    `---\n${yamlBlock(frontMatterOf(release))}---`,
    headlineHeading(release.headline),
    embargoLine(release),
    serializeMarkdown(release.body).trim(),
  ];
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
};
