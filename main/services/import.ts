import { datelineFor } from '../../shared/dateline';
import { releaseMarkdown } from '../../shared/export/markdown-manager';
import { ServiceError } from '../../shared/result';
import {
  DocSchema,
  HeadlineSchema,
  ReleaseMetaSchema,
  type ReleaseMeta,
  type RichNode,
  type Taxonomies,
} from '../../shared/schemas';
import { validatedBody, wrapStrayInline } from './import-body';
import { matchDateline, splitLeadingDateline, type LeadingDateline } from './import-dateline';
import { splitFrontMatter } from './import-front-matter';
import { prepareMarkdown } from './import-markdown-source';
import { metaFromFrontMatter } from './import-meta';

export interface ImportedRelease {
  headline: string;
  body: RichNode;
  meta: ReleaseMeta;
  /** What could not be taken over, in words for the user. */
  warnings: string[];
}

const invalid = (message: string): ServiceError => new ServiceError('INVALID_INPUT', message);

/**
 * A dateline may carry what the metadata lacks (a hand-written file has only the dateline):
 * it fills the date and the places when they are unset, never overrules them.
 */
const fillFromDateline = (
  meta: ReleaseMeta,
  dateline: LeadingDateline,
  taxonomies: Taxonomies,
  datelineCountryGiven: boolean,
  warnings: string[],
): void => {
  if (!meta.date && dateline.date) meta.date = dateline.date;
  if (meta.placeIds.length > 0) return;
  const places = dateline.cities.map((city) => ({
    city,
    place: taxonomies.places.find((p) => p.label.toLowerCase() === city.toLowerCase()),
  }));
  const unknown = places.filter(({ place }) => !place).map(({ city }) => `"${city}"`);
  if (unknown.length > 0) {
    warnings.push(`dateline: ${unknown.join(', ')} is not a place in the taxonomy.`);
    return;
  }
  meta.placeIds = places.flatMap(({ place }) => (place ? [place.id] : []));
  if (!datelineCountryGiven) meta.datelineCountry = !!dateline.country && places.length === 1;
};

const parseBody = (markdown: string, sourceName: string): RichNode => {
  const parsed = DocSchema.safeParse(releaseMarkdown().parse(markdown));
  if (!parsed.success) throw invalid(`${sourceName}: the Markdown could not be read.`);
  const body = wrapStrayInline(parsed.data);
  return body.content?.length ? body : { ...body, content: [{ type: 'paragraph' }] };
};

/**
 * A release from a Markdown file: our own export (front matter with `{id, label}` terms) or a
 * hand-written one (plain labels, or no front matter at all). Nothing the file says is lost
 * without a warning; a file that cannot be read at all is an INVALID_INPUT error.
 */
export const parseMarkdownRelease = (
  text: string,
  taxonomies: Taxonomies,
  sourceName: string,
): ImportedRelease => {
  if (text.includes('\0')) {
    throw invalid(`${sourceName} contains NUL bytes: it is a binary file, not Markdown.`);
  }
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!normalized.trim()) throw invalid(`${sourceName} is empty: there is nothing to import.`);

  const { frontMatter, markdown } = splitFrontMatter(normalized, sourceName);
  const fromFrontMatter = metaFromFrontMatter(frontMatter ?? {}, taxonomies);
  const { meta, datelineCountryGiven } = fromFrontMatter;
  const prepared = prepareMarkdown(markdown);
  const warnings = [...fromFrontMatter.warnings, ...prepared.warnings];

  const parsedBody = parseBody(prepared.markdown, sourceName);
  const split = splitLeadingDateline(parsedBody);
  const datelines = [
    fromFrontMatter.dateline && matchDateline(fromFrontMatter.dateline),
    split.dateline,
  ];
  for (const dateline of datelines) {
    if (dateline) fillFromDateline(meta, dateline, taxonomies, datelineCountryGiven, warnings);
  }
  // The dateline is printed from the metadata on export: cut it only if it will come back.
  const keepDateline = !!split.dateline && !datelineFor(meta, taxonomies);
  const body = keepDateline ? parsedBody : split.body;
  if (split.dateline && keepDateline) {
    warnings.push(`The dateline "${split.dateline.text.trim()}" was kept in the text.`);
  }

  const headline = (fromFrontMatter.headline ?? prepared.headline ?? '').trim();
  if (!headline) warnings.push('No headline found: the release has none yet.');
  if (!HeadlineSchema.safeParse(headline).success) {
    throw invalid(`${sourceName}: the headline is longer than 500 characters.`);
  }
  const checkedMeta = ReleaseMetaSchema.safeParse(meta);
  if (!checkedMeta.success) {
    const issue = checkedMeta.error.issues[0];
    throw invalid(`${sourceName}: ${issue?.path.join('.') ?? 'metadata'}: ${issue?.message ?? ''}`);
  }
  return { headline, body: validatedBody(body, sourceName), meta: checkedMeta.data, warnings };
};
