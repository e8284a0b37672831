import { describe, expect, it } from 'vitest';
import seed from '../../main/store/seed/taxonomies.json';
import { TaxonomiesSchema, type Taxonomies, type Term } from '../../shared/schemas';

const parsed = TaxonomiesSchema.safeParse(seed);
const taxonomies: Taxonomies = TaxonomiesSchema.parse(seed);

const byId = (terms: readonly Term[], id: string): Term => {
  const term = terms.find((t) => t.id === id);
  if (!term) throw new Error(`no term ${id}`);
  return term;
};
const labelsUnder = (terms: readonly Term[], parentId: string): string[] =>
  terms.filter((t) => t.parentId === parentId).map((t) => t.label);

const FIELDS_OF_WORK = [
  'Arms control',
  'Border management',
  'Combating trafficking in human beings',
  'Conflict prevention and resolution',
  'Countering terrorism',
  'Cyber/ICT Security',
  'Democratization',
  'Economic activities',
  'Education',
  'Elections',
  'Environmental activities',
  'Gender equality',
  'Good governance',
  'Human rights',
  'Media freedom and development',
  'Migration',
  'National minority issues',
  'Policing',
  'Reform and co-operation in the security sector',
  'Roma and Sinti',
  'Rule of law',
  'Tolerance and non-discrimination',
  'Youth',
];

const SECRETARIAT_UNITS = [
  'Secretary General',
  'Office of the Secretary General',
  'Conflict Prevention Centre',
  'Transnational Threats Department',
  'Office of the Special Representative and Co-ordinator for Combating Trafficking in Human Beings',
  'Office of the Co-ordinator of OSCE Economic and Environmental Activities',
  'Gender Issues Programme',
  'Opportunities for Youth',
  'Department of Human Resources',
  'Department of Management and Finance',
  'Office of Internal Oversight',
  'Documentation Centre in Prague',
];

const FIELD_OPERATIONS = [
  'OSCE Presence in Albania',
  'OSCE Centre in Ashgabat',
  'OSCE Programme Office in Astana',
  'OSCE Programme Office in Bishkek',
  'OSCE Mission to Bosnia and Herzegovina',
  'OSCE Programme Office in Dushanbe',
  'OSCE Mission in Kosovo',
  'OSCE Mission to Moldova',
  'OSCE Mission to Montenegro',
  'OSCE Mission to Serbia',
  'OSCE Mission to Skopje',
  'OSCE Project Co-ordinator in Uzbekistan',
];

/** Dateline cities the seed must offer, with the country each one is in (null: a territory). */
const REQUIRED_PLACES: Record<string, string | null> = {
  vienna: 'austria',
  warsaw: 'poland',
  'the-hague': 'netherlands',
  prague: 'czechia',
  copenhagen: 'denmark',
  geneva: 'switzerland',
  tirana: 'albania',
  ashgabat: 'turkmenistan',
  astana: 'kazakhstan',
  bishkek: 'kyrgyzstan',
  sarajevo: 'bosnia-and-herzegovina',
  dushanbe: 'tajikistan',
  pristina: null,
  chisinau: 'moldova',
  podgorica: 'montenegro',
  belgrade: 'serbia',
  skopje: 'north-macedonia',
  tashkent: 'uzbekistan',
  osh: 'kyrgyzstan',
  strasbourg: 'france',
  brussels: 'belgium',
  helsinki: 'finland',
};

describe('seed taxonomies', () => {
  it('parses with TaxonomiesSchema', () => {
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('has ids unique within each taxonomy', () => {
    for (const [name, terms] of Object.entries(taxonomies)) {
      const ids = terms.map((t: Term) => t.id);
      const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
      expect(duplicates, name).toEqual([]);
    }
  });

  it('resolves every parentId within its own taxonomy', () => {
    for (const [name, terms] of Object.entries(taxonomies)) {
      const ids = new Set(terms.map((t: Term) => t.id));
      const dangling = terms
        .filter((t: Term) => t.parentId !== undefined && !ids.has(t.parentId))
        .map((t: Term) => `${t.id} -> ${t.parentId}`);
      expect(dangling, name).toEqual([]);
    }
  });

  it('has the five content types', () => {
    expect(taxonomies.contentTypes.map((t) => [t.id, t.label])).toEqual([
      ['press-release', 'Press release'],
      ['news-item', 'News item'],
      ['press-statement', 'Press statement'],
      ['media-advisory', 'Media advisory'],
      ['spot-report', 'Spot report'],
    ]);
  });

  it('has exactly the 23 fields of work of the menu, labels as written there', () => {
    expect(taxonomies.fieldsOfWork.map((t) => t.label)).toEqual(FIELDS_OF_WORK);
    expect(taxonomies.fieldsOfWork).toHaveLength(23);
    expect(byId(taxonomies.fieldsOfWork, 'cyber-ict-security').label).toBe('Cyber/ICT Security');
  });

  describe('countries', () => {
    const { countries } = taxonomies;

    it('has the three groups as headings that cannot be chosen', () => {
      expect(
        countries.filter((t) => t.parentId === undefined).map((t) => [t.id, t.label, t.selectable]),
      ).toEqual([
        ['participating-states', 'Participating States', false],
        ['asian-partners', 'Asian Partners for Co-operation', false],
        ['mediterranean-partners', 'Mediterranean Partners for Co-operation', false],
      ]);
    });

    it('has the 57 participating States', () => {
      const states = labelsUnder(countries, 'participating-states');
      expect(states).toHaveLength(57);
      expect(states).toEqual(expect.arrayContaining(['Austria', 'Holy See', 'Türkiye']));
      expect(byId(countries, 'finland').label).toBe('Finland');
      expect(byId(countries, 'netherlands').label).toBe('The Netherlands');
      expect(byId(countries, 'turkiye').label).toBe('Türkiye');
      expect(byId(countries, 'bosnia-and-herzegovina').parentId).toBe('participating-states');
      expect(byId(countries, 'united-states-of-america').label).toBe('United States of America');
    });

    it('has the 5 Asian and 6 Mediterranean Partners for Co-operation', () => {
      expect(labelsUnder(countries, 'asian-partners')).toEqual([
        'Afghanistan',
        'Australia',
        'Japan',
        'Republic of Korea',
        'Thailand',
      ]);
      expect(labelsUnder(countries, 'mediterranean-partners')).toEqual([
        'Algeria',
        'Egypt',
        'Israel',
        'Jordan',
        'Morocco',
        'Tunisia',
      ]);
    });

    it('puts every country under a group', () => {
      const orphans = countries.filter((t) => t.selectable !== false && !t.parentId);
      expect(orphans).toEqual([]);
      expect(countries).toHaveLength(3 + 57 + 5 + 6);
    });
  });

  describe('sources', () => {
    const { sources } = taxonomies;

    it('has "OSCE Secretariat" with that exact label, selectable', () => {
      const secretariat = sources.filter((t) => t.label === 'OSCE Secretariat');
      expect(secretariat).toHaveLength(1);
      expect(secretariat[0]?.id).toBe('secretariat');
      expect(secretariat[0]?.selectable).not.toBe(false);
    });

    it('has the top level in the order of the menu', () => {
      expect(sources.filter((t) => !t.parentId).map((t) => [t.id, t.label])).toEqual([
        ['chairpersonship', 'OSCE Chairpersonship'],
        ['secretariat', 'OSCE Secretariat'],
        ['institutions', 'Institutions'],
        ['field-operations', 'Field operations'],
        ['parliamentary-assembly', 'OSCE Parliamentary Assembly'],
        ['court-of-conciliation-and-arbitration', 'OSCE Court of Conciliation and Arbitration'],
      ]);
    });

    it('names no country in the Chairpersonship, which rotates', () => {
      const label = byId(sources, 'chairpersonship').label;
      const named = taxonomies.countries.filter((c) => label.includes(c.label));
      expect(named).toEqual([]);
    });

    it('puts the Secretariat units under "OSCE Secretariat"', () => {
      expect(labelsUnder(sources, 'secretariat')).toEqual(SECRETARIAT_UNITS);
    });

    it('puts the three institutions under a heading that cannot be chosen', () => {
      expect(byId(sources, 'institutions').selectable).toBe(false);
      expect(
        sources.filter((t) => t.parentId === 'institutions').map((t) => [t.label, t.abbreviation]),
      ).toEqual([
        ['Office for Democratic Institutions and Human Rights', 'ODIHR'],
        ['High Commissioner on National Minorities', 'HCNM'],
        ['Representative on Freedom of the Media', 'RFoM'],
      ]);
    });

    it('puts the twelve field operations under a heading that cannot be chosen', () => {
      expect(byId(sources, 'field-operations').selectable).toBe(false);
      expect(labelsUnder(sources, 'field-operations')).toEqual(FIELD_OPERATIONS);
    });

    it('gives the Secretariat units their common abbreviations', () => {
      const abbreviations = Object.fromEntries(
        sources.filter((t) => t.abbreviation).map((t) => [t.label, t.abbreviation]),
      );
      expect(abbreviations).toMatchObject({
        'Conflict Prevention Centre': 'CPC',
        'Transnational Threats Department': 'TNTD',
        'Office of the Special Representative and Co-ordinator for Combating Trafficking in Human Beings':
          'OSR/CTHB',
        'Office of the Co-ordinator of OSCE Economic and Environmental Activities': 'OCEEA',
      });
    });
  });

  describe('places', () => {
    const { places, countries } = taxonomies;

    it('has every required dateline city in its country', () => {
      const actual = Object.fromEntries(
        places.filter((p) => p.id in REQUIRED_PLACES).map((p) => [p.id, p.countryId ?? null]),
      );
      expect(actual).toEqual(REQUIRED_PLACES);
    });

    it('points every countryId at a selectable country', () => {
      const selectable = new Set(countries.filter((c) => c.selectable !== false).map((c) => c.id));
      const dangling = places
        .filter((p) => p.countryId !== undefined && !selectable.has(p.countryId))
        .map((p) => `${p.id} -> ${p.countryId}`);
      expect(dangling).toEqual([]);
    });

    it('labels cities in normal case', () => {
      expect(byId(places, 'vienna').label).toBe('Vienna');
      expect(byId(places, 'the-hague').label).toBe('The Hague');
      const shouting = places.filter((p) => p.label === p.label.toUpperCase());
      expect(shouting).toEqual([]);
    });

    it('gives Pristina no country: Kosovo is not a term of the countries taxonomy', () => {
      const pristina = byId(places, 'pristina');
      expect(pristina.label).toBe('Pristina');
      expect(pristina).not.toHaveProperty('countryId');
    });
  });
});
