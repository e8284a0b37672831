import { Extension, InputRule, textInputRule } from '@tiptap/core';
import type { Language } from '../schemas';

interface Quotes {
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

const OPENS = '(?:^|[\\s([{<\u2018\u201a\u201c\u201e\u00ab\u2039\u2013\u2014/-])';

declare module '@tiptap/core' {
  interface Storage {
    typographyRules: { language: Language };
  }
  interface Commands<ReturnType> {
    typographyRules: {
      /** The language whose quotation marks typing produces from now on. */
      setQuoteLanguage: (language: Language) => ReturnType;
    };
  }
}

/**
 * House typography as the officer types: `"` becomes the release language's opening or closing
 * quote by what stands before it (“…” in English, „…“ in German, « … » in French, «…» in
 * Russian), `'` an opening single quote or the apostrophe ’, `--` and a spaced hyphen the en dash,
 * and a second space is swallowed. Input rules only, no nodes or marks: the schema, and so the
 * exporters, stay as they are. Backspace right after gives back the typed character.
 */
export const TypographyRules = Extension.create<object, { language: Language }>({
  name: 'typographyRules',

  addStorage() {
    return { language: 'en' };
  },

  addCommands() {
    return {
      setQuoteLanguage: (language) => () => {
        this.storage.language = language;
        return true;
      },
    };
  },

  addInputRules() {
    const quotes = () => QUOTES[this.storage.language] ?? QUOTES.en;
    // The replacement is read when the rule fires, so a change of language applies at once.
    const quoteRule = (find: RegExp, pick: (q: Quotes) => string) =>
      new InputRule({
        find,
        handler: (props) => textInputRule({ find, replace: pick(quotes()) }).handler(props),
      });
    return [
      quoteRule(new RegExp(`${OPENS}(")$`), (q) => q.open),
      quoteRule(/"$/, (q) => q.close),
      quoteRule(new RegExp(`${OPENS}(')$`), (q) => q.openSingle),
      textInputRule({ find: /'$/, replace: '\u2019' }),
      textInputRule({ find: /\S( - )$/, replace: ' \u2013 ' }),
      textInputRule({ find: /--$/, replace: '\u2013' }),
      textInputRule({ find: /\S( {2})$/, replace: ' ' }),
    ];
  },
});
