import type { Language } from '../schemas';

/**
 * House typography for text typed or pasted as plain characters (the headline, the summary, a
 * plain-text paste into the body): the release language's quotation marks, the en dash, single
 * spaces. The body's input rules (typography-extension.ts) do the same as the officer types.
 */

export interface Quotes {
  open: string;
  close: string;
  openSingle: string;
}

/**
 * Quotation marks as each release language prints them. French sets its guillemets off with a
 * no-break space; the closing single quote is ’ everywhere, since it doubles as the apostrophe.
 */
export const QUOTES: Record<Language, Quotes> = {
  en: { open: '\u201c', close: '\u201d', openSingle: '\u2018' },
  de: { open: '\u201e', close: '\u201c', openSingle: '\u201a' },
  fr: { open: '\u00ab\u00a0', close: '\u00a0\u00bb', openSingle: '\u2039\u00a0' },
  ru: { open: '\u00ab', close: '\u00bb', openSingle: '\u201e' },
};

/** What may stand before an opening quote: a space, an opening bracket, quote or dash. */
export const BEFORE_OPENING = '[\\s([{<\u2018\u201a\u201c\u201e\u00ab\u2039\u2013\u2014/-]';
const OPENS = `(?<=^|${BEFORE_OPENING})`;

const OPENING_CONTEXT = new RegExp(BEFORE_OPENING, 'u');

/** Whether a quotation in the language's marks is open at the end of `text`. */
const quotationOpen = (text: string, language: Language): boolean => {
  const { open, close } = QUOTES[language];
  return text.lastIndexOf(open.trim()) > text.lastIndexOf(close.trim());
};

/**
 * What a straight double quote becomes between `before` and `after` (`after` is empty when it is
 * typed at the end): after a space and before a word it opens, after a word it closes, and with
 * spaces on both sides (French typists type « oui » as `" oui "`) it does whatever the quotation
 * needs, judged by the marks already in `before`. `trim` is how many spaces at the end of
 * `before` the mark replaces (a French closing guillemet brings its own no-break space).
 */
export const doubleQuoteFor = (
  before: string,
  after: string,
  language: Language,
): { mark: string; trim: number } => {
  const { open, close } = QUOTES[language];
  const previous = before.slice(-1);
  const opensAfter = previous === '' || OPENING_CONTEXT.test(previous);
  const spaceAfter = after === '' || /^\s/u.test(after);
  if (opensAfter && (!spaceAfter || !quotationOpen(before, language)))
    return { mark: open, trim: 0 };
  const trim = language === 'fr' ? (/[ \u00a0]*$/u.exec(before)?.[0].length ?? 0) : 0;
  return { mark: close, trim };
};

const setDoubleQuotes = (text: string, language: Language): string => {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const character = text.charAt(i);
    if (character !== '"') {
      out += character;
      continue;
    }
    const { mark, trim } = doubleQuoteFor(out, text.slice(i + 1, i + 2), language);
    out = out.slice(0, out.length - trim) + mark;
  }
  return out;
};

/**
 * French: one no-break space inside guillemets, however many spaces were typed there, and a
 * no-break space (not an ordinary one, which may break the line) before : ; ! and ?.
 */
const spaceFrench = (text: string): string =>
  text
    .replace(/ (?=[:;!?])/g, '\u00a0')
    .replace(/([\u00ab\u2039])[ \u00a0]+/gu, '$1\u00a0')
    .replace(/[ \u00a0]+([\u00bb\u203a])/gu, '\u00a0$1');

export const normaliseTypography = (text: string, language: Language = 'en'): string => {
  const quotes = QUOTES[language];
  const spaced = text
    // Spaces first, so that ` -  word` is still a spaced hyphen below.
    .replace(/ {2,}/g, ' ')
    .replace(/(?<=\S) (?:-|--) (?=\S)/gu, ' \u2013 ')
    .replace(/(?<=\S)--(?=\S)/gu, '\u2013');
  const set = setDoubleQuotes(spaced, language)
    // An elided century (the ’90s) takes the apostrophe, not an opening quote.
    .replace(/'(?=\d\ds?\b)/g, '\u2019')
    .replace(new RegExp(`${OPENS}'`, 'gu'), quotes.openSingle)
    // What is left is a closing quote or an apostrophe (don’t): both are ’.
    .replace(/'/g, '\u2019');
  return language === 'fr' ? spaceFrench(set) : set;
};

/**
 * House typography for a plain text field as the officer types in it: only the text before the
 * caret is set (that is where typing and pasting happen), so nothing after it moves, and the
 * caret stays where it was relative to the text around it.
 */
export const typesetBeforeCaret = (
  value: string,
  caret: number,
  language: Language,
): { value: string; caret: number } => {
  const before = normaliseTypography(value.slice(0, caret), language);
  return { value: before + value.slice(caret), caret: before.length };
};
