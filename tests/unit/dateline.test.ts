import { describe, expect, it } from 'vitest';
import seed from '../../main/store/seed/taxonomies.json';
import { DATELINE_DASH, datelineFor, formatDateline, formatHouseDate } from '../../shared/dateline';
import { TaxonomiesSchema, emptyMeta, type ReleaseMeta } from '../../shared/schemas';

const taxonomies = TaxonomiesSchema.parse(seed);
const meta = (patch: Partial<ReleaseMeta>): ReleaseMeta => ({ ...emptyMeta(), ...patch });

describe('formatHouseDate', () => {
  it('writes the day without a leading zero, the full month and the year', () => {
    expect(formatHouseDate('2022-06-15')).toBe('15 June 2022');
    expect(formatHouseDate('2022-07-01')).toBe('1 July 2022');
    expect(formatHouseDate('2022-12-31')).toBe('31 December 2022');
  });

  it.each([
    ['2023-01-09', '9 January 2023'],
    ['2023-02-09', '9 February 2023'],
    ['2023-03-09', '9 March 2023'],
    ['2023-04-09', '9 April 2023'],
    ['2023-05-09', '9 May 2023'],
    ['2023-06-09', '9 June 2023'],
    ['2023-07-09', '9 July 2023'],
    ['2023-08-09', '9 August 2023'],
    ['2023-09-09', '9 September 2023'],
    ['2023-10-09', '9 October 2023'],
    ['2023-11-09', '9 November 2023'],
    ['2023-12-09', '9 December 2023'],
  ])('names the month of %s', (iso, expected) => {
    expect(formatHouseDate(iso)).toBe(expected);
  });

  it('accepts 29 February in a leap year', () => {
    expect(formatHouseDate('2024-02-29')).toBe('29 February 2024');
    expect(formatHouseDate('2000-02-29')).toBe('29 February 2000');
    expect(() => formatHouseDate('1900-02-29')).toThrow(RangeError);
  });

  it.each([
    '',
    '15 June 2022',
    '2022-6-15',
    '2022-06-15T10:00:00Z',
    ' 2022-06-15',
    '2022/06/15',
    '2022-00-15',
    '2022-13-01',
    '2022-06-00',
    '2022-06-32',
    '2022-06-31',
    '2023-02-29',
  ])('throws on the malformed date %j', (bad) => {
    expect(() => formatHouseDate(bad)).toThrow(RangeError);
  });
});

describe('formatDateline', () => {
  it('uses the real en dash, U+2013', () => {
    expect(DATELINE_DASH).toBe('\u2013');
    expect(DATELINE_DASH.codePointAt(0)).toBe(0x2013);
  });

  it('prints a single city in capitals', () => {
    expect(formatDateline([{ city: 'Vienna' }], '2022-06-15')).toBe('VIENNA, 15 June 2022 \u2013');
  });

  it('prints the country after the city, as written', () => {
    expect(formatDateline([{ city: 'Osh', country: 'Kyrgyzstan' }], '2006-03-14')).toBe(
      'OSH, Kyrgyzstan, 14 March 2006 \u2013',
    );
  });

  it('joins several cities with a slash', () => {
    expect(formatDateline([{ city: 'Vienna' }, { city: 'Warsaw' }], '2022-07-18')).toBe(
      'VIENNA/WARSAW, 18 July 2022 \u2013',
    );
    expect(
      formatDateline(
        [{ city: 'Strasbourg' }, { city: 'Vienna' }, { city: 'Warsaw' }],
        '2011-03-21',
      ),
    ).toBe('STRASBOURG/VIENNA/WARSAW, 21 March 2011 \u2013');
  });

  it('prints days 1 and 31 without a leading zero', () => {
    expect(formatDateline([{ city: 'Vienna' }], '2022-03-01')).toBe('VIENNA, 1 March 2022 \u2013');
    expect(formatDateline([{ city: 'Vienna' }], '2022-03-31')).toBe('VIENNA, 31 March 2022 \u2013');
  });

  it('needs a city', () => {
    expect(() => formatDateline([], '2022-06-15')).toThrow(RangeError);
  });

  it('throws on a malformed date', () => {
    expect(() => formatDateline([{ city: 'Vienna' }], '15/06/2022')).toThrow(RangeError);
    expect(() => formatDateline([{ city: 'Vienna' }], '2022-02-30')).toThrow(RangeError);
  });
});

describe('datelineFor over the seed taxonomies', () => {
  it('prints Vienna on 15 June 2022', () => {
    expect(datelineFor(meta({ placeIds: ['vienna'], date: '2022-06-15' }), taxonomies)).toBe(
      'VIENNA, 15 June 2022 \u2013',
    );
  });

  it('capitalises every word of a city: THE HAGUE', () => {
    expect(datelineFor(meta({ placeIds: ['the-hague'], date: '2023-11-02' }), taxonomies)).toBe(
      'THE HAGUE, 2 November 2023 \u2013',
    );
  });

  it('prints the country label when datelineCountry is set', () => {
    expect(
      datelineFor(
        meta({ placeIds: ['osh'], date: '2006-03-14', datelineCountry: true }),
        taxonomies,
      ),
    ).toBe('OSH, Kyrgyzstan, 14 March 2006 \u2013');
    expect(
      datelineFor(
        meta({ placeIds: ['the-hague'], date: '2022-06-15', datelineCountry: true }),
        taxonomies,
      ),
    ).toBe('THE HAGUE, The Netherlands, 15 June 2022 \u2013');
  });

  it('prints no country when datelineCountry is not set', () => {
    expect(datelineFor(meta({ placeIds: ['osh'], date: '2006-03-14' }), taxonomies)).toBe(
      'OSH, 14 March 2006 \u2013',
    );
  });

  it('prints several places in the order chosen', () => {
    expect(
      datelineFor(meta({ placeIds: ['vienna', 'warsaw'], date: '2022-07-18' }), taxonomies),
    ).toBe('VIENNA/WARSAW, 18 July 2022 \u2013');
    expect(
      datelineFor(meta({ placeIds: ['warsaw', 'vienna'], date: '2022-07-18' }), taxonomies),
    ).toBe('WARSAW/VIENNA, 18 July 2022 \u2013');
  });

  it('prints just the city for Pristina, which has no country term', () => {
    expect(
      datelineFor(
        meta({ placeIds: ['pristina'], date: '2024-04-05', datelineCountry: true }),
        taxonomies,
      ),
    ).toBe('PRISTINA, 5 April 2024 \u2013');
    expect(
      datelineFor(
        meta({ placeIds: ['pristina'], date: '2024-04-05', datelineCountry: true, language: 'ru' }),
        taxonomies,
      ),
    ).toBe('ПРИШТИНА, 5 апреля 2024 года \u2013');
  });

  it('is null while the date is missing', () => {
    expect(datelineFor(meta({ placeIds: ['vienna'], date: null }), taxonomies)).toBeNull();
  });

  it('is null while no place is chosen', () => {
    expect(datelineFor(meta({ placeIds: [], date: '2022-06-15' }), taxonomies)).toBeNull();
  });

  it('skips a place that is not in the taxonomy', () => {
    expect(
      datelineFor(meta({ placeIds: ['atlantis'], date: '2022-06-15' }), taxonomies),
    ).toBeNull();
    expect(
      datelineFor(meta({ placeIds: ['atlantis', 'vienna'], date: '2022-06-15' }), taxonomies),
    ).toBe('VIENNA, 15 June 2022 \u2013');
  });
});
