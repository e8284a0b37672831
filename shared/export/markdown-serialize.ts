import type { RichNode } from '../schemas';
import { releaseMarkdown } from './markdown-manager';

/*
 * Tiptap's serializer escapes inline syntax (* _ ` ~ [ ] \ and & < >) but not what is
 * significant only where it stands: a paragraph that opens with `2022. ` or `- ` comes back as a
 * list, `# ` as a heading, a heading that ends in ` #` loses it, and a bare URL or e-mail address
 * comes back as a link. Those spots get a placeholder character before serialising that
 * becomes a backslash afterwards, where the serializer can no longer double it.
 */

type Rule = [RegExp, string];

/** `\0` in a replacement stands for the placeholder. */
const LINE_START: Rule[] = [
  [/^[ \t]+/, ''], // Leading blanks cannot survive Markdown; four of them would make a code block.
  [/^(?=#{1,6}(?:[ \t]|$))/, '\0'],
  [/^(?=[-+=](?:[-=\s]|$))/, '\0'],
  [/^(\d{1,9})(?=[.)](?:[ \t]|$))/, '$1\0'],
];

/** Where GFM would turn plain text into a link: `http://`, `www.`, `name@host`. */
const AUTOLINK: Rule[] = [
  [/\b(https?|ftp)(?=:\/\/)/gi, '$1\0'],
  [/\b(www)(?=\.)/gi, '$1\0'],
  [/([\w.+-])(?=@[\w-]+\.)/g, '$1\0'],
];

const HEADING_END: Rule[] = [[/(^|\s)(?=#+\s*$)/, '$1\0']];

const applyAll = (rules: Rule[], text: string, placeholder: string): string =>
  rules.reduce(
    (out, [pattern, replacement]) => out.replace(pattern, replacement.replace('\0', placeholder)),
    text,
  );

/** A character the document does not contain, to stand for a backslash until serialised. */
const pickPlaceholder = (doc: RichNode): string => {
  const json = JSON.stringify(doc);
  for (let code = 0xe000; code <= 0xf8ff; code += 1) {
    const candidate = String.fromCharCode(code);
    if (!json.includes(candidate)) return candidate;
  }
  throw new Error('No free placeholder character for Markdown escaping');
};

const isPlainText = (node: RichNode): boolean => node.type === 'text' && !node.marks?.length;
const hasLink = (node: RichNode): boolean => !!node.marks?.some((m) => m.type === 'link');

/** Marked reads `(` and `)` in a destination only when they balance. */
const markdownHref = (href: string): string => {
  let depth = 0;
  for (const char of href) {
    depth += char === '(' ? 1 : char === ')' ? -1 : 0;
    if (depth < 0) break;
  }
  // encodeURIComponent leaves parentheses alone.
  return depth === 0 ? href : href.replaceAll('(', '%28').replaceAll(')', '%29');
};

/** The link extension writes `[text](href "title")` verbatim. */
const withMarkdownLinkAttrs = (node: RichNode): RichNode => {
  if (!node.marks) return node;
  const marks = node.marks.map((mark) => {
    if (mark.type !== 'link' || !mark.attrs) return mark;
    const { href, title } = mark.attrs;
    return {
      ...mark,
      attrs: {
        ...mark.attrs,
        ...(typeof href === 'string' ? { href: markdownHref(href) } : {}),
        ...(typeof title === 'string'
          ? { title: title.replace(/\s+/g, ' ').replace(/[\\"]/g, '\\$&') }
          : {}),
      },
    };
  });
  return { ...node, marks };
};

const escapeInline = (nodes: RichNode[], isHeading: boolean, mark: string): RichNode[] => {
  const atLineStart = (text: string) => applyAll(LINE_START, text, mark);
  let lineStart = true;
  const escaped = nodes.map((node, index) => {
    if (node.type === 'hardBreak') {
      lineStart = true;
      // A Markdown heading is one line: a break inside it would end it.
      return isHeading ? { type: 'text', text: ' ' } : node;
    }
    if (node.type !== 'text') {
      lineStart = false;
      return withMarkdownLinkAttrs(node);
    }
    let text = isHeading ? (node.text ?? '').replace(/\s*\n\s*/g, ' ') : (node.text ?? '');
    if (!hasLink(node)) text = applyAll(AUTOLINK, text, mark);
    if (isPlainText(node) && !isHeading) {
      // A newline inside a text node starts a new Markdown line too.
      text = text
        .split(/[ \t]*\n\s*/)
        .map((line, i) => (lineStart || i > 0 ? atLineStart(line) : line))
        .join('\n');
    }
    if (isHeading && isPlainText(node) && index === nodes.length - 1) {
      text = applyAll(HEADING_END, text, mark);
    }
    if (text !== '') lineStart = false;
    return withMarkdownLinkAttrs({ ...node, text });
  });
  return escaped;
};

const LISTS = new Set(['bulletList', 'orderedList']);

/**
 * Two lists of the same kind in a row would come back as one list (a blank line between items
 * only makes a list loose). An HTML comment between them ends the first, in every CommonMark
 * reader; the importer drops it again. It is written as a paragraph of placeholders here,
 * since the serializer would escape a real `<`.
 */
const separateAdjacentLists = (children: RichNode[], separator: string): RichNode[] =>
  children.flatMap((child, index) => {
    const previous = children[index - 1];
    return previous && LISTS.has(child.type) && previous.type === child.type
      ? [{ type: 'paragraph', content: [{ type: 'text', text: separator }] }, child]
      : [child];
  });

const escapeBlocks = (node: RichNode, mark: string): RichNode => {
  if (!node.content) return node;
  if (node.type === 'paragraph' || node.type === 'heading') {
    return { ...node, content: escapeInline(node.content, node.type === 'heading', mark) };
  }
  const children = node.content.map((child) => escapeBlocks(child, mark));
  return { ...node, content: separateAdjacentLists(children, mark.repeat(3)) };
};

/** What separates two lists of one kind; see separateAdjacentLists. */
export const LIST_SEPARATOR = '<!-- -->';

/** Markdown for a document (or a lone heading) that parses back to the same document. */
export const serializeMarkdown = (doc: RichNode): string => {
  const placeholder = pickPlaceholder(doc);
  const markdown = releaseMarkdown().serialize(escapeBlocks(doc, placeholder));
  return (
    markdown
      .replaceAll(placeholder.repeat(3), LIST_SEPARATOR)
      .replaceAll(placeholder, '\\')
      // A tab can only come from the text (the serializer indents with spaces); as a character
      // reference it reads back the same and linters stop taking it for indentation.
      .replaceAll('\t', '&#9;')
      // The table serializer surrounds a table with two blank lines; one is the Markdown norm.
      .replace(/\n{3,}/g, '\n\n')
  );
};
