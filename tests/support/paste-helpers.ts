import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { expect } from 'vitest';
import { cleanPastedHtml } from '../../shared/paste/clean-pasted-html';
import type { RichNode } from '../../shared/schemas';

// jsdom, not happy-dom: DOMPurify under happy-dom drops allowed tags and keeps <script>.
export const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;

export const pasteFixture = (...path: string[]): string =>
  readFileSync(join(__dirname, '..', 'fixtures', 'paste', ...path), 'utf8');

export const clean = (html: string): string => cleanPastedHtml(html, document);

/** The cleaned HTML as a fragment, to query its structure. */
export const dom = (html: string): HTMLElement => {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
};

export const texts = (root: ParentNode, selector: string): string[] =>
  [...root.querySelectorAll(selector)].map((e) => (e.textContent ?? '').trim());

/** The text of a list item without the text of lists nested in it. */
export const ownText = (li: Element): string =>
  [...li.children]
    .filter((c) => c.tagName === 'P')
    .map((c) => c.textContent ?? '')
    .join(' ')
    .trim();

/** Structure of an editor JSON document, compactly: `bulletList>listItem>paragraph`. */
export const outline = (node: RichNode, depth = 0): string[] => [
  `${'  '.repeat(depth)}${node.type}${node.text ? `:${node.text}` : ''}`,
  ...(node.content ?? []).flatMap((child) => outline(child, depth + 1)),
];

const FORBIDDEN = [
  /\sstyle=/i,
  /\sclass=/i,
  /\sid=/i,
  /\son[a-z]+=/i,
  /<font/i,
  /<span/i,
  /<o:p/i,
  /<!--/,
  /<img/i,
  /<script/i,
  /<style/i,
  /<iframe/i,
  /<form/i,
  /<input/i,
  /<button/i,
  /<svg/i,
  /<del/i,
  /<ins/i,
  /<b[ >]/i,
  /<i[ >]/i,
  /javascript:/i,
  /mso-/i,
  /color/i,
];

export const expectNothingForbidden = (html: string): void => {
  for (const pattern of FORBIDDEN) expect(html, String(pattern)).not.toMatch(pattern);
};
