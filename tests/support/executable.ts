import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import type { ExportFormat } from '../../shared/schemas';

const markdownIt = new MarkdownIt('commonmark');

/** The HTML a file amounts to: Markdown rendered with raw HTML allowed, ninjs's bodies. */
const asHtml = (format: ExportFormat, content: string): string =>
  format === 'md'
    ? markdownIt.render(content.replace(/^---\n[\s\S]*?\n---\n/, ''))
    : format === 'ninjs'
      ? (JSON.parse(content) as { bodies: { value: string }[] }).bodies
          .map((b) => b.value)
          .join('\n')
      : content;

/**
 * Everything in an export that a browser could run: script elements (except the HTML document's
 * JSON-LD data block), event-handler attributes, script or data URLs, embedding elements.
 * An empty list means the file is safe to open or paste.
 */
export const executableParts = (format: ExportFormat, content: string): string[] => {
  const { document } = new JSDOM(asHtml(format, content)).window;
  const found: string[] = [];
  for (const script of document.querySelectorAll('script')) {
    if (format !== 'html' || script.getAttribute('type') !== 'application/ld+json') {
      found.push(`<script type=${script.getAttribute('type')}>`);
    }
  }
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) found.push(`${element.tagName} ${attribute.name}`);
      if (
        ['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(attribute.name) &&
        /^\s*(javascript|data|vbscript):/i.test(attribute.value)
      ) {
        found.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
      }
    }
  }
  for (const element of document.querySelectorAll(
    'iframe, object, embed, img, svg, math, form, meta[http-equiv], base, body style',
  )) {
    found.push(element.tagName);
  }
  return found;
};
