import type { Language } from '../schemas';

/**
 * House typography for text typed or pasted as plain characters: the release language's
 * quotation marks, the en dash, single spaces, and French spacing. One set of rules serves the
 * body as the officer types (typography-extension.ts), the headline and the summary
 * (renderer/components/line-field.tsx), and plain text pasted into the body.
 */

interface Quotes {
  open: string;
  close: string;
  /** The marks of a quotation inside a quotation, where the language has its own (Russian). */
  innerOpen: string;
  innerClose: string;
  openSingle: string;
  closeSingle: string;
}

/**
 * Quotation marks as each release language prints them. French sets its guillemets off with a
 * no-break space. French and Russian quote nothing with single marks: their `'` is always the
 * apostrophe (l’OSCE, О’Нил); Russian quotes inside a quotation with „…“ («Проект „Горизонт“
 * готов»). English's closing single quote is the apostrophe too.
 */
export const QUOTES: Record<Language, Quotes> = {
  en: {
    open: '\u201c',
    close: '\u201d',
    innerOpen: '\u201c',
    innerClose: '\u201d',
    openSingle: '\u2018',
    closeSingle: '\u2019',
  },
  de: {
    open: '\u201e',
    close: '\u201c',
    innerOpen: '\u201e',
    innerClose: '\u201c',
    openSingle: '\u201a',
    closeSingle: '\u2018',
  },
  fr: {
    open: '\u00ab\u00a0',
    close: '\u00a0\u00bb',
    innerOpen: '\u00ab\u00a0',
    innerClose: '\u00a0\u00bb',
    openSingle: '\u2019',
    closeSingle: '\u2019',
  },
  ru: {
    open: '\u00ab',
    close: '\u00bb',
    innerOpen: '\u201e',
    innerClose: '\u201c',
    openSingle: '\u2019',
    closeSingle: '\u2019',
  },
};

const APOSTROPHE = '\u2019';
const EN_DASH = '\u2013';
const NBSP = '\u00a0';
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** What may follow a closing quote: nothing, a space, or punctuation that ends a phrase. */
const ENDS_PHRASE = /^(?:$|[\s,.;:!?)\]}\u2026])/u;

/**
 * What may stand before an opening quote: a space, a line break, an opening bracket or dash, or
 * an opening mark of the language (not its closing ones: German closes with “ and ‘).
 */
const opensAfter = (before: string, language: Language): boolean => {
  const previous = before.slice(-1);
  if (previous === '' || /[\s([{<\u2013\u2014/-]/u.test(previous)) return true;
  const { open, innerOpen, openSingle } = QUOTES[language];
  return [open.trim(), innerOpen.trim(), openSingle.trim()].includes(previous);
};

/** The double quotations open at the end of `text`, innermost last, as their opening marks. */
const openQuotations = (text: string, language: Language): string[] => {
  const { open, close, innerOpen, innerClose } = QUOTES[language];
  const [o, c, io, ic] = [open, close, innerOpen, innerClose].map((mark) => mark.trim());
  const stack: string[] = [];
  for (const character of text) {
    if (character === o || character === io) stack.push(character);
    else if (character === c || character === ic) stack.pop();
  }
  return stack;
};

/**
 * What a straight double quote becomes between `before` and `after` (`after` is empty when
 * nothing follows yet). Before a word, after a space or an apostrophe (l’"Europe"), it opens,
 * inside a quotation too (with „ in Russian); after a word it closes. Between spaces or before
 * punctuation it closes an open quotation in French (`" oui "` is « oui »), and otherwise opens
 * only when none is open. `trim` is how many spaces at the end of `before` the mark replaces
 * (a French closing guillemet brings its own no-break space).
 */
export const doubleQuoteFor = (
  before: string,
  after: string,
  language: Language,
): { mark: string; trim: number } => {
  const quotes = QUOTES[language];
  const open = openQuotations(before, language);
  const opening = (): { mark: string; trim: number } => ({
    mark: open.length > 0 ? quotes.innerOpen : quotes.open,
    trim: 0,
  });
  const afterApostrophe = /['\u2019]$/u.test(before) && open.length === 0;
  if (afterApostrophe) return opening();
  if (opensAfter(before, language)) {
    const endsHere = ENDS_PHRASE.test(after);
    if (!endsHere) return opening();
    const spacedClose = language === 'fr' || after !== '' || /[^\s]$/u.test(before);
    if (open.length === 0 || !spacedClose) return opening();
  }
  const inner = open.at(-1) === quotes.innerOpen.trim() && open.length > 1;
  const trim = language === 'fr' ? (/[ \u00a0]*$/u.exec(before)?.[0].length ?? 0) : 0;
  return { mark: inner ? quotes.innerClose : quotes.close, trim };
};

/**
 * What a straight single quote becomes: the apostrophe before an elided year (the ’90s, die
 * ’90er), an opening single quote after a space, the language's closing one when a single
 * quotation is open and no letter follows, else the apostrophe (don’t, l’OSCE).
 */
export const singleQuoteFor = (before: string, after: string, language: Language): string => {
  const { openSingle, closeSingle } = QUOTES[language];
  if (/^\d\d(?!\d)/u.test(after)) return APOSTROPHE;
  if (opensAfter(before, language)) return openSingle;
  const next = after.charAt(0);
  const quoting =
    openSingle !== closeSingle && before.lastIndexOf(openSingle) > before.lastIndexOf(closeSingle);
  if (quoting && !(next !== '' && LETTER_OR_DIGIT.test(next))) return closeSingle;
  return APOSTROPHE;
};

/** Both kinds of straight quote, in one pass that knows which quotations are open. */
const setQuotes = (text: string, language: Language, context: string, following: string) => {
  let out = context;
  for (let i = 0; i < text.length; i += 1) {
    const character = text.charAt(i);
    const after = (text.slice(i + 1) + following).slice(0, 3);
    if (character === '"') {
      const { mark, trim } = doubleQuoteFor(out, after, language);
      // Spaces before a French closing guillemet are trimmed only within the new text.
      const trimmed = Math.min(trim, out.length - context.length);
      out = out.slice(0, out.length - trimmed) + mark;
    } else if (character === "'") {
      out += singleQuoteFor(out, after, language);
    } else {
      out += character;
    }
  }
  return out.slice(context.length);
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

/**
 * Web and e-mail addresses keep their characters exactly (`media--law`, `?a=1`), up to the
 * quote or punctuation that ends the sentence around them.
 */
const ADDRESS =
  /(?:\b(?:https?:\/\/|ftp:\/\/|www\.)|[\w.+-]+@[\w-]+\.)[^\s"'\u201c\u201d\u2018\u2019]*?(?=["'\u201c\u201d\u2018\u2019]|[.,;:!?)\]]*(?:\s|$))/giu;

/** A character the text does not contain, to stand for an address while the rest is set. */
const freeCharacter = (text: string): string => {
  for (let code = 0xe000; code <= 0xf8ff; code += 1) {
    const candidate = String.fromCharCode(code);
    if (!text.includes(candidate)) return candidate;
  }
  return '';
};

/**
 * House typography for a whole text (a paste): `context` is the text before it and `following`
 * the text after it where it lands, which decide its first and last quotes; neither is changed.
 */
export const normaliseTypography = (
  text: string,
  language: Language = 'en',
  context = '',
  following = '',
): string => {
  const stand = freeCharacter(text + context + following);
  const addresses: string[] = [];
  const guarded = stand
    ? text.replace(ADDRESS, (address) => {
        addresses.push(address);
        return stand;
      })
    : text;
  // One character of context on either side, for the rules that look at their neighbours.
  const lead = context.slice(-1);
  const spaced = `${lead}${guarded}`
    // Spaces first, so that ` -  word` is still a spaced hyphen below.
    .replace(/ {2,}/g, ' ')
    .replace(/(?<=\S) (?:-|--) (?=\S)/gu, ` ${EN_DASH} `)
    // `2022--2023`, not a line of hyphens (`-----`) or a command-line option.
    .replace(/(?<=[\p{L}\p{N}])--(?=[\p{L}\p{N}])/gu, EN_DASH)
    .slice(lead.length);
  const set = setQuotes(spaced, language, context, following);
  const french = language === 'fr' ? spaceFrench(set) : set;
  let index = 0;
  return stand ? french.replaceAll(stand, () => addresses[index++] ?? '') : french;
};

/**
 * What typing one character between `before` and `after` does: the text before it (whose last
 * characters may change: the space before a French `:` becomes a no-break space, ` -` an en
 * dash, ‘ before a year the apostrophe) and what goes in (a quotation mark, nothing for a second
 * space). The body's input rules and the headline and summary fields both type through this.
 */
export const typeCharacter = (
  before: string,
  typed: string,
  language: Language,
  after = '',
): { before: string; inserted: string } => {
  const { openSingle, closeSingle } = QUOTES[language];
  if (typed === '"') {
    const { mark, trim } = doubleQuoteFor(before, after, language);
    return { before: before.slice(0, before.length - trim), inserted: mark };
  }
  if (typed === "'") return { before, inserted: singleQuoteFor(before, after, language) };
  if (typed === ' ') {
    if (/\S $/u.test(before)) return { before, inserted: '' };
    if (/\S -$/u.test(before)) return { before: `${before.slice(0, -1)}${EN_DASH}`, inserted: ' ' };
    if (language === 'fr' && before.endsWith(`\u00ab${NBSP}`)) return { before, inserted: '' };
  }
  // `--` makes an en dash after a word or a space, not in a line of hyphens or an address.
  if (typed === '-' && /[\p{L}\p{N}\s]-$/u.test(before) && !/[/@.]\S*-$/u.test(before))
    return { before: before.slice(0, -1), inserted: EN_DASH };
  if (language === 'fr' && /^[:;!?]$/u.test(typed) && before.endsWith(' '))
    return { before: `${before.slice(0, -1)}${NBSP}`, inserted: typed };
  // French: a guillemet typed after a space closed the quotation, but a word follows it, so it
  // opened one inside (« il a parlé de « paix » »).
  if (language === 'fr' && LETTER_OR_DIGIT.test(typed) && before.endsWith(`${NBSP}\u00bb`))
    return { before: `${before.slice(0, -2)} \u00ab${NBSP}`, inserted: typed };
  // An opening single quote turns out to be an apostrophe: before a year (’90s), or inside a
  // word (geht’s, O’Neill) where a German or Russian closing quote was set.
  if (/^\d$/u.test(typed) && before.endsWith(openSingle) && /(?:^|\s)\S$/u.test(before))
    return { before: `${before.slice(0, -1)}${APOSTROPHE}`, inserted: typed };
  if (
    LETTER_OR_DIGIT.test(typed) &&
    closeSingle !== APOSTROPHE &&
    before.endsWith(closeSingle) &&
    LETTER_OR_DIGIT.test(before.slice(-2, -1))
  )
    return { before: `${before.slice(0, -1)}${APOSTROPHE}`, inserted: typed };
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
 * the field's text before and after it and the caret (the end of the selection) after it:
 * a character typed is set as in the body, text pasted, dropped or put in by the spelling
 * checker is set with the text around it, and a line break becomes a space. Deleting, undoing
 * and redoing set nothing, so Ctrl+Z after a quote was set gives back the straight one, and it
 * stays. Null when nothing changes.
 */
export const typesetInput = (
  previous: string,
  current: string,
  caret: number,
  inputType: string,
  language: Language,
): { value: string; caret: number } | null => {
  if (/^(?:history|delete)/.test(inputType)) {
    // A one-line field never holds a line break, not even one that undo brings back.
    return current.includes('\n') ? { value: current.replace(/\n/g, ' '), caret } : null;
  }
  const changed = changedRange(previous, current);
  // What was typed ends at the caret: a space typed before a space is not one typed after it.
  const shift = Math.max(0, Math.min(changed.endNew - caret, changed.start));
  const start = changed.start - shift;
  const endNew = changed.endNew - shift;
  const typed = current.slice(start, endNew).replace(/\n/g, ' ');
  if (typed === '') return null;
  const before = current.slice(0, start);
  const after = current.slice(endNew);
  const set =
    /^insert(?:Composition)?Text$/.test(inputType) && typed.length === 1
      ? typeCharacter(before, typed, language, after)
      : { before, inserted: normaliseTypography(typed, language, before, after) };
  const value = set.before + set.inserted + after;
  if (value === current) return null;
  const moved = value.length - current.length;
  return {
    value,
    caret: caret >= endNew ? caret + moved : set.before.length + set.inserted.length,
  };
};
