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

/**
 * Counts as a press officer expects them. Words come from Intl.Segmenter, not from splitting on
 * spaces, so Chinese and Japanese (written without spaces) count words too; characters are
 * grapheme clusters, so an emoji or a letter with a combining accent counts once, as the eye
 * sees it, not as UTF-16 units.
 */
export const countText = (text: string, language?: string): TextCounts => {
  let words = 0;
  for (const segment of new Intl.Segmenter(language, { granularity: 'word' }).segment(text)) {
    if (segment.isWordLike) words += 1;
  }
  let characters = 0;
  let charactersNoSpaces = 0;
  for (const { segment } of new Intl.Segmenter(language, { granularity: 'grapheme' }).segment(
    text,
  )) {
    characters += 1;
    if (!WHITESPACE.test(segment)) charactersNoSpaces += 1;
  }
  return {
    words,
    characters,
    charactersNoSpaces,
    readingMinutes: Math.ceil(words / WORDS_PER_MINUTE),
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
