/**
 * House typography for text typed or pasted as plain characters: typographic quotes, the spaced
 * en dash, single spaces. Quotes are the English ones (“ ” ‘ ’) the house uses in every release.
 */

/** What may stand before an opening quote: nothing, a space, an opening bracket or dash. */
const OPENS = '(?<=^|[\\s([{<\u2018\u201c\u2013\u2014/-])';

export const OPEN_DOUBLE = new RegExp(`${OPENS}"`, 'gu');
export const OPEN_SINGLE = new RegExp(`${OPENS}'`, 'gu');

export const normaliseTypography = (text: string): string =>
  text
    // Spaces first, so that ` -  word` is still a spaced hyphen below.
    .replace(/ {2,}/g, ' ')
    .replace(/(?<=\S) (?:-|--) (?=\S)/gu, ' \u2013 ')
    .replace(OPEN_DOUBLE, '\u201c')
    .replace(/"/g, '\u201d')
    // An elided century (the ’90s) takes the apostrophe, not an opening quote.
    .replace(/'(?=\d\ds?\b)/g, '\u2019')
    .replace(OPEN_SINGLE, '\u2018')
    // What is left is a closing quote or an apostrophe (don’t): both are ’.
    .replace(/'/g, '\u2019');
