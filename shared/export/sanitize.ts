/**
 * Cleans an HTML fragment. DOMPurify needs a DOM: the main process gives it one (jsdom), a
 * browser has its own; `shared/` stays free of both and only says what may pass.
 */
export type HtmlSanitizer = (html: string) => string;

/** Exactly what the release schema can produce (plus the dateline span): nothing else survives. */
export const EXPORT_ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  'a',
  'h2',
  'h3',
  'ul',
  'ol',
  'li',
  'blockquote',
  'hr',
  'span',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

export const EXPORT_ALLOWED_ATTRIBUTES = ['href', 'title', 'class', 'start', 'type'];

/**
 * URL schemes that pass: http(s) and mailto, and values with no scheme at all (`#annex`). DOMPurify
 * checks every attribute value that is not on its URI-safe list against this, so a value such as
 * a list's `start="7"` must match too. Relative links never get here: `isAllowedHref` refuses them.
 */
export const EXPORT_ALLOWED_URI = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
