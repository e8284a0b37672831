import { formatHouseDate } from './dateline';
import { isValidTimeZone, localDateTimeParts } from './local-time';
import type { Embargo, Language } from './schemas';

export { isValidTimeZone };

/** The organisation's seat: what an embargo's zone is until the officer picks another. */
export const DEFAULT_TIME_ZONE = 'Europe/Vienna';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * ICU still lists some zones under their old names; officers look for the current ones. Each
 * is swapped only where the runtime knows the new name, so the list holds valid zones only.
 */
const CURRENT_NAMES: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
};

/** The IANA zones an officer can choose from, sorted, always including Europe/Vienna. */
export const timeZones = (): string[] => {
  const zones = new Set(
    Intl.supportedValuesOf('timeZone').map((zone) => {
      const current = CURRENT_NAMES[zone];
      return current && isValidTimeZone(current) ? current : zone;
    }),
  );
  zones.add(DEFAULT_TIME_ZONE);
  return [...zones].sort();
};

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds the zone's wall clock is ahead of UTC at the instant, read from Intl. */
const zoneOffset = (timeZone: string, instant: number): number => {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    offsetFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const era = parts.find((p) => p.type === 'era')?.value ?? 'AD';
  const year = era === 'BC' || era === 'B' ? 1 - get('year') : get('year');
  const wall = new Date(0).setUTCFullYear(year, get('month') - 1, get('day'));
  const whole = Math.floor(instant / 1000) * 1000;
  return wall + ((get('hour') * 60 + get('minute')) * 60 + get('second')) * 1000 - whole;
};

/** The local wall time as if it were UTC, checked to be a real calendar date and clock time. */
const wallClock = (localDateTime: string): number => {
  const parts = localDateTimeParts(localDateTime);
  if (!parts) throw new RangeError(`No such local date and time: ${localDateTime}`);
  const { year, month, day, hour, minute } = parts;
  return new Date(new Date(0).setUTCFullYear(year, month - 1, day)).setUTCHours(hour, minute);
};

/**
 * Why an embargo cannot be read (a zone this computer does not know, a date that is not on the
 * calendar), or null. Saves refuse such an embargo; one already stored shows as invalid.
 */
export const embargoProblem = (embargo: Embargo): string | null => {
  if (!isValidTimeZone(embargo.timeZone)) return `"${embargo.timeZone}" is not a known time zone`;
  if (!localDateTimeParts(embargo.localDateTime)) {
    return `"${embargo.localDateTime}" is not a real date and time (YYYY-MM-DDTHH:MM)`;
  }
  return null;
};

/**
 * The UTC instant of an embargo's local wall time in its IANA zone.
 *
 * Intl has no "local time to instant" call, so each offset the zone uses around that day
 * (probed a day before, at, and a day after) is tried, and kept when the zone really shows
 * that wall time at the resulting instant. Across a daylight-saving change:
 * - a wall time that happens twice (autumn overlap, 02:30 in Vienna on 25 October 2026) takes
 *   the earlier instant, the one still on summer time: an embargo lifts at the first moment the
 *   clock reads the time, never an hour late;
 * - a wall time that never happens (spring gap, 02:30 in Vienna on 29 March 2026) is moved
 *   forward by the gap, to 03:30 summer time: the instant the clock would have read 02:30 had
 *   it not jumped, which is later than any time before the gap, so the embargo is not broken.
 * Throws a RangeError for an unknown zone or an impossible date.
 */
export const embargoInstant = (embargo: Embargo): Date => {
  if (!isValidTimeZone(embargo.timeZone)) {
    throw new RangeError(`Unknown time zone: ${embargo.timeZone}`);
  }
  const wall = wallClock(embargo.localDateTime);
  const before = zoneOffset(embargo.timeZone, wall - DAY);
  const offsets = new Set([
    before,
    zoneOffset(embargo.timeZone, wall),
    zoneOffset(embargo.timeZone, wall + DAY),
  ]);
  const matches = [...offsets]
    .map((offset) => wall - offset)
    .filter((instant) => wall - zoneOffset(embargo.timeZone, instant) === instant)
    .sort((a, b) => a - b);
  // In a gap no offset fits; the offset in force before the change carries the time past it.
  return new Date(matches[0] ?? wall - before);
};

/**
 * True once the embargo has lifted: at its instant or after. An embargo that cannot be read
 * has not lifted: better held back than sent early.
 */
export const isEmbargoPast = (embargo: Embargo, now: Date): boolean => {
  if (embargoProblem(embargo) !== null) return false;
  try {
    return embargoInstant(embargo).getTime() <= now.getTime();
  } catch {
    return false;
  }
};

/** Locales for the zone's short name: British English prints `CEST` where en-US prints `GMT+2`. */
const ZONE_NAME_LOCALES: Record<Language, string> = { en: 'en-GB', ru: 'ru', fr: 'fr', de: 'de' };

/** Said after an embargo that cannot be read, so the line still shows what was stored. */
const INVALID: Record<Language, string> = {
  en: 'invalid embargo',
  ru: 'недействительное эмбарго',
  fr: 'embargo non valide',
  de: 'ungültige Sperrfrist',
};

const EMBARGO_LINES: Record<Language, (when: string) => string> = {
  en: (when) => `EMBARGOED UNTIL ${when}`,
  ru: (when) => `ЭМБАРГО ДО ${when}`,
  fr: (when) => `SOUS EMBARGO JUSQU\u2019AU ${when}`,
  de: (when) => `SPERRFRIST: ${when}`,
};

/** `15 June 2022, 09:00 CEST (Europe/Vienna)`, for an embargo that can be read. */
const readableEmbargo = (embargo: Embargo, language: Language): string => {
  const instant = embargoInstant(embargo);
  const parts = new Intl.DateTimeFormat(ZONE_NAME_LOCALES[language], {
    timeZone: embargo.timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  const year = get('year').padStart(4, '0');
  const date = formatHouseDate(`${year}-${get('month')}-${get('day')}`, language);
  const time = `${get('hour')}:${get('minute')}`;
  const clock = language === 'de' ? `${time} Uhr` : time;
  return `${date}, ${clock} ${get('timeZoneName')} (${embargo.timeZone})`;
};

/**
 * The line printed above an embargoed release, e.g.
 * `EMBARGOED UNTIL 15 June 2022, 09:00 CEST (Europe/Vienna)`. The time is the one the clock in
 * the zone shows at the embargo's instant (so a time in a spring gap prints as moved forward);
 * the zone's IANA name follows its short name, which alone can be ambiguous or just `GMT+5`.
 */
export const formatEmbargoLine = (embargo: Embargo, language: Language = 'en'): string => {
  const line = EMBARGO_LINES[language] ?? EMBARGO_LINES.en;
  // One that cannot be read prints what was stored and says so; it never throws, which would
  // take the library, and every other release in it, down with it.
  const invalid = (): string =>
    `${line(`${embargo.localDateTime} (${embargo.timeZone})`)}: ${INVALID[language] ?? INVALID.en}`;
  if (embargoProblem(embargo) !== null) return invalid();
  try {
    return line(readableEmbargo(embargo, language));
  } catch {
    return invalid();
  }
};
