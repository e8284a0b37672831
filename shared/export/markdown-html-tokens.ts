import type { Token } from 'marked';

const OPEN_TAG = /^<\s*([\w-]+)(?:\s|>|\/|$)/i;
const CLOSE_TAG = /^<\/\s*([\w-]+)/i;

/** Whether Tiptap reads HTML in Markdown as literal text here (no DOM: the main process, a worker). */
const htmlIsLiteral = (): boolean =>
  typeof window === 'undefined' || typeof window.DOMParser === 'undefined';

const rawOf = (token: Token): string => {
  const raw: unknown = token.raw;
  return typeof raw === 'string' ? raw : '';
};

/**
 * For each inline HTML tag that opens and is never closed later in its list of tokens (a
 * `<br>`, a stray `<p>`), an escape token holding the same text. @tiptap/markdown searches the
 * rest of the paragraph for the closing tag of every opening one, so 400,000 `<br>` cost
 * 400,000 searches to its end; with no DOM it turns a lone tag into its text, which is what
 * an escape token gives, without the search. Tags that are closed are left to it.
 */
const settleList = (tokens: Token[]): void => {
  // For every tag name a closing tag in the list would close (`</a-b>` closes `a-b` and `a`,
  // as Tiptap's `^<\/\s*a\b` does), the last index it is closed at.
  const lastClose = new Map<string, number>();
  tokens.forEach((token, index) => {
    if (token.type !== 'html') return;
    const name = CLOSE_TAG.exec(rawOf(token))?.[1]?.toLowerCase();
    if (!name) return;
    const parts = name.split('-');
    for (let end = 1; end <= parts.length; end += 1) {
      lastClose.set(parts.slice(0, end).join('-'), index);
    }
  });
  tokens.forEach((token, index) => {
    if (token.type !== 'html' || token.block) return;
    const raw = rawOf(token);
    if (CLOSE_TAG.test(raw) || /\/>$/.test(raw)) return;
    const name = OPEN_TAG.exec(raw)?.[1]?.toLowerCase();
    if (!name || (lastClose.get(name) ?? -1) > index) return;
    const text = raw.replace(/\s+$/, '');
    if (!text) return;
    tokens[index] = { type: 'escape', raw, text };
  });
};

const childLists = (token: Token): Token[][] => {
  const lists: Token[][] = [];
  if ('tokens' in token && Array.isArray(token.tokens)) lists.push(token.tokens);
  if (token.type === 'list') lists.push(token.items);
  if (token.type === 'table') {
    for (const cell of token.header) lists.push(cell.tokens);
    for (const row of token.rows) for (const cell of row) lists.push(cell.tokens);
  }
  return lists;
};

/** {@link settleList} on every list of tokens in the tree, walked without recursion. */
export const settleUnclosedHtml = (tokens: Token[]): void => {
  if (!htmlIsLiteral()) return;
  const pending: Token[][] = [tokens];
  for (let list = pending.pop(); list; list = pending.pop()) {
    settleList(list);
    for (const token of list) for (const child of childLists(token)) pending.push(child);
  }
};
