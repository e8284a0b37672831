import { Extension, InputRule } from '@tiptap/core';
import type { ResolvedPos } from '@tiptap/pm/model';
import type { Language } from '../schemas';
import { changedRange, typeCharacter } from './typography';

/**
 * The text of a position's paragraph before it (from `start`) and after it, with a line break as
 * `\n`, one character as in the document, so lengths map back to positions.
 */
export const textBefore = ($pos: ResolvedPos, start = 0): string =>
  $pos.parent.textBetween(start, $pos.parentOffset, undefined, '\n');
export const textAfter = ($pos: ResolvedPos): string =>
  $pos.parent.textBetween($pos.parentOffset, $pos.parent.content.size, undefined, '\n');

/**
 * The keystrokes typeCharacter may change, with what must stand before them: a quote; a space
 * after a space, a hyphen or a no-break space; a hyphen after a hyphen; French : ; ! ? after a
 * space; a letter or digit after a French closing guillemet or a single quote mark. Every other
 * keystroke goes in as typed, so the rule leaves it alone: a match costs Tiptap a command
 * manager built anew, which most letters of a long release then no longer pay. A test checks
 * that every change typeCharacter makes is matched here.
 */
export const TYPOGRAPHY_TRIGGER =
  /(?:["']|(?<=[ \-\u00a0]) |(?<=-)-|(?<= )[:;!?]|(?<=\u00a0\u00bb|[\u2018\u201a\u2019])[\p{L}\p{N}])$/u;

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
 * House typography as the officer types, by the same rules as the headline and the summary
 * (typeCharacter): `"` becomes the release language's opening or closing quote by what stands
 * before it (“…” in English, „…“ in German, « … » in French, «…» in Russian), `'` an opening or
 * closing single quote or the apostrophe ’, `--` and a spaced hyphen the en dash, a second
 * space is swallowed, and French gets its no-break spaces. Input rules only, no nodes or marks:
 * the schema, and so the exporters, stay as they are. Backspace right after gives back what
 * was typed.
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
    return [
      new InputRule({
        find: TYPOGRAPHY_TRIGGER,
        handler: ({ state, range, match }) => {
          const typed = match[0];
          const quote = typed === '"' || typed === "'";
          const $from = state.doc.resolve(range.from);
          const $to = state.doc.resolve(range.to);
          // A quote weighs its whole paragraph (which quotations are open, what follows); the
          // other rules look at the word being typed, so a keystroke never reads a long paragraph.
          const start = quote ? 0 : Math.max(0, $from.parentOffset - 120);
          // A line break counts as the line's start: a quote after it opens.
          const before = textBefore($from, start);
          const after = quote ? textAfter($to) : '';
          const set = typeCharacter(before, typed, this.storage.language, after);
          if (set.before === before && set.inserted === typed) return null;
          const kept = changedRange(before, set.before).start;
          const from = range.from - (before.length - kept);
          state.tr.insertText(set.before.slice(kept) + set.inserted, from, range.to);
        },
      }),
    ];
  },
});
