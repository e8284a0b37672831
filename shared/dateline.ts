import type { Language, ReleaseMeta, Taxonomies, Term } from './schemas';

/**
 * Locales whose month names we borrow from Intl. British English, because the house writes
 * `15 June 2022`; Intl's Russian gives the genitive month (`июня`) a date needs.
 */
const DATE_LOCALES: Record<Language, string> = { en: 'en-GB', ru: 'ru', fr: 'fr', de: 'de' };

/** Building an Intl formatter costs far more than using one: one per locale, made once. */
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (locale: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    formatters.set(locale, formatter);
  }
  return formatter;
};

const monthName = (year: number, month: number, language: Language): string => {
  // setUTCFullYear, not Date.UTC, which maps years 0–99 to 1900–1999.
  const date = new Date(new Date(0).setUTCFullYear(year, month - 1, 1));
  const part = formatterFor(DATE_LOCALES[language])
    .formatToParts(date)
    .find((p) => p.type === 'month');
  if (!part) throw new RangeError(`No month ${month} in ${language}`);
  return part.value;
};

/**
 * House style for a date: day without a leading zero, full month, year. Intl supplies the month
 * name; the shapes are fixed here because Intl's own differ from the house's (`15 июня 2022 г.`):
 * en `15 June 2022`, ru `15 июня 2022 года`, fr `15 juin 2022` (`1er juin 2022`), de `15. Juni 2022`.
 */
export const formatHouseDate = (isoDate: string, language: Language = 'en'): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${isoDate}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) throw new RangeError(`No month ${match[2]} in ${isoDate}`);
  // Without this, `2022-06-00` or `2022-02-30` would print as a date that never was.
  const lastDay = new Date(new Date(0).setUTCFullYear(year, month, 0)).getUTCDate();
  if (day < 1 || day > lastDay) {
    throw new RangeError(`No day ${match[3]} in month ${match[2]} of ${match[1]}: ${isoDate}`);
  }
  const name = monthName(year, month, DATE_LOCALES[language] ? language : 'en');
  const yyyy = match[1] ?? '';
  switch (language) {
    case 'ru':
      return `${day} ${name} ${yyyy} года`;
    case 'fr':
      return `${day === 1 ? '1er' : day} ${name} ${yyyy}`;
    case 'de':
      return `${day}. ${name} ${yyyy}`;
    default:
      return `${day} ${name} ${yyyy}`;
  }
};

/** A term's name in the release's language, falling back to its English label. */
export const termLabel = (term: Term, language: Language = 'en'): string =>
  (language === 'en' ? undefined : term.labels?.[language]) ?? term.label;

export interface DatelineCity {
  city: string;
  /** Printed after the city when set: `OSH, Kyrgyzstan, …`. */
  country?: string | undefined;
}

/** The spaced en dash that closes every dateline. */
export const DATELINE_DASH = '\u2013';

/**
 * `VIENNA, 15 June 2022 –`, `VIENNA/WARSAW, 18 July 2022 –`, `OSH, Kyrgyzstan, 14 March 2006 –`,
 * and the same shapes in the other languages (`WIEN, 15. Juni 2022 –`). City names print in
 * capitals in every language, upper-cased by that language's rules; countries as written.
 */
export const formatDateline = (
  cities: readonly DatelineCity[],
  isoDate: string,
  language: Language = 'en',
): string => {
  if (cities.length === 0) throw new RangeError('A dateline needs at least one city');
  const upper = (city: string): string => city.toLocaleUpperCase(DATE_LOCALES[language]);
  const place =
    cities.length === 1 && cities[0]?.country
      ? `${upper(cities[0].city)}, ${cities[0].country}`
      : cities.map((c) => upper(c.city)).join('/');
  return `${place}, ${formatHouseDate(isoDate, language)} ${DATELINE_DASH}`;
};

/** The date the dateline prints: its own when set, else the publishing date. */
export const datelineDateOf = (meta: ReleaseMeta): string | null => meta.datelineDate ?? meta.date;

/** True when the dateline carries another date than the publishing date: worth a warning. */
export const datelineDateDiffers = (meta: ReleaseMeta): boolean =>
  meta.datelineDate !== null && meta.datelineDate !== undefined && meta.datelineDate !== meta.date;

/**
 * The dateline of a release from its metadata, in the release's language, or null while place or
 * date is missing. The dateline date, when set, wins over the publishing date.
 */
export const datelineFor = (meta: ReleaseMeta, taxonomies: Taxonomies): string | null => {
  const date = datelineDateOf(meta);
  if (!date) return null;
  const language = meta.language ?? 'en';
  const cities: DatelineCity[] = [];
  for (const placeId of meta.placeIds) {
    const place = taxonomies.places.find((p) => p.id === placeId);
    if (!place) continue;
    const countryTerm =
      meta.datelineCountry && place.countryId
        ? taxonomies.countries.find((c) => c.id === place.countryId)
        : undefined;
    const country = countryTerm ? termLabel(countryTerm, language) : undefined;
    cities.push({ city: termLabel(place, language), country });
  }
  if (cities.length === 0) return null;
  return formatDateline(cities, date, language);
};
