import type { ReleaseMeta, Taxonomies } from './schemas';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** House style for a date: day without a leading zero, full month, year — `15 June 2022`. */
export const formatHouseDate = (isoDate: string): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${isoDate}`);
  const [, year, month, day] = match;
  const monthName = MONTHS[Number(month) - 1];
  if (!monthName) throw new RangeError(`No month ${month} in ${isoDate}`);
  // Without this, `2022-06-00` or `2022-02-30` would print as a date that never was.
  // setUTCFullYear, not Date.UTC, which maps years 0–99 to 1900–1999.
  const lastDay = new Date(new Date(0).setUTCFullYear(Number(year), Number(month), 0)).getUTCDate();
  if (Number(day) < 1 || Number(day) > lastDay) {
    throw new RangeError(`No day ${day} in ${monthName} ${year}: ${isoDate}`);
  }
  return `${Number(day)} ${monthName} ${year}`;
};

export interface DatelineCity {
  city: string;
  /** Printed after the city when set: `OSH, Kyrgyzstan, …`. */
  country?: string | undefined;
}

/** The spaced en dash that closes every dateline. */
export const DATELINE_DASH = '\u2013';

/**
 * `VIENNA, 15 June 2022 –`, `VIENNA/WARSAW, 18 July 2022 –`, `OSH, Kyrgyzstan, 14 March 2006 –`.
 * City names print in capitals (in the locale of the city's own script), countries as written.
 */
export const formatDateline = (cities: readonly DatelineCity[], isoDate: string): string => {
  if (cities.length === 0) throw new RangeError('A dateline needs at least one city');
  const place =
    cities.length === 1 && cities[0]?.country
      ? `${cities[0].city.toLocaleUpperCase('en')}, ${cities[0].country}`
      : cities.map((c) => c.city.toLocaleUpperCase('en')).join('/');
  return `${place}, ${formatHouseDate(isoDate)} ${DATELINE_DASH}`;
};

/** The dateline of a release from its metadata, or null while place or date is missing. */
export const datelineFor = (meta: ReleaseMeta, taxonomies: Taxonomies): string | null => {
  if (!meta.date) return null;
  const cities: DatelineCity[] = [];
  for (const placeId of meta.placeIds) {
    const place = taxonomies.places.find((p) => p.id === placeId);
    if (!place) continue;
    const country =
      meta.datelineCountry && place.countryId
        ? taxonomies.countries.find((c) => c.id === place.countryId)?.label
        : undefined;
    cities.push({ city: place.label, country });
  }
  if (cities.length === 0) return null;
  return formatDateline(cities, meta.date);
};
