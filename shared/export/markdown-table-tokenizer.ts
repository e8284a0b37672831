import type { MarkdownLexerConfiguration, MarkdownToken, MarkdownTokenizer } from '@tiptap/core';

/** A GFM delimiter row: dashes, colons, pipes and blanks, with at least one dash and one pipe. */
const DELIMITER_ROW = /^[ \t|:]*-[ \t|:-]*$/;

/** The text of the line that starts at `from`, found without reading past its end. */
const lineAt = (src: string, from: number): string => {
  const end = src.indexOf('\n', from);
  return src.slice(from, end < 0 ? undefined : end);
};

/** Whether the line at `from` is a delimiter row, reading no further than its first stray character. */
const isDelimiterRow = (src: string, from: number): boolean => {
  let dash = false;
  let pipe = false;
  for (let i = from; i < src.length; i += 1) {
    const char = src[i];
    if (char === '\n') break;
    if (char === '-') dash = true;
    else if (char === '|') pipe = true;
    else if (char !== ' ' && char !== '\t' && char !== ':') return false;
  }
  return dash && pipe && DELIMITER_ROW.test(lineAt(src, from));
};

/** Whether the second line of `src` is a delimiter row, the mark of a table's start. */
const delimiterRowSecond = (src: string): boolean => {
  const firstEnd = src.indexOf('\n');
  return firstEnd >= 0 && isDelimiterRow(src, firstEnd + 1);
};

/** The first `lines` lines of `src`, joined as they stand. */
const firstLines = (src: string, lines: number): string => {
  let end = -1;
  for (let line = 0; line < lines; line += 1) {
    end = src.indexOf('\n', end + 1);
    if (end < 0) return src;
  }
  return src.slice(0, end);
};

/** Index of the first of the sorted `values` that is at least `min`, or `values.length`. */
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
 * Escapes `|` inside backtick code spans on one row, so that marked's cell splitter leaves
 * them in their cell, exactly as @tiptap/extension-table's `escapeTableCellPipes` does; but
 * where that one searches the rest of the row for each run's closing run, this one looks the
 * closer up among the row's runs, so a row full of unmatched backticks costs its length.
 */
const escapeCodeSpanPipes = (line: string): string => {
  // Where each maximal run of backticks starts, by its length.
  const runsByLength = new Map<number, number[]>();
  for (let i = 0; i < line.length;) {
    if (line[i] !== '`') {
      i += 1;
      continue;
    }
    let end = i + 1;
    while (line[end] === '`') end += 1;
    const starts = runsByLength.get(end - i) ?? [];
    starts.push(i);
    runsByLength.set(end - i, starts);
    i = end;
  }
  let result = '';
  let i = 0;
  while (i < line.length) {
    if (line[i] === '\\' && i + 1 < line.length) {
      result += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (line[i] !== '`') {
      result += line[i];
      i += 1;
      continue;
    }
    let run = 1;
    while (line[i + run] === '`') run += 1;
    const starts = runsByLength.get(run) ?? [];
    const close = starts[lowerBound(starts, i + run)];
    if (close === undefined) {
      result += line.slice(i, i + run);
      i += run;
      continue;
    }
    const span = line.slice(i + run, close).replace(/\\\||\|/g, (m) => (m === '|' ? '\\|' : m));
    result += line.slice(i, i + run) + span + line.slice(close, close + run);
    i = close + run;
  }
  return result;
};

/**
 * The table tokenizer of @tiptap/extension-table 3.32.2, rewritten to cost what the table
 * costs. Tiptap's splits the whole rest of the document into lines on every call (`start` is
 * asked before every paragraph, `tokenize` before every block), so a file of 50,000 short
 * lines took minutes. This one reads the two lines a table opens with, and only when they
 * are a header and a delimiter row does it measure the table, with marked's own GFM table
 * rule (`tableRule`), which stops where the table stops.
 *
 * As Tiptap's, it only steps in for rows whose code spans hold a `|`, and otherwise leaves
 * the table to marked.
 */
export const linearTableTokenizer = (tableRule: () => RegExp): MarkdownTokenizer => ({
  name: 'table',
  level: 'block',
  start: (src: string) => (delimiterRowSecond(src) && lineAt(src, 0).includes('|') ? 0 : -1),
  tokenize: (
    src: string,
    _tokens: MarkdownToken[],
    helper: MarkdownLexerConfiguration,
  ): MarkdownToken | undefined => {
    if (!delimiterRowSecond(src)) return undefined;
    const extent = tableRule().exec(src)?.[0];
    if (!extent) return undefined;
    const candidate = extent.replace(/\n+$/, '');
    const rows = candidate.split('\n');
    const escaped = rows.map((row) =>
      row.includes('|') && row.includes('`') ? escapeCodeSpanPipes(row) : row,
    );
    if (escaped.every((row, index) => row === rows[index])) return undefined;
    const token = helper.blockTokens(escaped.join('\n'))[0];
    if (token?.type !== 'table' || !token.raw) return undefined;
    return { ...token, raw: firstLines(src, token.raw.split('\n').length) };
  },
});
