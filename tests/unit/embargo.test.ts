import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIME_ZONE,
  embargoInstant,
  formatEmbargoLine,
  isEmbargoPast,
  isValidTimeZone,
  timeZones,
} from '../../shared/embargo';
import type { Embargo } from '../../shared/schemas';

const at = (localDateTime: string, timeZone = 'Europe/Vienna'): Embargo => ({
  localDateTime,
  timeZone,
});
const utc = (embargo: Embargo): string => embargoInstant(embargo).toISOString();

describe('embargoInstant', () => {
  it('converts Vienna summer time (UTC+2)', () => {
    expect(utc(at('2022-06-15T09:00'))).toBe('2022-06-15T07:00:00.000Z');
  });

  it('converts Vienna winter time (UTC+1)', () => {
    expect(utc(at('2022-01-15T09:00'))).toBe('2022-01-15T08:00:00.000Z');
  });

  describe('Vienna, spring forward on 29 March 2026 (02:00 CET -> 03:00 CEST)', () => {
    it('keeps winter time just before the gap', () => {
      expect(utc(at('2026-03-29T01:59'))).toBe('2026-03-29T00:59:00.000Z');
    });
    it('moves a time in the gap forward by the gap: 02:30 is 03:30 CEST', () => {
      expect(utc(at('2026-03-29T02:30'))).toBe('2026-03-29T01:30:00.000Z');
      expect(utc(at('2026-03-29T02:00'))).toBe(utc(at('2026-03-29T03:00')));
    });
    it('uses summer time after the gap', () => {
      expect(utc(at('2026-03-29T03:00'))).toBe('2026-03-29T01:00:00.000Z');
      expect(utc(at('2026-03-29T09:00'))).toBe('2026-03-29T07:00:00.000Z');
    });
  });

  describe('Vienna, fall back on 25 October 2026 (03:00 CEST -> 02:00 CET)', () => {
    it('takes the earlier instant for a time that happens twice', () => {
      expect(utc(at('2026-10-25T02:30'))).toBe('2026-10-25T00:30:00.000Z');
      expect(utc(at('2026-10-25T02:00'))).toBe('2026-10-25T00:00:00.000Z');
    });
    it('is on summer time before and winter time after the overlap', () => {
      expect(utc(at('2026-10-25T01:59'))).toBe('2026-10-24T23:59:00.000Z');
      expect(utc(at('2026-10-25T03:00'))).toBe('2026-10-25T02:00:00.000Z');
      expect(utc(at('2026-10-25T09:00'))).toBe('2026-10-25T08:00:00.000Z');
    });
  });

  describe('New York, 8 March and 1 November 2026', () => {
    it('moves 02:30 in the spring gap to 03:30 EDT', () => {
      expect(utc(at('2026-03-08T02:30', 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
      expect(utc(at('2026-03-08T01:59', 'America/New_York'))).toBe('2026-03-08T06:59:00.000Z');
      expect(utc(at('2026-03-08T09:00', 'America/New_York'))).toBe('2026-03-08T13:00:00.000Z');
    });
    it('takes the earlier 01:30 (EDT) in the autumn overlap', () => {
      expect(utc(at('2026-11-01T01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
      expect(utc(at('2026-11-01T09:00', 'America/New_York'))).toBe('2026-11-01T14:00:00.000Z');
    });
  });

  it('converts a zone without daylight saving time (Asia/Tashkent, UTC+5)', () => {
    expect(utc(at('2026-01-15T09:00', 'Asia/Tashkent'))).toBe('2026-01-15T04:00:00.000Z');
    expect(utc(at('2026-07-15T09:00', 'Asia/Tashkent'))).toBe('2026-07-15T04:00:00.000Z');
  });

  it('converts a half-hour zone (Asia/Kolkata, UTC+5:30)', () => {
    expect(utc(at('2026-06-01T09:00', 'Asia/Kolkata'))).toBe('2026-06-01T03:30:00.000Z');
    expect(utc(at('2026-01-01T00:15', 'Asia/Kolkata'))).toBe('2025-12-31T18:45:00.000Z');
  });

  it('converts UTC as it is', () => {
    expect(utc(at('2024-02-29T23:59', 'UTC'))).toBe('2024-02-29T23:59:00.000Z');
  });

  it('rejects an unknown zone', () => {
    expect(() => embargoInstant(at('2026-06-01T09:00', 'Europe/Atlantis'))).toThrow(RangeError);
    expect(() => embargoInstant(at('2026-06-01T09:00', ''))).toThrow(RangeError);
  });

  it.each([
    '2026-02-30T09:00',
    '2026-13-01T09:00',
    '2026-06-01T24:00',
    '2026-06-01T09:60',
    '2026-06-01 09:00',
  ])('rejects the impossible local time %s', (localDateTime) => {
    expect(() => embargoInstant(at(localDateTime))).toThrow(RangeError);
  });
});

describe('isEmbargoPast', () => {
  const embargo = at('2026-06-15T09:00');
  it('is false before the embargo lifts', () => {
    expect(isEmbargoPast(embargo, new Date('2026-06-15T06:59:59Z'))).toBe(false);
  });
  it('is true at the instant and after', () => {
    expect(isEmbargoPast(embargo, new Date('2026-06-15T07:00:00Z'))).toBe(true);
    expect(isEmbargoPast(embargo, new Date('2026-06-16T00:00:00Z'))).toBe(true);
  });
  it('reads the wall time in the embargo zone, not the machine zone', () => {
    const newYork = at('2026-06-15T09:00', 'America/New_York');
    expect(isEmbargoPast(newYork, new Date('2026-06-15T12:59:00Z'))).toBe(false);
    expect(isEmbargoPast(newYork, new Date('2026-06-15T13:00:00Z'))).toBe(true);
  });
});

describe('formatEmbargoLine', () => {
  it('writes the English line with the zone abbreviation and name', () => {
    expect(formatEmbargoLine(at('2022-06-15T09:00'), 'en')).toBe(
      'EMBARGOED UNTIL 15 June 2022, 09:00 CEST (Europe/Vienna)',
    );
    expect(formatEmbargoLine(at('2022-01-03T17:30'), 'en')).toBe(
      'EMBARGOED UNTIL 3 January 2022, 17:30 CET (Europe/Vienna)',
    );
  });

  it('writes the German, Russian and French lines', () => {
    expect(formatEmbargoLine(at('2022-06-15T09:00'), 'de')).toBe(
      'SPERRFRIST: 15. Juni 2022, 09:00 Uhr MESZ (Europe/Vienna)',
    );
    // ICU has no Russian or French abbreviation for Central European time: it prints the offset.
    expect(formatEmbargoLine(at('2022-06-15T09:00'), 'ru')).toMatch(
      /^ЭМБАРГО ДО 15 июня 2022 года, 09:00 (GMT|UTC)\+2 \(Europe\/Vienna\)$/,
    );
    expect(formatEmbargoLine(at('2022-06-01T09:00'), 'fr')).toMatch(
      /^SOUS EMBARGO JUSQU’AU 1er juin 2022, 09:00 (GMT|UTC)\+2 \(Europe\/Vienna\)$/,
    );
  });

  it('prints a time from the spring gap as the clock shows it', () => {
    expect(formatEmbargoLine(at('2026-03-29T02:30'), 'en')).toBe(
      'EMBARGOED UNTIL 29 March 2026, 03:30 CEST (Europe/Vienna)',
    );
  });

  it('names the zone after its offset where there is no abbreviation', () => {
    expect(formatEmbargoLine(at('2026-06-01T09:00', 'Asia/Kolkata'), 'en')).toBe(
      'EMBARGOED UNTIL 1 June 2026, 09:00 GMT+5:30 (Asia/Kolkata)',
    );
  });

  it('says an embargo with an unknown zone is invalid rather than throwing', () => {
    expect(formatEmbargoLine(at('2026-06-01T09:00', 'Mars/Olympus'), 'en')).toBe(
      'EMBARGOED UNTIL 2026-06-01T09:00 (Mars/Olympus): invalid embargo',
    );
  });
});

describe('time zones', () => {
  it('defaults to Vienna', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Europe/Vienna');
  });

  it('lists the IANA zones sorted, with Vienna and the current names of renamed zones', () => {
    const zones = timeZones();
    expect(zones).toContain('Europe/Vienna');
    expect(zones).toContain('America/New_York');
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).not.toContain('Asia/Calcutta');
    expect(zones.length).toBeGreaterThan(300);
    expect([...zones].sort()).toEqual(zones);
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones.every(isValidTimeZone)).toBe(true);
  });

  it('tells valid zones from invalid ones', () => {
    expect(isValidTimeZone('Europe/Vienna')).toBe(true);
    expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('   ')).toBe(false);
    expect(isValidTimeZone('+02:00 Vienna')).toBe(false);
  });
});
