import { DEFAULT_TIME_ZONE, embargoProblem } from '../../shared/embargo';
import {
  DraftIdSchema,
  emptyBlocks,
  emptyMeta,
  IsoDateSchema,
  LanguageSchema,
  type Embargo,
  type ReleaseBlocks,
  type ReleaseMeta,
  type Taxonomies,
  type Term,
  type TermField,
  type UnresolvedTerm,
} from '../../shared/schemas';

export interface FrontMatterMeta {
  meta: ReleaseMeta;
  blocks: ReleaseBlocks;
  headline: string | null;
  /** The front matter's dateline, when it has one: it may say what the metadata leaves out. */
  dateline: string | null;
  /** Whether `datelineCountry` was given, so a dateline may not overrule it. */
  datelineCountryGiven: boolean;
  warnings: string[];
}

/** Fields our own export writes that describe the file rather than the release. */
const IGNORED = new Set(['id', 'language', 'status', 'createdAt', 'updatedAt']);
const USED = new Set([
  'headline',
  'lead',
  'language',
  'embargo',
  'datelineDate',
  'contact',
  'about',
  'endMark',
  'translations',
  'contentType',
  'date',
  'dateline',
  'datelineCountry',
  'places',
  'sources',
  'fieldsOfWork',
  'countries',
]);

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** What a hand-written value is called in a warning. */
const shown = (value: unknown): string => {
  if (typeof value === 'object' && value !== null) {
    const { id, label } = value as { id?: unknown; label?: unknown };
    if (typeof label === 'string') return label;
    if (typeof id === 'string') return id;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
};

/**
 * A term written as our export writes it (`{id, label}`) or by hand (`Vienna`, `vienna`, `ODIHR`):
 * by id first, since ids never change, then by label or abbreviation, ignoring case.
 */
const findTerm = (terms: readonly Term[], value: unknown): Term | undefined => {
  const { id, label } =
    typeof value === 'string'
      ? { id: value, label: value }
      : typeof value === 'object' && value !== null
        ? (value as { id?: unknown; label?: unknown })
        : {};
  return (
    (typeof id === 'string' ? terms.find((term) => term.id === id.trim()) : undefined) ??
    (typeof label === 'string'
      ? terms.find(
          (term) =>
            same(term.label, label) || (!!term.abbreviation && same(term.abbreviation, label)),
        )
      : undefined)
  );
};

const asList = (value: unknown): unknown[] =>
  value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];

const toIsoDate = (value: unknown): string | null => {
  // A YAML date is midnight UTC, so its UTC date is the one that was written.
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  return typeof text === 'string' && IsoDateSchema.safeParse(text.trim()).success
    ? text.trim()
    : null;
};

/** A term the taxonomy does not know, kept as the file wrote it (nothing usable: null). */
const unresolvedTerm = (field: TermField, value: unknown): UnresolvedTerm | null => {
  if (typeof value === 'string')
    return value.trim() ? { field, id: null, label: value.trim() } : null;
  if (typeof value !== 'object' || value === null) return null;
  const { id, label } = value as { id?: unknown; label?: unknown };
  const idText = typeof id === 'string' && id.trim() ? id.trim().slice(0, 120) : null;
  const labelText = typeof label === 'string' && label.trim() ? label.trim() : idText;
  return labelText ? { field, id: idText, label: labelText.slice(0, 300) } : null;
};

/**
 * `embargo: {until: 2022-06-15T09:00:00+02:00, timeZone: Europe/Vienna}` as our export writes
 * it, or a bare date-time by hand. The wall-clock time is what the officer set, so it is read
 * as written (the offset only repeats what the zone says).
 */
const readEmbargo = (value: unknown, warnings: string[]): Embargo | null => {
  if (value === null || value === undefined) return null;
  const record =
    typeof value === 'object' && !(value instanceof Date)
      ? (value as { until?: unknown; timeZone?: unknown })
      : { until: value };
  const until = record.until instanceof Date ? record.until.toISOString() : record.until;
  const local =
    typeof until === 'string' ? /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.exec(until.trim()) : null;
  const zoneGiven = typeof record.timeZone === 'string' ? record.timeZone.trim() : null;
  // A bare instant in UTC (`Z`) is a time in UTC; anything else without a zone is the house's.
  const zone =
    zoneGiven ??
    (typeof until === 'string' && /Z$/i.test(until.trim()) ? 'UTC' : DEFAULT_TIME_ZONE);
  const embargo = local ? { localDateTime: local[0].replace(' ', 'T'), timeZone: zone } : null;
  // A zone this computer does not know, a 30 February: left out with a word, as a save refuses it.
  if (!embargo || embargoProblem(embargo)) {
    warnings.push(`embargo: "${shown(value)}" is not a date and time with a known time zone.`);
    return null;
  }
  return embargo;
};

const readBlocks = (frontMatter: Record<string, unknown>, warnings: string[]): ReleaseBlocks => {
  const blocks = emptyBlocks();
  for (const key of ['lead', 'contact', 'about'] as const) {
    const value = frontMatter[key];
    if (value === null || value === undefined) continue;
    if (typeof value === 'string') blocks[key] = value;
    else warnings.push(`${key}: "${shown(value)}" is not text, so it was left out.`);
  }
  blocks.endMark = frontMatter['endMark'] === true;
  return blocks;
};

/** The release metadata a front matter describes; anything it cannot use is a warning. */
export const metaFromFrontMatter = (
  frontMatter: Record<string, unknown>,
  taxonomies: Taxonomies,
): FrontMatterMeta => {
  const warnings: string[] = [];
  const unresolved: UnresolvedTerm[] = [];
  const termIds = (field: TermField, terms: readonly Term[]): string[] => {
    const ids: string[] = [];
    for (const value of asList(frontMatter[field])) {
      const term = findTerm(terms, value);
      if (!term) {
        const kept = unresolvedTerm(field, value);
        if (kept) unresolved.push(kept);
        warnings.push(
          `${field}: "${shown(value)}" is not in the taxonomy; it was kept as an unmatched term.`,
        );
      } else if (term.selectable === false) {
        warnings.push(`${field}: "${term.label}" is a group heading, so it was left out.`);
      } else if (!ids.includes(term.id)) {
        ids.push(term.id);
      }
    }
    return ids;
  };

  const meta = emptyMeta();
  const contentTypes = termIds('contentType', taxonomies.contentTypes);
  if (contentTypes.length > 1) {
    warnings.push(`contentType: a release has one content type; "${contentTypes[0]}" was kept.`);
  }
  meta.contentTypeId = contentTypes[0] ?? null;
  meta.placeIds = termIds('places', taxonomies.places);
  meta.sourceIds = termIds('sources', taxonomies.sources);
  meta.fieldOfWorkIds = termIds('fieldsOfWork', taxonomies.fieldsOfWork);
  meta.countryIds = termIds('countries', taxonomies.countries);

  meta.unresolvedTerms = unresolved;
  const { date, headline, dateline, datelineCountry, datelineDate, language } = frontMatter;
  if (datelineDate !== null && datelineDate !== undefined) {
    meta.datelineDate = toIsoDate(datelineDate);
    if (!meta.datelineDate) warnings.push(`datelineDate: "${shown(datelineDate)}" is not a date.`);
  }
  if (language !== null && language !== undefined) {
    const parsed = LanguageSchema.safeParse(
      typeof language === 'string' ? language.trim() : language,
    );
    if (parsed.success) meta.language = parsed.data;
    else warnings.push(`language: "${shown(language)}" is not a language the editor writes in.`);
  }
  meta.embargo = readEmbargo(frontMatter['embargo'], warnings);
  meta.translationIds = asList(frontMatter['translations']).filter(
    (id): id is string => DraftIdSchema.safeParse(id).success,
  );
  if (date !== null && date !== undefined) {
    meta.date = toIsoDate(date);
    if (!meta.date) warnings.push(`date: "${shown(date)}" is not a date written YYYY-MM-DD.`);
  }
  if (typeof datelineCountry === 'boolean') meta.datelineCountry = datelineCountry;
  if (headline !== undefined && headline !== null && typeof headline !== 'string') {
    warnings.push(`headline: "${shown(headline)}" is not text, so it was left out.`);
  }
  for (const key of Object.keys(frontMatter)) {
    if (!USED.has(key) && !IGNORED.has(key)) {
      warnings.push(`The front matter field "${key}" is not used by the editor.`);
    }
  }

  return {
    meta,
    blocks: readBlocks(frontMatter, warnings),
    headline: typeof headline === 'string' ? headline : null,
    dateline: typeof dateline === 'string' ? dateline : null,
    datelineCountryGiven: typeof datelineCountry === 'boolean',
    warnings,
  };
};
