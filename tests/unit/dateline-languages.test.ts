import { describe, expect, it } from 'vitest';
import seed from '../../main/store/seed/taxonomies.json';
import {
  datelineDateDiffers,
  datelineFor,
  formatDateline,
  formatHouseDate,
  termLabel,
} from '../../shared/dateline';
import { LANGUAGES, TaxonomiesSchema, emptyMeta, type ReleaseMeta } from '../../shared/schemas';

const taxonomies = TaxonomiesSchema.parse(seed);
const meta = (patch: Partial<ReleaseMeta>): ReleaseMeta => ({ ...emptyMeta(), ...patch });

describe('formatHouseDate in every language', () => {
  it.each([
    ['en', '15 June 2022', '1 June 2022', '31 December 2022'],
    ['ru', '15 июня 2022 года', '1 июня 2022 года', '31 декабря 2022 года'],
    ['fr', '15 juin 2022', '1er juin 2022', '31 décembre 2022'],
    ['de', '15. Juni 2022', '1. Juni 2022', '31. Dezember 2022'],
  ] as const)('%s: the 15th, the 1st and the 31st', (language, mid, first, last) => {
    expect(formatHouseDate('2022-06-15', language)).toBe(mid);
    expect(formatHouseDate('2022-06-01', language)).toBe(first);
    expect(formatHouseDate('2022-12-31', language)).toBe(last);
  });

  it('keeps English as the default', () => {
    expect(formatHouseDate('2022-06-15')).toBe('15 June 2022');
  });

  it('names every month in the genitive in Russian', () => {
    const months = Array.from(
      { length: 12 },
      (_, i) => formatHouseDate(`2023-${String(i + 1).padStart(2, '0')}-09`, 'ru').split(' ')[1],
    );
    expect(months).toEqual([
      'января',
      'февраля',
      'марта',
      'апреля',
      'мая',
      'июня',
      'июля',
      'августа',
      'сентября',
      'октября',
      'ноября',
      'декабря',
    ]);
  });

  it('names every month in French and German', () => {
    const month = (language: 'fr' | 'de', m: number): string =>
      formatHouseDate(`2023-${String(m).padStart(2, '0')}-09`, language).split(' ')[1] ?? '';
    const range = Array.from({ length: 12 }, (_, i) => i + 1);
    expect(range.map((m) => month('fr', m))).toEqual([
      'janvier',
      'février',
      'mars',
      'avril',
      'mai',
      'juin',
      'juillet',
      'août',
      'septembre',
      'octobre',
      'novembre',
      'décembre',
    ]);
    expect(range.map((m) => month('de', m))).toEqual([
      'Januar',
      'Februar',
      'März',
      'April',
      'Mai',
      'Juni',
      'Juli',
      'August',
      'September',
      'Oktober',
      'November',
      'Dezember',
    ]);
  });

  it('still rejects impossible dates in every language', () => {
    for (const language of LANGUAGES) {
      expect(() => formatHouseDate('2023-02-29', language)).toThrow(RangeError);
      expect(() => formatHouseDate('2022-06-31', language)).toThrow(RangeError);
      expect(() => formatHouseDate('15.06.2022', language)).toThrow(RangeError);
    }
  });
});

describe('formatDateline in every language', () => {
  it.each([
    ['en', 'Vienna', 'VIENNA, 15 June 2022 \u2013'],
    ['ru', 'Вена', 'ВЕНА, 15 июня 2022 года \u2013'],
    ['fr', 'Vienne', 'VIENNE, 15 juin 2022 \u2013'],
    ['de', 'Wien', 'WIEN, 15. Juni 2022 \u2013'],
  ] as const)('%s: one city', (language, city, expected) => {
    expect(formatDateline([{ city }], '2022-06-15', language)).toBe(expected);
  });

  it('writes several cities, the first and the last of a month', () => {
    expect(formatDateline([{ city: 'Вена' }, { city: 'Варшава' }], '2022-07-01', 'ru')).toBe(
      'ВЕНА/ВАРШАВА, 1 июля 2022 года \u2013',
    );
    expect(formatDateline([{ city: 'Vienne' }, { city: 'Varsovie' }], '2022-07-01', 'fr')).toBe(
      'VIENNE/VARSOVIE, 1er juillet 2022 \u2013',
    );
    expect(formatDateline([{ city: 'Wien' }, { city: 'Warschau' }], '2022-07-31', 'de')).toBe(
      'WIEN/WARSCHAU, 31. Juli 2022 \u2013',
    );
  });

  it('upper-cases by the language: ß becomes SS in German', () => {
    expect(formatDateline([{ city: 'Straßburg' }], '2011-03-21', 'de')).toBe(
      'STRASSBURG, 21. März 2011 \u2013',
    );
  });
});

describe('datelineFor over the seed, in every language', () => {
  const cases = {
    single: meta({ placeIds: ['vienna'], date: '2022-06-15' }),
    several: meta({ placeIds: ['vienna', 'warsaw'], date: '2022-07-18' }),
    withCountry: meta({ placeIds: ['osh'], date: '2006-03-14', datelineCountry: true }),
    hague: meta({ placeIds: ['the-hague'], date: '2023-11-01', datelineCountry: true }),
    first: meta({ placeIds: ['geneva'], date: '2024-03-01' }),
    last: meta({ placeIds: ['brussels', 'helsinki'], date: '2024-03-31' }),
  };

  it.each([
    [
      'en',
      {
        single: 'VIENNA, 15 June 2022 \u2013',
        several: 'VIENNA/WARSAW, 18 July 2022 \u2013',
        withCountry: 'OSH, Kyrgyzstan, 14 March 2006 \u2013',
        hague: 'THE HAGUE, The Netherlands, 1 November 2023 \u2013',
        first: 'GENEVA, 1 March 2024 \u2013',
        last: 'BRUSSELS/HELSINKI, 31 March 2024 \u2013',
      },
    ],
    [
      'ru',
      {
        single: 'ВЕНА, 15 июня 2022 года \u2013',
        several: 'ВЕНА/ВАРШАВА, 18 июля 2022 года \u2013',
        withCountry: 'ОШ, Кыргызстан, 14 марта 2006 года \u2013',
        hague: 'ГААГА, Нидерланды, 1 ноября 2023 года \u2013',
        first: 'ЖЕНЕВА, 1 марта 2024 года \u2013',
        last: 'БРЮССЕЛЬ/ХЕЛЬСИНКИ, 31 марта 2024 года \u2013',
      },
    ],
    [
      'fr',
      {
        single: 'VIENNE, 15 juin 2022 \u2013',
        several: 'VIENNE/VARSOVIE, 18 juillet 2022 \u2013',
        withCountry: 'OCH, Kirghizistan, 14 mars 2006 \u2013',
        hague: 'LA HAYE, Pays-Bas, 1er novembre 2023 \u2013',
        first: 'GENÈVE, 1er mars 2024 \u2013',
        last: 'BRUXELLES/HELSINKI, 31 mars 2024 \u2013',
      },
    ],
    [
      'de',
      {
        single: 'WIEN, 15. Juni 2022 \u2013',
        several: 'WIEN/WARSCHAU, 18. Juli 2022 \u2013',
        withCountry: 'OSCH, Kirgisistan, 14. März 2006 \u2013',
        hague: 'DEN HAAG, Niederlande, 1. November 2023 \u2013',
        first: 'GENF, 1. März 2024 \u2013',
        last: 'BRÜSSEL/HELSINKI, 31. März 2024 \u2013',
      },
    ],
  ] as const)('%s', (language, expected) => {
    for (const [name, m] of Object.entries(cases)) {
      expect(datelineFor({ ...m, language }, taxonomies), name).toBe(
        expected[name as keyof typeof expected],
      );
    }
  });

  it('prints the dateline date when it is set, not the publishing date', () => {
    const m = meta({ placeIds: ['vienna'], date: '2011-03-18', datelineDate: '2011-03-21' });
    expect(datelineFor(m, taxonomies)).toBe('VIENNA, 21 March 2011 \u2013');
    expect(datelineFor({ ...m, language: 'de' }, taxonomies)).toBe('WIEN, 21. März 2011 \u2013');
  });

  it('prints a dateline from the dateline date alone', () => {
    expect(
      datelineFor(
        meta({ placeIds: ['vienna'], date: null, datelineDate: '2022-06-15' }),
        taxonomies,
      ),
    ).toBe('VIENNA, 15 June 2022 \u2013');
  });

  it('falls back to the English label where a language has none', () => {
    const bare = {
      ...taxonomies,
      places: [{ id: 'atlantis', label: 'Atlantis', labels: { de: 'Atlantis-Stadt' } }],
    };
    expect(
      datelineFor(meta({ placeIds: ['atlantis'], date: '2022-06-15', language: 'fr' }), bare),
    ).toBe('ATLANTIS, 15 juin 2022 \u2013');
    expect(
      datelineFor(meta({ placeIds: ['atlantis'], date: '2022-06-15', language: 'de' }), bare),
    ).toBe('ATLANTIS-STADT, 15. Juni 2022 \u2013');
  });
});

describe('seed labels', () => {
  it('names every place and every country in Russian, French and German', () => {
    const terms = [...taxonomies.places, ...taxonomies.countries];
    for (const term of terms) {
      expect(term.labels?.ru, term.id).toMatch(/^[А-ЯЁ]/);
      expect(term.labels?.fr, term.id).toBeTruthy();
      expect(term.labels?.de, term.id).toBeTruthy();
    }
  });

  it('has the usual exonyms', () => {
    const place = (id: string) => taxonomies.places.find((p) => p.id === id);
    expect(place('vienna')?.labels).toEqual({ ru: 'Вена', fr: 'Vienne', de: 'Wien' });
    expect(place('warsaw')?.labels).toEqual({ ru: 'Варшава', fr: 'Varsovie', de: 'Warschau' });
    expect(place('the-hague')?.labels).toEqual({ ru: 'Гаага', fr: 'La Haye', de: 'Den Haag' });
    expect(place('geneva')?.labels).toEqual({ ru: 'Женева', fr: 'Genève', de: 'Genf' });
  });

  it('termLabel keeps English on the label', () => {
    const vienna = taxonomies.places.find((p) => p.id === 'vienna');
    if (!vienna) throw new Error('no Vienna in the seed');
    expect(termLabel(vienna)).toBe('Vienna');
    expect(termLabel(vienna, 'en')).toBe('Vienna');
    expect(termLabel(vienna, 'de')).toBe('Wien');
  });
});

describe('datelineDateDiffers', () => {
  it('is false without a dateline date', () => {
    expect(datelineDateDiffers(meta({ date: '2011-03-18' }))).toBe(false);
  });
  it('is false when both dates are the same', () => {
    expect(datelineDateDiffers(meta({ date: '2011-03-21', datelineDate: '2011-03-21' }))).toBe(
      false,
    );
  });
  it('is true when they differ, or the publishing date is not set yet', () => {
    expect(datelineDateDiffers(meta({ date: '2011-03-18', datelineDate: '2011-03-21' }))).toBe(
      true,
    );
    expect(datelineDateDiffers(meta({ date: null, datelineDate: '2011-03-21' }))).toBe(true);
  });
});
