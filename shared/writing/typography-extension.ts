import { Extension, InputRule, textInputRule } from '@tiptap/core';
import type { Language } from '../schemas';
import { BEFORE_OPENING, doubleQuoteFor, QUOTES, type Quotes } from './typography';

const OPENS = `(?:^|${BEFORE_OPENING})`;

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
    const language = () => this.storage.language;
    return [
      // Opening or closing by the text before it in the paragraph, as normaliseTypography decides.
      new InputRule({
        find: /"$/,
        handler: ({ state, range }) => {
          const $from = state.doc.resolve(range.from);
          const before = $from.parent.textBetween(0, $from.parentOffset, undefined, '\ufffc');
          const { mark, trim } = doubleQuoteFor(before, '', language());
          state.tr.insertText(mark, range.from - trim, range.to);
        },
      }),
      // French: the guillemet brings its no-break space, so a space typed after it is swallowed…
      textInputRule({ find: /[\u00ab\u2039]\u00a0( )$/, replace: '' }),
      // …and the space typed before : ; ! ? becomes a no-break space, as French typesetting has it.
      new InputRule({
        find: / [:;!?]$/,
        handler: ({ state, range, match }) => {
          if (language() !== 'fr') return null;
          state.tr.insertText(`\u00a0${match[0].slice(1)}`, range.from, range.to);
        },
      }),
      quoteRule(new RegExp(`${OPENS}(')$`), (q) => q.openSingle),
      textInputRule({ find: /'$/, replace: '\u2019' }),
      textInputRule({ find: /\S( - )$/, replace: ' \u2013 ' }),
      textInputRule({ find: /--$/, replace: '\u2013' }),
      textInputRule({ find: /\S( {2})$/, replace: ' ' }),
    ];
  },
});
