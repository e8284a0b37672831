import { datelineFor } from '../../shared/dateline';
import { withSafeLinks } from '../../shared/export/body';
import { releaseMarkdown } from '../../shared/export/markdown-manager';
import { ServiceError } from '../../shared/result';
import {
  DocSchema,
  HeadlineSchema,
  ReleaseMetaSchema,
  type ReleaseBlocks,
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
  blocks: ReleaseBlocks;
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
  if (meta.placeIds.length > 0) {
    // An HTML export says the places but not whether the dateline names the country: it shows.
    if (!datelineCountryGiven && dateline.country && meta.placeIds.length === 1) {
      meta.datelineCountry = true;
    }
    return;
  }
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

/** A paragraph that is only an HTML comment: the export's list separator, or a note by hand. */
const isComment = (node: RichNode): boolean =>
  node.type === 'paragraph' &&
  node.content?.length === 1 &&
  node.content[0]?.type === 'text' &&
  !node.content[0].marks?.length &&
  /^<!--[\s\S]*-->$/.test(node.content[0].text?.trim() ?? '');

const withoutComments = (node: RichNode): RichNode =>
  node.content
    ? { ...node, content: node.content.filter((child) => !isComment(child)).map(withoutComments) }
    : node;

/**
 * Why a parsed file is not a body: the limit it breaks when it breaks one (too deep, too many
 * parts), said as such, or that it could not be read.
 */
export const unreadable = (
  sourceName: string,
  format: string,
  issues: readonly { path: PropertyKey[]; message: string; code?: string }[],
): string => {
  const bound = issues.find((issue) => issue.code === 'custom' && issue.path.length === 0);
  return bound
    ? `${sourceName}: the text ${bound.message}, so it was not imported.`
    : `${sourceName}: the ${format} could not be read.`;
};

const parseBody = (markdown: string, sourceName: string): RichNode => {
  const parsed = DocSchema.safeParse(releaseMarkdown().parse(markdown));
  if (!parsed.success) throw invalid(unreadable(sourceName, 'Markdown', parsed.error.issues));
  const body = withoutComments(wrapStrayInline(parsed.data));
  return body.content?.length ? body : { ...body, content: [{ type: 'paragraph' }] };
};

/** The body without `dateline` + space at the head of its first paragraph, or null. */
const cutExactDateline = (body: RichNode, dateline: string): RichNode | null => {
  const [first, ...rest] = body.content ?? [];
  const [lead, ...inline] = first?.type === 'paragraph' ? (first.content ?? []) : [];
  if (!first || lead?.type !== 'text' || lead.marks?.length) return null;
  const text = lead.text ?? '';
  if (text !== dateline && !text.startsWith(`${dateline} `)) return null;
  const remainder = text.slice(dateline.length + 1);
  const content = remainder ? [{ ...lead, text: remainder }, ...inline] : inline;
  const paragraphs =
    content.length > 0 ? [{ ...first, content }] : rest.length > 0 ? [] : [{ type: 'paragraph' }];
  return { ...body, content: [...paragraphs, ...rest] };
};

/** What a format-specific reader hands over: metadata as a front-matter-like record, the body. */
export interface ReadRelease {
  frontMatter: Record<string, unknown>;
  body: RichNode;
  /** The headline the text itself gives (a first `#` heading, an `<h1>`), if any. */
  headline: string | null;
  warnings: string[];
}

/**
 * The part every format shares: metadata mapped to the taxonomies, the dateline read into the
 * metadata and out of the text, the result checked against the editor's schema.
 */
export const assembleRelease = (
  read: ReadRelease,
  taxonomies: Taxonomies,
  sourceName: string,
): ImportedRelease => {
  const fromFrontMatter = metaFromFrontMatter(read.frontMatter, taxonomies);
  const { meta, datelineCountryGiven } = fromFrontMatter;
  const warnings = [...fromFrontMatter.warnings, ...read.warnings];

  // Our own export opens the body with the dateline its metadata makes, in any language: cut
  // exactly that. Anything else that looks like a dateline is read by the pattern below.
  const expected = datelineFor(meta, taxonomies);
  const exact = expected ? cutExactDateline(read.body, expected) : null;
  // Links the editor would refuse (javascript:, data:, relative) lose their target, keep their text.
  const parsedBody = withSafeLinks(exact ?? read.body);
  const split = exact ? { body: exact, dateline: null } : splitLeadingDateline(parsedBody);
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

  // The front matter's headline is taken as written; one read from a heading is trimmed.
  const headline = fromFrontMatter.headline ?? (read.headline ?? '').trim();
  if (!headline) warnings.push('No headline found: the release has none yet.');
  if (!HeadlineSchema.safeParse(headline).success) {
    throw invalid(`${sourceName}: the headline is longer than 500 characters.`);
  }
  const checkedMeta = ReleaseMetaSchema.safeParse(meta);
  if (!checkedMeta.success) {
    const issue = checkedMeta.error.issues[0];
    throw invalid(`${sourceName}: ${issue?.path.join('.') ?? 'metadata'}: ${issue?.message ?? ''}`);
  }
  return {
    headline,
    body: validatedBody(body, sourceName),
    meta: checkedMeta.data,
    blocks: fromFrontMatter.blocks,
    warnings,
  };
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
  const prepared = prepareMarkdown(markdown);
  return assembleRelease(
    {
      frontMatter: frontMatter ?? {},
      body: parseBody(prepared.markdown, sourceName),
      headline: prepared.headline,
      warnings: prepared.warnings,
    },
    taxonomies,
    sourceName,
  );
};
