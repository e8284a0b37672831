import type { Language } from '../schemas';

/**
 * House typography for text typed or pasted as plain characters: the release language's
 * quotation marks, the en dash, single spaces, and French spacing. One set of rules serves the
 * body as the officer types (typography-extension.ts), the headline and the summary
 * (renderer/components/line-field.tsx), and plain text pasted into the body.
 */

export interface Quotes {
  open: string;
  close: string;
  openSingle: string;
  closeSingle: string;
}

/**
 * Quotation marks as each release language prints them. French sets its guillemets off with a
 * no-break space and quotes nothing with single marks: its `'` is always the apostrophe (l’OSCE).
 * English's closing single quote is the apostrophe too.
 */
export const QUOTES: Record<Language, Quotes> = {
  en: { open: '\u201c', close: '\u201d', openSingle: '\u2018', closeSingle: '\u2019' },
  de: { open: '\u201e', close: '\u201c', openSingle: '\u201a', closeSingle: '\u2018' },
  fr: { open: '\u00ab\u00a0', close: '\u00a0\u00bb', openSingle: '\u2019', closeSingle: '\u2019' },
  ru: { open: '\u00ab', close: '\u00bb', openSingle: '\u201e', closeSingle: '\u201c' },
};

const APOSTROPHE = '\u2019';
const EN_DASH = '\u2013';
const NBSP = '\u00a0';

/** What may stand before an opening quote: a space, a line break, an opening bracket, quote or dash. */
const OPENING_CONTEXT = /[\s([{<\u2018\u201a\u201c\u201e\u00ab\u2013\u2014/-]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

const opensAfter = (before: string): boolean => {
  const previous = before.slice(-1);
  return previous === '' || OPENING_CONTEXT.test(previous);
};

/** Whether a quotation between `open` and `close` is open at the end of `text`. */
const isOpen = (text: string, open: string, close: string): boolean =>
  open !== close && text.lastIndexOf(open) > text.lastIndexOf(close);

/**
 * What a straight double quote becomes between `before` and `after` (`after` is empty when it is
 * typed at the end): after a space or an apostrophe (l’"Europe") and before a word it opens,
 * after a word it closes, and with spaces on both sides (French typists type « oui » as
 * `" oui "`) it does whatever the quotation needs, judged by the marks already in `before`.
 * `trim` is how many spaces at the end of `before` the mark replaces (a French closing
 * guillemet brings its own no-break space).
 */
export const doubleQuoteFor = (
  before: string,
  after: string,
  language: Language,
): { mark: string; trim: number } => {
  const { open, close } = QUOTES[language];
  const quoting = isOpen(before, open.trim(), close.trim());
  const spaceAfter = after === '' || /^\s/u.test(after);
  const afterApostrophe = /['\u2019]$/u.test(before) && !quoting;
  if ((opensAfter(before) && (!spaceAfter || !quoting)) || afterApostrophe)
    return { mark: open, trim: 0 };
  const trim = language === 'fr' ? (/[ \u00a0]*$/u.exec(before)?.[0].length ?? 0) : 0;
  return { mark: close, trim };
};

/**
 * What a straight single quote becomes: an opening single quote after a space, the language's
 * closing one when a single quotation is open and no letter follows, else the apostrophe
 * (don’t, l’OSCE, the ’90s).
 */
export const singleQuoteFor = (before: string, after: string, language: Language): string => {
  const { openSingle, closeSingle } = QUOTES[language];
  if (/^\d\ds?\b/u.test(after)) return APOSTROPHE;
  if (opensAfter(before)) return openSingle;
  const next = after.charAt(0);
  if (isOpen(before, openSingle, closeSingle) && !(next !== '' && LETTER_OR_DIGIT.test(next)))
    return closeSingle;
  return APOSTROPHE;
};

/** Both kinds of straight quote, in one pass that knows which quotations are open. */
const setQuotes = (text: string, language: Language): string => {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const character = text.charAt(i);
    const after = text.slice(i + 1, i + 4);
    if (character === '"') {
      const { mark, trim } = doubleQuoteFor(out, after, language);
      out = out.slice(0, out.length - trim) + mark;
    } else if (character === "'") {
      out += singleQuoteFor(out, after, language);
    } else {
      out += character;
    }
  }
  return out;
};

/**
 * French: one no-break space inside guillemets, however many spaces were typed there, and a
 * no-break space (not an ordinary one, which may break the line) before : ; ! and ?.
 */
const spaceFrench = (text: string): string =>
  text
    .replace(/ (?=[:;!?])/g, NBSP)
    .replace(/\u00ab[ \u00a0]+/gu, `\u00ab${NBSP}`)
    .replace(/[ \u00a0]+\u00bb/gu, `${NBSP}\u00bb`);

/** Web addresses and e-mail addresses keep their characters exactly: `media--law`, `?a=1`. */
const ADDRESS = /\b(?:https?:\/\/|ftp:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

/** A character the text does not contain, to stand for an address while the rest is set. */
const freeCharacter = (text: string): string => {
  for (let code = 0xe000; code <= 0xf8ff; code += 1) {
    const candidate = String.fromCharCode(code);
    if (!text.includes(candidate)) return candidate;
  }
  return '';
};

export const normaliseTypography = (text: string, language: Language = 'en'): string => {
  const stand = freeCharacter(text);
  const addresses: string[] = [];
  const guarded = stand
    ? text.replace(ADDRESS, (address) => {
        addresses.push(address);
        return stand;
      })
    : text;
  const spaced = guarded
    // Spaces first, so that ` -  word` is still a spaced hyphen below.
    .replace(/ {2,}/g, ' ')
    .replace(/(?<=\S) (?:-|--) (?=\S)/gu, ` ${EN_DASH} `)
    // `2022--2023`, not a line of hyphens (`-----`) or a command-line option.
    .replace(/(?<=[\p{L}\p{N}])--(?=[\p{L}\p{N}])/gu, EN_DASH);
  const set = setQuotes(spaced, language);
  const french = language === 'fr' ? spaceFrench(set) : set;
  let index = 0;
  return stand ? french.replaceAll(stand, () => addresses[index++] ?? '') : french;
};

/**
 * What typing one character at the end of `before` does: the text before it (whose last
 * characters may change: the space before a French `:` becomes a no-break space, ` -` an en
 * dash) and what goes in its place (a quotation mark, nothing for a second space). The body's
 * input rules and the headline and summary fields both type through this.
 */
export const typeCharacter = (
  before: string,
  typed: string,
  language: Language,
): { before: string; inserted: string } => {
  if (typed === '"') {
    const { mark, trim } = doubleQuoteFor(before, '', language);
    return { before: before.slice(0, before.length - trim), inserted: mark };
  }
  if (typed === "'") return { before, inserted: singleQuoteFor(before, '', language) };
  if (typed === ' ') {
    if (/\S $/u.test(before)) return { before, inserted: '' };
    if (/\S -$/u.test(before)) return { before: `${before.slice(0, -1)}${EN_DASH}`, inserted: ' ' };
    if (language === 'fr' && before.endsWith(`\u00ab${NBSP}`)) return { before, inserted: '' };
  }
  if (typed === '-' && before.endsWith('-'))
    return { before: before.slice(0, -1), inserted: EN_DASH };
  if (language === 'fr' && /^[:;!?]$/u.test(typed) && before.endsWith(' '))
    return { before: `${before.slice(0, -1)}${NBSP}`, inserted: typed };
  return { before, inserted: typed };
};

/** Where two texts differ: from `start`, up to `endOld` in the first and `endNew` in the second. */
export const changedRange = (
  previous: string,
  current: string,
): { start: number; endOld: number; endNew: number } => {
  let start = 0;
  const shorter = Math.min(previous.length, current.length);
  while (start < shorter && previous[start] === current[start]) start += 1;
  let tail = 0;
  while (
    tail < shorter - start &&
    previous[previous.length - 1 - tail] === current[current.length - 1 - tail]
  )
    tail += 1;
  return { start, endOld: previous.length - tail, endNew: current.length - tail };
};

/**
 * House typography for a one-line field (the headline, the summary) after an input event, with
 * the field's text before and after it and the caret after it:
 * a character typed is set as in the body, text pasted or dropped is set as a whole, and a line
 * break becomes a space. Deleting, undoing and redoing are left alone, so Ctrl+Z after a quote
 * was set gives back the straight one, and it stays. Null when nothing changes.
 */
export const typesetInput = (
  previous: string,
  current: string,
  caret: number,
  inputType: string,
  language: Language,
): { value: string; caret: number } | null => {
  if (/^(?:history|delete)/.test(inputType)) return null;
  const changed = changedRange(previous, current);
  // What was typed ends at the caret: a space typed before a space is not one typed after it.
  const shift = Math.max(0, changed.endNew - caret);
  const start = Math.max(0, changed.start - shift);
  const endNew = changed.endNew - shift;
  const typed = current.slice(start, endNew).replace(/\n/g, ' ');
  if (typed === '') return null;
  const before = current.slice(0, start);
  const set =
    /^insert(?:Composition)?Text$/.test(inputType) && typed.length === 1
      ? typeCharacter(before, typed, language)
      : { before, inserted: normaliseTypography(typed, language) };
  const value = set.before + set.inserted + current.slice(endNew);
  return value === current ? null : { value, caret: set.before.length + set.inserted.length };
};
