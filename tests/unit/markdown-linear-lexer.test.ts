import { readFileSync } from 'node:fs';
import { MarkdownManager } from '@tiptap/markdown';
import { describe, expect, it } from 'vitest';
import { releaseMarkdown } from '../../shared/export/markdown-manager';

/**
 * Our linear inline lexer (shared/export/markdown-inline-lexer.ts) must read every text as
 * marked's own does: it only skips searches marked would make in vain. Thousands of random
 * texts built from the characters that matter (delimiters, escapes, code, links, HTML) are
 * lexed by both and compared.
 */

const random = (seed: number) => {
  let state = seed;
  return (): number => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
};

const DENSE = ['*', '**', '***', '_', '__', '~', '~~', ' ', 'a', 'b', '.', '(', ')', '\\*'];
const WIDE = [
  ...DENSE,
  '\\😀',
  '😀',
  '`',
  '``',
  '[r]',
  '[r]: https://r\n',
  '[a](https://b)',
  '<i>',
  '</i>',
  '<br>',
  '@',
  'a@b.co',
  'www.',
  'http://',
  '\n',
  '\n\n',
  '> ',
  '- ',
  '1. ',
  '# ',
  '  \n',
  '&amp;',
  '<!-- c -->',
  'a|b\n-|-\n',
];

const texts = (atoms: readonly string[], count: number, seed: number): string[] => {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    let text = '';
    const length = 1 + Math.floor(next() * 40);
    for (let i = 0; i < length; i += 1) text += atoms[Math.floor(next() * atoms.length)];
    return text;
  });
};

/** marked's Lexer, from the same global instance and options as ours (its Lexer aside). */
const markedItself = new MarkdownManager().instance;
const ours = releaseMarkdown().instance;

/** A lone inline tag we hand Tiptap as an escape token reads as the HTML token it was. */
const comparable = (tokens: unknown): string =>
  JSON.stringify(tokens, (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null || !('type' in value)) return value;
    const token = value as { type: unknown; raw?: unknown; block?: unknown };
    const inlineHtml =
      (token.type === 'html' && token.block === false) ||
      (token.type === 'escape' && typeof token.raw === 'string' && token.raw.startsWith('<'));
    return inlineHtml ? { type: 'html', raw: token.raw } : value;
  });

describe('the linear Markdown lexer', () => {
  it.each([
    ['emphasis delimiters', 1, DENSE],
    ['emphasis delimiters', 2, DENSE],
    ['everything inline', 3, WIDE],
    ['everything inline', 4, WIDE],
  ])('reads %s exactly as marked does (seed %i)', (_label, seed, atoms) => {
    const differ = texts(atoms, 3_000, seed).filter((text) => {
      const expected = new markedItself.Lexer(markedItself.defaults).lex(text);
      const actual = new ours.Lexer(ours.defaults).lex(text);
      return comparable(actual) !== comparable(expected);
    });
    expect(differ).toEqual([]);
  });

  it('keeps the line after a table whose code spans hold a pipe (Tiptap 3.32.2 dropped it)', () => {
    const doc = JSON.stringify(
      releaseMarkdown().parse('a | `b|c`\n--|--\nx | y\n## After the table\n'),
    );
    expect(doc).toContain('After the table');
    // The pipe inside the code span does not split its cell: two columns, not three.
    expect(doc.match(/"tableHeader"/g)).toHaveLength(2);
  });

  it('is checked against the versions it was written from', () => {
    // A copy of marked's inline pass and of Tiptap's table tokenizer: an upgrade must be reread.
    const version = (name: string): unknown => {
      const file = new URL(`../../node_modules/${name}/package.json`, import.meta.url);
      return (JSON.parse(readFileSync(file, 'utf8')) as { version: unknown }).version;
    };
    expect(version('marked')).toBe('17.0.6');
    expect(version('@tiptap/extension-table')).toBe('3.32.2');
    expect(version('@tiptap/markdown')).toBe('3.32.2');
  });
});
