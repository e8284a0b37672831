import {
  emptyMeta,
  IsoDateSchema,
  type ReleaseMeta,
  type Taxonomies,
  type Term,
} from '../../shared/schemas';

export interface FrontMatterMeta {
  meta: ReleaseMeta;
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

/** The release metadata a front matter describes; anything it cannot use is a warning. */
export const metaFromFrontMatter = (
  frontMatter: Record<string, unknown>,
  taxonomies: Taxonomies,
): FrontMatterMeta => {
  const warnings: string[] = [];
  const termIds = (field: string, terms: readonly Term[]): string[] => {
    const ids: string[] = [];
    for (const value of asList(frontMatter[field])) {
      const term = findTerm(terms, value);
      if (!term) {
        warnings.push(`${field}: "${shown(value)}" is not in the taxonomy, so it was left out.`);
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

  const { date, headline, dateline, datelineCountry } = frontMatter;
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
    headline: typeof headline === 'string' ? headline : null,
    dateline: typeof dateline === 'string' ? dateline : null,
    datelineCountryGiven: typeof datelineCountry === 'boolean',
    warnings,
  };
};
