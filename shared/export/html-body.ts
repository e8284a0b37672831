import { generateHTML } from '@tiptap/html';
import { isAllowedHref, releaseExtensions } from '../extensions';
import type { RichNode } from '../schemas';
import { escapeHtml } from './html-escape';
import type { HtmlSanitizer } from './sanitize';

const VOID_ELEMENTS = new Set(['br', 'hr']);

/*
 * The serializer escapes `<` in text and writes every attribute value in double quotes with `"`
 * escaped, so this scan finds exactly the real tags, even when a link title holds a `>`.
 */
const TAG = /<(\/?)([a-z][a-z0-9]*)\b(?:[^>"]|"[^"]*")*>/g;
const LINK_TAG = /<a\b(?:[^>"]|"[^"]*")*>/g;
/** Read left to right, so a value that contains ` href=` is never taken for the attribute. */
const ATTRIBUTE = / ([^\s="]+)="([^"]*)"/g;

/** One top-level block per line, so the file reads (and diffs) like the document. */
const splitTopLevel = (html: string): string[] => {
  const blocks: string[] = [];
  let depth = 0;
  let start = 0;
  for (const match of html.matchAll(TAG)) {
    const [tag, closing, name = ''] = match;
    if (VOID_ELEMENTS.has(name)) {
      if (depth === 0) {
        blocks.push(html.slice(start, match.index + tag.length));
        start = match.index + tag.length;
      }
      continue;
    }
    depth += closing ? -1 : 1;
    if (depth === 0) {
      blocks.push(html.slice(start, match.index + tag.length));
      start = match.index + tag.length;
    }
  }
  if (start < html.length) blocks.push(html.slice(start));
  return blocks;
};

const decodeAttribute = (value: string): string =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Belt and braces: whatever the extensions let through, a refused link loses its href. */
const dropRefusedHrefs = (html: string): string =>
  html.replace(LINK_TAG, (tag) =>
    tag.replace(ATTRIBUTE, (attribute, name: string, value: string) =>
      name !== 'href' || isAllowedHref(decodeAttribute(value)) ? attribute : '',
    ),
  );

let extensions: ReturnType<typeof releaseExtensions> | undefined;

/**
 * The body's blocks as HTML, one per entry. The dateline is marked up as a span at the head of
 * the first paragraph (or as a paragraph of its own when the body opens with something else).
 */
let last: { key: string; sanitize: HtmlSanitizer; blocks: string[] } | undefined;

/**
 * Rendering and sanitising cost milliseconds a release; the HTML and ninjs exports of one
 * release ask for the same body one after the other, so the last answer is kept.
 */
const sanitizedBlocks = (body: RichNode, sanitize: HtmlSanitizer): string[] => {
  const key = JSON.stringify(body);
  if (last?.key === key && last.sanitize === sanitize) return last.blocks;
  extensions ??= releaseExtensions();
  const blocks = splitTopLevel(sanitize(dropRefusedHrefs(generateHTML(body, extensions))));
  last = { key, sanitize, blocks };
  return blocks;
};

export const bodyHtmlBlocks = (
  body: RichNode,
  dateline: string | null,
  sanitize: HtmlSanitizer,
): string[] => {
  const blocks = sanitizedBlocks(body, sanitize);
  if (!dateline) return blocks;
  const span = `<span class="dateline">${escapeHtml(dateline)}</span>`;
  const [first = '', ...rest] = blocks;
  if (first === '<p></p>') return [`<p>${span}</p>`, ...rest];
  if (first.startsWith('<p>')) return [`<p>${span} ${first.slice('<p>'.length)}`, ...rest];
  return [`<p class="dateline">${escapeHtml(dateline)}</p>`, ...blocks];
};
