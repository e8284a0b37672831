import { IsoDateSchema, type RichNode } from '../../shared/schemas';

export interface LeadingDateline {
  /** The matched text, dash and following space included: what to cut from the paragraph. */
  text: string;
  cities: string[];
  country: string | null;
  /** YYYY-MM-DD, or null when the date in it is not a real one. */
  date: string | null;
}

/*
 * House style is `VIENNA, 15 June 2022 – `, but older releases vary: `BELGRADE, 25 April 2015- `,
 * an em dash, a missing space. The pattern takes all of them; city names are in capitals.
 */
const DATELINE =
  /^(\p{Lu}[\p{Lu}\p{M} .'’/-]*?), (?:(\p{L}[\p{L}\p{M} .'’()-]*?), )?(\d{1,2}) (\p{L}+) (\d{4}) ?[–—-] ?/u;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const isoDate = (day: string, monthName: string, year: string): string | null => {
  const month = MONTHS.indexOf(monthName.toLowerCase()) + 1;
  if (month === 0) return null;
  const iso = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return IsoDateSchema.safeParse(iso).success ? iso : null;
};

export const matchDateline = (text: string): LeadingDateline | null => {
  const match = DATELINE.exec(text);
  if (!match) return null;
  const [matched, cities = '', country, day = '', month = '', year = ''] = match;
  return {
    text: matched,
    cities: cities.split('/').map((city) => city.trim()),
    country: country ?? null,
    date: isoDate(day, month, year),
  };
};

/**
 * The body with the dateline cut from the head of its first paragraph, and the dateline found.
 * A paragraph that held nothing but the dateline goes with it, unless it is all the body has.
 */
export const splitLeadingDateline = (
  body: RichNode,
): { body: RichNode; dateline: LeadingDateline | null } => {
  const [first, ...rest] = body.content ?? [];
  const [lead, ...inline] = first?.type === 'paragraph' ? (first.content ?? []) : [];
  if (!first || lead?.type !== 'text' || lead.marks?.length) return { body, dateline: null };
  const dateline = matchDateline(lead.text ?? '');
  if (!dateline) return { body, dateline: null };
  const remainder = (lead.text ?? '').slice(dateline.text.length);
  const content = remainder ? [{ ...lead, text: remainder }, ...inline] : inline;
  const paragraphs =
    content.length > 0 ? [{ ...first, content }] : rest.length > 0 ? [] : [{ type: 'paragraph' }];
  return { body: { ...body, content: [...paragraphs, ...rest] }, dateline };
};
