import type { MarkdownManager } from '@tiptap/markdown';
// Types only: the code runs on the marked that @tiptap/markdown brings and hands us.
import type { Lexer, Token, Tokenizer } from 'marked';
import { DelimiterIndex, type DelimiterChar } from './markdown-delimiters';
import { settleUnclosedHtml } from './markdown-html-tokens';

/** marked, as @tiptap/markdown holds it (its shared global instance). */
export type Marked = MarkdownManager['instance'];

/** Deeper emphasis than this is left as typed: the body has two marks, and each level rescans. */
export const MAX_EMPHASIS_NESTING = 16;
/** A run of more `*` or `_` than this opens nothing: finding its closer would be slow and pointless. */
export const MAX_DELIMITER_RUN = 32;

/** Characters marked's text rule stops before (its GFM `inline.text`). */
const TEXT_STOP = /[\\<![`*~_]/g;
/** A character outside the run marked's text rule reads as a possible e-mail address. */
const NOT_EMAIL = /[^a-zA-Z0-9.!#$%&'*+/=?_`{|}~-]/g;
/** What marked's text rule may look ahead of a stop (`https:/`, `www.`). */
const LOOKAHEAD_MARGIN = 9;

/**
 * marked's masking of one paragraph for its emphasis rules, in one pass each. marked rebuilds
 * the whole string for every reference link, escape and code span or link it masks, which is
 * quadratic in their number. Reference links and code spans keep their length, and only the
 * code-span rule looks behind its match (for a backtick, which a mask never leaves), so
 * masking all their matches at once gives the same string. An escape becomes `++`, which is
 * shorter when the escaped character is outside the BMP; marked then resumes its search past
 * the characters that follow, and {@link maskEscapes} does the same.
 */
const maskForEmphasis = (
  tokenizer: Tokenizer,
  src: string,
  links: Lexer['tokens']['links'],
  anyLink: boolean,
): string => {
  const { inline } = tokenizer.rules;
  let masked = src;
  if (anyLink) {
    masked = masked.replace(inline.reflinkSearch, (match: string) => {
      const label = match.slice(match.lastIndexOf('[') + 1, -1);
      return Object.hasOwn(links, label) ? `[${'a'.repeat(match.length - 2)}]` : match;
    });
  }
  masked = maskEscapes(masked, inline.anyPunctuation);
  masked = masked.replace(inline.blockSkip, (match: string, ...groups: unknown[]) => {
    const kept = typeof groups[1] === 'string' ? groups[1] : '';
    return `${kept}[${'a'.repeat(match.length - kept.length - 2)}]`;
  });
  return masked;
};

/** Every escape (`\*`) as `++`, searched as marked's loop searches its shrinking string. */
const maskEscapes = (text: string, escape: RegExp): string => {
  const pieces: string[] = [];
  let kept = 0;
  let skip = 0;
  for (;;) {
    escape.lastIndex = kept + skip;
    const match = escape.exec(text);
    if (!match) break;
    pieces.push(text.slice(kept, match.index), '++');
    kept = match.index + match[0].length;
    skip = match[0].length - 2;
  }
  escape.lastIndex = 0;
  pieces.push(text.slice(kept));
  return pieces.join('');
};

/** Whether an object has a key, without listing its keys as `Object.keys` would. */
const hasAnyKey = (record: object): boolean => {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
};

/** Where the next match of a global expression starts at or after `from`, remembered. */
class NextMatch {
  private from = -1;
  private at = -1;

  constructor(
    private readonly text: string,
    private readonly pattern: RegExp,
  ) {}

  /** The index of the next match at or after `from`, or the text's length if there is none. */
  find(from: number): number {
    // Nothing matched between the last search's start and its result: the answer stands.
    if (from >= this.from && from <= this.at) return this.at;
    this.pattern.lastIndex = from;
    const match = this.pattern.exec(this.text);
    this.from = from;
    this.at = match ? match.index : this.text.length;
    return this.at;
  }
}

/** The maximal runs of backticks in a paragraph, by length, to tell whether a code span can close. */
const backtickRuns = (text: string): Map<number, number[]> => {
  const runs = new Map<number, number[]>();
  for (let i = text.indexOf('`'); i >= 0;) {
    let end = i + 1;
    while (text[end] === '`') end += 1;
    const starts = runs.get(end - i) ?? [];
    starts.push(i);
    runs.set(end - i, starts);
    i = text.indexOf('`', end);
  }
  return runs;
};

/** Everything one paragraph's tokenizing needs beyond marked's own, built when first asked. */
class ParagraphIndex {
  private delimiters: DelimiterIndex | undefined;
  private backticks: Map<number, number[]> | undefined;
  private stops: NextMatch | undefined;
  private emailEnds: NextMatch | undefined;

  constructor(
    readonly src: string,
    readonly masked: string,
  ) {}

  delimiterIndex(): DelimiterIndex {
    return (this.delimiters ??= new DelimiterIndex(this.masked));
  }

  /** Whether a later run of exactly `length` backticks exists after `from`. */
  hasBacktickRun(length: number, after: number): boolean {
    const starts = (this.backticks ??= backtickRuns(this.src)).get(length);
    return starts !== undefined && (starts.at(-1) ?? -1) > after;
  }

  nextStop(from: number): number {
    return (this.stops ??= new NextMatch(this.src, TEXT_STOP)).find(from);
  }

  emailRunEnd(from: number): number {
    return (this.emailEnds ??= new NextMatch(this.src, NOT_EMAIL)).find(from);
  }
}

/**
 * How much of `src` (which starts at `offset` in the paragraph) marked's text rule needs to
 * see to find the same token. The rule stops before the next `*`, `_`, `[`… but first looks
 * ahead along the run of e-mail characters (letters, digits and most punctuation, `*` and `_`
 * included) for an `@`: in `a_a_a_…` each one-letter token read the whole run again. So the
 * text is cut a little after the stop unless the run there ends in `@`; and when the run right
 * after the token's first character ends in `@`, the rule takes that character alone.
 */
const textWindow = (index: ParagraphIndex, src: string, offset: number): string => {
  const firstGroup = /^[`~]+/.exec(src)?.[0].length ?? 1;
  const start = offset + firstGroup;
  const runEnd = index.emailRunEnd(start);
  if (runEnd > start && index.src[runEnd] === '@') return src.slice(0, firstGroup);
  const stop = index.nextStop(start);
  if (stop >= index.src.length) return src;
  // The run the stop sits in: when it ends in `@`, the rule looks along all of it (once per run).
  const stopRunEnd = index.emailRunEnd(stop);
  if (stopRunEnd > stop && index.src[stopRunEnd] === '@') return src;
  const cut = stop - offset + LOOKAHEAD_MARGIN;
  return cut < src.length ? src.slice(0, cut) : src;
};

/**
 * A marked Lexer whose inline pass costs what the paragraph costs. It is marked 17.0.6's
 * `Lexer.inlineTokens` (MIT, © MarkedJS), rule for rule and in the same order, except:
 * the masking for emphasis is done in one pass ({@link maskForEmphasis}); `emStrong` and `del`
 * are skipped where {@link DelimiterIndex} shows marked's scan could find no closer, and past
 * {@link MAX_EMPHASIS_NESTING} levels or {@link MAX_DELIMITER_RUN} delimiters; a code span is
 * tried only when a closing run of its length exists; and the text rule reads only the window
 * it needs ({@link textWindow}). Everything else is marked's own tokenizer.
 */
export const linearLexerClass = (marked: Marked) =>
  class LinearLexer extends marked.Lexer<string, string> {
    private emphasisDepth = 0;
    /** Reference definitions are only ever added: once there is one, there always is. */
    private linksSeen = false;

    override lex(src: string) {
      const tokens = super.lex(src);
      settleUnclosedHtml(tokens);
      return tokens;
    }

    /** Whether any reference definition is known, without listing them all each paragraph. */
    private hasLinks(): boolean {
      if (!this.linksSeen) this.linksSeen = hasAnyKey(this.tokens.links);
      return this.linksSeen;
    }

    override inlineTokens(src: string, tokens: Token[] = []): Token[] {
      const tokenizer = this.options.tokenizer;
      if (!(tokenizer instanceof marked.Tokenizer)) return super.inlineTokens(src, tokens);
      tokenizer.lexer = this;
      const hooks = this.options.hooks;
      const masked = maskForEmphasis(tokenizer, src, this.tokens.links, this.hasLinks());
      const index = new ParagraphIndex(
        src,
        hooks?.emStrongMask?.call({ lexer: this }, masked) ?? masked,
      );
      const total = src.length;
      let rest = src;
      let keepPrevChar = false;
      let prevChar = '';
      const take = (token: Token): void => {
        rest = rest.substring(token.raw.length);
        tokens.push(token);
      };
      while (rest) {
        if (!keepPrevChar) prevChar = '';
        keepPrevChar = false;
        const offset = total - rest.length;
        let token: Token | undefined;

        const extensions = this.options.extensions;
        if (
          extensions?.inline?.some((extension) => {
            token = extension.call({ lexer: this }, rest, tokens);
            if (token) take(token);
            return token !== undefined;
          })
        ) {
          continue;
        }
        if ((token = tokenizer.escape(rest))) {
          take(token);
          continue;
        }
        if ((token = tokenizer.tag(rest))) {
          take(token);
          continue;
        }
        if ((token = tokenizer.link(rest))) {
          take(token);
          continue;
        }
        if ((token = tokenizer.reflink(rest, this.tokens.links))) {
          rest = rest.substring(token.raw.length);
          const last = tokens.at(-1);
          if (token.type === 'text' && last?.type === 'text') {
            last.raw += token.raw;
            last.text += token.text;
          } else {
            tokens.push(token);
          }
          continue;
        }
        if ((token = this.delimited(tokenizer, index, rest, prevChar))) {
          take(token);
          continue;
        }
        if (rest[0] === '`' && !this.codeSpanCanClose(index, rest, offset)) {
          // marked would search the rest of the paragraph for a closer that is not there.
        } else if ((token = tokenizer.codespan(rest))) {
          take(token);
          continue;
        }
        if ((token = tokenizer.br(rest))) {
          take(token);
          continue;
        }
        if ((token = this.delimited(tokenizer, index, rest, prevChar, '~'))) {
          take(token);
          continue;
        }
        if ((token = tokenizer.autolink(rest))) {
          take(token);
          continue;
        }
        if (!this.state.inLink && (token = tokenizer.url(rest))) {
          take(token);
          continue;
        }

        // Text, clipped where an extension could start, as marked clips it.
        let cutSrc = rest;
        if (extensions?.startInline) {
          let startIndex = Infinity;
          const tempSrc = rest.slice(1);
          for (const getStartIndex of extensions.startInline) {
            const tempStart = getStartIndex.call({ lexer: this }, tempSrc);
            if (typeof tempStart === 'number' && tempStart >= 0) {
              startIndex = Math.min(startIndex, tempStart);
            }
          }
          if (startIndex < Infinity && startIndex >= 0) cutSrc = rest.substring(0, startIndex + 1);
        }
        const text = tokenizer.inlineText(
          cutSrc === rest ? textWindow(index, rest, offset) : cutSrc,
        );
        if (text) {
          rest = rest.substring(text.raw.length);
          // Track prevChar before a string of ____ started.
          if (text.raw.slice(-1) !== '_') prevChar = text.raw.slice(-1);
          keepPrevChar = true;
          const last = tokens.at(-1);
          if (last?.type === 'text') {
            last.raw += text.raw;
            last.text += text.text;
          } else {
            tokens.push(text);
          }
          continue;
        }
        if (rest) {
          const message = `Infinite loop on byte: ${rest.charCodeAt(0)}`;
          if (this.options.silent) {
            console.error(message);
            break;
          }
          throw new Error(message);
        }
      }
      return tokens;
    }

    /** Whether some later run of exactly the backticks `rest` opens with could close a code span. */
    private codeSpanCanClose(index: ParagraphIndex, rest: string, offset: number): boolean {
      let length = 1;
      while (rest[length] === '`') length += 1;
      return index.hasBacktickRun(length, offset + length);
    }

    /**
     * marked's `emStrong` (for `*` and `_`) or `del` (for `~`), skipped when it could not
     * close: the same token, without the scan to the end of the paragraph.
     */
    private delimited(
      tokenizer: Tokenizer,
      index: ParagraphIndex,
      rest: string,
      prevChar: string,
      only?: '~',
    ): Token | undefined {
      const first = rest[0];
      const char: DelimiterChar | undefined =
        only === '~'
          ? first === '~'
            ? '~'
            : undefined
          : first === '*' || first === '_'
            ? first
            : undefined;
      if (!char || this.emphasisDepth >= MAX_EMPHASIS_NESTING) return undefined;
      let run = 1;
      while (run <= MAX_DELIMITER_RUN && rest[run] === char) run += 1;
      if (run > MAX_DELIMITER_RUN) return undefined;
      const { inline } = tokenizer.rules;
      const opening = (char === '~' ? inline.delLDelim : inline.emStrongLDelim).exec(rest);
      if (!opening) return undefined;
      if (char !== '~' && !opening[1] && !opening[2] && !opening[3] && !opening[4]) {
        return undefined;
      }
      const opener = [...opening[0]].length - 1;
      // Where marked's scan starts: it clips the masked text to the length of `rest`.
      const from = Math.max(0, index.masked.length - rest.length + opener);
      if (!index.delimiterIndex().mayClose(char, from, opener)) return undefined;
      this.emphasisDepth += 1;
      try {
        return char === '~'
          ? tokenizer.del(rest, index.masked, prevChar)
          : tokenizer.emStrong(rest, index.masked, prevChar);
      } finally {
        this.emphasisDepth -= 1;
      }
    }
  };
