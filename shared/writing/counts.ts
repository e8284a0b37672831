import type { RichNode } from '../schemas';

export interface TextCounts {
  words: number;
  /** Grapheme clusters: what a reader sees as one character (`é`, `👨‍👩‍👧`, `🇦🇹`). */
  characters: number;
  charactersNoSpaces: number;
  /** Minutes at WORDS_PER_MINUTE, rounded up; 0 for an empty text. */
  readingMinutes: number;
}

/** An adult's silent reading speed for non-fiction, the figure newsroom tools commonly use. */
export const WORDS_PER_MINUTE = 230;

const WHITESPACE = /^\s+$/u;

interface Segmenters {
  word: Intl.Segmenter;
  grapheme: Intl.Segmenter;
}

/** One pair per language: making a segmenter costs more than segmenting a sentence with it. */
const segmenters = new Map<string, Segmenters>();
const segmentersFor = (language: string | undefined): Segmenters => {
  const key = language ?? '';
  let found = segmenters.get(key);
  if (!found) {
    found = {
      word: new Intl.Segmenter(language, { granularity: 'word' }),
      grapheme: new Intl.Segmenter(language, { granularity: 'grapheme' }),
    };
    segmenters.set(key, found);
  }
  return found;
};

type Tally = Omit<TextCounts, 'readingMinutes'>;

const tally = (text: string, { word, grapheme }: Segmenters): Tally => {
  let words = 0;
  for (const segment of word.segment(text)) {
    if (segment.isWordLike) words += 1;
  }
  let characters = 0;
  let charactersNoSpaces = 0;
  for (const { segment } of grapheme.segment(text)) {
    characters += 1;
    if (!WHITESPACE.test(segment)) charactersNoSpaces += 1;
  }
  return { words, characters, charactersNoSpaces };
};

const withReading = ({ words, characters, charactersNoSpaces }: Tally): TextCounts => ({
  words,
  characters,
  charactersNoSpaces,
  readingMinutes: Math.ceil(words / WORDS_PER_MINUTE),
});

/**
 * Counts as a press officer expects them. Words come from Intl.Segmenter, not from splitting on
 * spaces, so Chinese and Japanese (written without spaces) count words too; characters are
 * grapheme clusters, so an emoji or a letter with a combining accent counts once, as the eye
 * sees it, not as UTF-16 units.
 */
export const countText = (text: string, language?: string): TextCounts =>
  withReading(tally(text, segmentersFor(language)));

/**
 * countText for a long text that changes a little at a time (the body, a line per block): each
 * line is counted once and remembered until a call no longer has it, so a keystroke's recount
 * segments the one line it changed, not 5,000 words. The same figures as countText: a line
 * break ends every word and every grapheme cluster (except within CR LF, allowed for).
 */
export const createTextCounter = () => {
  let lines = new Map<string, Tally>();
  let linesLanguage: string | undefined;
  return (text: string, language?: string): TextCounts => {
    if (language !== linesLanguage) lines = new Map();
    linesLanguage = language;
    const before = lines;
    const now = new Map<string, Tally>();
    const use = segmentersFor(language);
    let words = 0;
    let characters = 0;
    let charactersNoSpaces = 0;
    const parts = text.split('\n');
    for (const [i, line] of parts.entries()) {
      let counted = now.get(line) ?? before.get(line);
      if (!counted) counted = tally(line, use);
      now.set(line, counted);
      words += counted.words;
      characters += counted.characters;
      charactersNoSpaces += counted.charactersNoSpaces;
      // The line break is a character of its own, or one with the CR before it.
      if (i < parts.length - 1 && !line.endsWith('\r')) characters += 1;
    }
    lines = now;
    return withReading({ words, characters, charactersNoSpaces });
  };
};

/** Nodes whose text ends a line: their text is separated from the next block's by a newline. */
const isBlock = (node: RichNode): boolean =>
  node.type !== 'text' && node.type !== 'hardBreak' && node.type !== 'doc';

const append = (lines: string[], text: string): void => {
  const last = lines.pop();
  lines.push((last ?? '') + text);
};

const collectBlocks = (node: RichNode, lines: string[]): void => {
  if (node.type === 'text') return append(lines, node.text ?? '');
  if (node.type === 'hardBreak') return append(lines, '\n');
  const children = node.content ?? [];
  const holdsText = children.some((c) => !isBlock(c));
  // A block that holds text (a paragraph, a heading) starts a new line; a container (a list,
  // a quote) only passes its blocks through, so `- one` / `- two` become two lines, not four.
  if (isBlock(node) && holdsText) lines.push('');
  for (const child of children) collectBlocks(child, lines);
};

/** The body's plain text, one line per block, as the counts and the placeholder check read it. */
export const docText = (doc: RichNode): string => {
  const lines: string[] = [];
  collectBlocks(doc, lines);
  return lines.join('\n');
};
