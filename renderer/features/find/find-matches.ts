import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

export interface FindOptions {
  caseSensitive: boolean;
  wholeWord: boolean;
}

export interface Match {
  from: number;
  to: number;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A word character in any script, so "whole word" works for Cyrillic and accented Latin too. */
const WORD = '[\\p{L}\\p{N}_]';

export const matcher = (query: string, options: FindOptions): RegExp | null => {
  if (query === '') return null;
  const body = escapeRegExp(query);
  const source = options.wholeWord ? `(?<!${WORD})${body}(?!${WORD})` : body;
  return new RegExp(source, options.caseSensitive ? 'gu' : 'giu');
};

/**
 * Every match of `query` in the document, as document positions. Text is searched one
 * textblock at a time (a match never spans two paragraphs), across mark boundaries within it.
 */
export const findMatches = (doc: ProseMirrorNode, query: string, options: FindOptions): Match[] => {
  const regex = matcher(query, options);
  if (!regex) return [];
  const matches: Match[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // Map each character of the block's text back to its document position.
    let text = '';
    const positions: number[] = [];
    node.forEach((child, offset) => {
      if (child.isText && child.text) {
        for (let i = 0; i < child.text.length; i += 1) positions.push(pos + 1 + offset + i);
        text += child.text;
      } else {
        // A hard break or other inline leaf separates words but holds no searchable text.
        positions.push(-1);
        text += '\n';
      }
    });
    regex.lastIndex = 0;
    for (let found = regex.exec(text); found; found = regex.exec(text)) {
      if (found[0].length === 0) {
        regex.lastIndex += 1;
        continue;
      }
      const from = positions[found.index];
      const last = positions[found.index + found[0].length - 1];
      if (from !== undefined && last !== undefined && from >= 0 && last >= 0)
        matches.push({ from, to: last + 1 });
    }
    return false;
  });
  return matches;
};
