import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import {
  EXPORT_ALLOWED_ATTRIBUTES,
  EXPORT_ALLOWED_TAGS,
  EXPORT_ALLOWED_URI,
  type HtmlSanitizer,
} from '../../shared/export/sanitize';

type Purifier = ReturnType<typeof createDOMPurify>;

let purifier: Purifier | undefined;

/** One jsdom window for the process: making one costs tens of milliseconds, sanitising far less. */
const purify = (): Purifier => (purifier ??= createDOMPurify(new JSDOM('').window));

/**
 * DOMPurify over what the exporters generate: only the tags and attributes a release body can
 * hold, only http(s), mailto and in-page links. The exporters already escape text and refuse
 * other links; this is the second, independent line.
 */
export const sanitizeExportHtml: HtmlSanitizer = (html) =>
  purify().sanitize(html, {
    ALLOWED_TAGS: EXPORT_ALLOWED_TAGS,
    ALLOWED_ATTR: EXPORT_ALLOWED_ATTRIBUTES,
    ALLOWED_URI_REGEXP: EXPORT_ALLOWED_URI,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
  });

/** For imported HTML: the same allow-list, plus the tags an import maps (headings, tables, code). */
export const sanitizeImportHtml = (html: string): string =>
  purify().sanitize(html, {
    ALLOWED_TAGS: [
      ...EXPORT_ALLOWED_TAGS,
      'h1',
      'h4',
      'h5',
      'h6',
      'b',
      'i',
      'article',
      'header',
      'section',
      'div',
    ],
    ALLOWED_ATTR: ['href', 'title', 'class', 'start'],
    ALLOWED_URI_REGEXP: EXPORT_ALLOWED_URI,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    // Whole elements whose text is code or styling, never release text.
    FORBID_CONTENTS: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math'],
  });
