/**
 * Why marked's emphasis is slow, and how we avoid it.
 *
 * marked 17's `emStrong` (and `del`, for `~`) takes each opening delimiter run in turn and
 * scans forward with a regular expression, counting the runs it meets (another opener adds,
 * a closer subtracts), until enough closers balance it. An opener that no closer ever balances
 * is scanned to the end of the paragraph, and the next opener is scanned to the end again:
 * `*a *a *a …` costs the square of its length (200,000 of them ran for minutes).
 *
 * The count each run adds depends only on the run and the two characters around it (the
 * cases of marked's `emStrongRDelim*` / `delRDelim` expressions, numbered as there), and on
 * the opener's length modulo 3 (CommonMark's "rule of 3"). So one pass over the paragraph
 * classifies every run and sums the counts; with the running minimum of those sums from the
 * end, whether some closer could ever balance a given opener is one lookup. When none can,
 * marked's scan would find nothing, and we skip it; otherwise marked runs exactly as before.
 * The answer is the same either way: only the cost changes.
 */

export type DelimiterChar = '*' | '_' | '~';

/** Which of marked's cases a run falls into: only openers, only closers, either, or none. */
type Kind = 'open' | 'close' | 'both' | 'none';

const SPACE = /^\s$/u;
const PUNCTUATION = /^[\p{P}\p{S}]$/u;

interface CharClasses {
  punct(c: string): boolean;
  punctSpace(c: string): boolean;
  notPunctSpace(c: string): boolean;
}

const plainClasses: CharClasses = {
  punct: (c) => PUNCTUATION.test(c),
  punctSpace: (c) => SPACE.test(c) || PUNCTUATION.test(c),
  notPunctSpace: (c) => !SPACE.test(c) && !PUNCTUATION.test(c),
};

/** GFM's `*` rule counts `~` as a letter, so that `~~*a*~~` nests (marked's *GfmStrongEm). */
const gfmStarClasses: CharClasses = {
  punct: (c) => c !== '~' && PUNCTUATION.test(c),
  punctSpace: (c) => c !== '~' && (SPACE.test(c) || PUNCTUATION.test(c)),
  notPunctSpace: (c) => c === '~' || (!SPACE.test(c) && !PUNCTUATION.test(c)),
};

/** The code point that ends just before `index`, reading nothing before `from`. */
const codePointBefore = (text: string, index: number, from = 0): string | undefined => {
  if (index <= from) return undefined;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index - 2 >= from) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text[index - 1];
};

/** The code point that starts at `index`, or undefined at the end. */
const codePointAt = (text: string, index: number): string | undefined => {
  if (index >= text.length) return undefined;
  const point = text.codePointAt(index) ?? 0;
  return String.fromCodePoint(point);
};

/** marked's cases (1) to (6), in its order, for a run between `before` and `after`. */
const classify = (
  classes: CharClasses,
  withCase6: boolean,
  before: string | undefined,
  after: string | undefined,
): Kind => {
  if (before === undefined) return 'none';
  const { punct, punctSpace, notPunctSpace } = classes;
  if (punct(before) && (after === undefined || SPACE.test(after))) return 'close'; // (1)
  if (notPunctSpace(before) && (after === undefined || punctSpace(after))) return 'close'; // (2)
  if (after === undefined) return 'none';
  if (punctSpace(before) && notPunctSpace(after)) return 'open'; // (3)
  if (SPACE.test(before) && punct(after)) return 'open'; // (4)
  if (punct(before) && punct(after)) return 'both'; // (5)
  if (withCase6 && notPunctSpace(before) && notPunctSpace(after)) return 'both'; // (6)
  return 'none';
};

/**
 * The one-character skip at the start of marked's scan (`__a*b__`: the lone `*` inside a
 * strong is not counted), as a sticky expression to try where the scan starts.
 */
const SKIP_AT_START: Record<DelimiterChar, RegExp | null> = {
  '*': /[^_*]*?__[^_*]*?\*[^_*]*?(?=__)/y,
  _: /[^_*]*?\*\*[^_*]*?_[^_*]*?(?=\*\*)/y,
  '~': null,
};

interface Runs {
  starts: number[];
  lengths: number[];
  kinds: Kind[];
}

const findRuns = (text: string, char: DelimiterChar): Runs => {
  const classes = char === '*' ? gfmStarClasses : plainClasses;
  const runs: Runs = { starts: [], lengths: [], kinds: [] };
  for (let i = text.indexOf(char); i >= 0;) {
    let end = i + 1;
    while (text[end] === char) end += 1;
    // `del` only ever takes `~` or `~~`: a longer run matches none of its cases.
    const kind =
      char === '~' && end - i > 2
        ? 'none'
        : classify(classes, char !== '_', codePointBefore(text, i), codePointAt(text, end));
    runs.starts.push(i);
    runs.lengths.push(end - i);
    runs.kinds.push(kind);
    i = text.indexOf(char, end);
  }
  return runs;
};

/** What a run adds to the opener's count, as marked's loop does, for an opener of `opener` characters. */
const contribution = (char: DelimiterChar, kind: Kind, length: number, opener: number): number => {
  if (kind === 'none') return 0;
  if (char === '~') {
    // `del` skips runs of another length and treats "either" runs as closers.
    if (length !== opener) return 0;
    return kind === 'open' ? length : -length;
  }
  if (kind === 'open') return length;
  // CommonMark's rule of 3 (emphasis rules 9 and 10), as marked applies it.
  if (kind === 'both' && opener % 3 !== 0 && (opener + length) % 3 === 0) return 0;
  return -length;
};

interface Sums {
  /** Running total of the contributions up to and including each run. */
  prefix: Float64Array;
  /** The least running total from each run to the last. */
  suffixMin: Float64Array;
}

const lowerBound = (values: readonly number[], min: number): number => {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((values[middle] ?? 0) < min) low = middle + 1;
    else high = middle;
  }
  return low;
};

/**
 * The delimiter runs of one paragraph's masked text (marked's `maskedSrc`), answering whether
 * an opener could be closed. Built on first use and kept for the paragraph.
 */
export class DelimiterIndex {
  private readonly runs = new Map<DelimiterChar, Runs>();
  private readonly sums = new Map<string, Sums>();

  constructor(private readonly masked: string) {}

  /**
   * False when marked's scan for an opener of `opener` characters of `char`, starting at
   * `from` in the masked text, could not find its closer; true when it might.
   */
  mayClose(char: DelimiterChar, from: number, opener: number): boolean {
    const runs = this.runsOf(char);
    // marked's scan reads the masked text from `from` on, so a run that starts there (which
    // happens when an escaped astral character shortened the mask) has no character before it
    // in the scan and counts for nothing.
    const first = lowerBound(runs.starts, from + 1);
    if (first >= runs.starts.length) return false;
    const sums = this.sumsOf(char, runs, opener);
    const before = first > 0 ? (sums.prefix[first - 1] ?? 0) : 0;
    let least = (sums.suffixMin[first] ?? 0) - before;
    // A scan that starts inside a character (the mask is shorter than the text by an escaped
    // astral character, and marked clips it by length) sees half of it before the first run.
    const start = runs.starts[first] ?? 0;
    const seen = codePointBefore(this.masked, start, from);
    if (seen !== codePointBefore(this.masked, start)) {
      const length = runs.lengths[first] ?? 0;
      const classes = char === '*' ? gfmStarClasses : plainClasses;
      const kind =
        char === '~' && length > 2
          ? 'none'
          : classify(classes, char !== '_', seen, codePointAt(this.masked, start + length));
      least +=
        contribution(char, kind, length, opener) -
        contribution(char, runs.kinds[first] ?? 'none', length, opener);
    }
    const skip = SKIP_AT_START[char];
    if (skip) {
      skip.lastIndex = from;
      if (skip.test(this.masked)) {
        // The first run is skipped rather than counted.
        const kind = runs.kinds[first] ?? 'none';
        least -= contribution(char, kind, runs.lengths[first] ?? 0, opener);
      }
    }
    return opener + least <= 0;
  }

  private runsOf(char: DelimiterChar): Runs {
    let runs = this.runs.get(char);
    if (!runs) {
      runs = findRuns(this.masked, char);
      this.runs.set(char, runs);
    }
    return runs;
  }

  private sumsOf(char: DelimiterChar, runs: Runs, opener: number): Sums {
    // Contributions depend on the opener only through its length modulo 3 (and, for `~`, 1 or 2).
    const key = `${char}${char === '~' ? opener : opener % 3}`;
    let sums = this.sums.get(key);
    if (sums) return sums;
    const count = runs.starts.length;
    const prefix = new Float64Array(count);
    let total = 0;
    for (let i = 0; i < count; i += 1) {
      total += contribution(char, runs.kinds[i] ?? 'none', runs.lengths[i] ?? 0, opener);
      prefix[i] = total;
    }
    const suffixMin = new Float64Array(count);
    let least = Infinity;
    for (let i = count - 1; i >= 0; i -= 1) {
      least = Math.min(least, prefix[i] ?? 0);
      suffixMin[i] = least;
    }
    sums = { prefix, suffixMin };
    this.sums.set(key, sums);
    return sums;
  }
}
