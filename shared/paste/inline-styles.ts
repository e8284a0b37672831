import { elementsOf, rename, styleOf, tagOf, unwrap, wrapChildren } from './dom-helpers';

/**
 * Bold and italic as the clipboard encodes them, turned into the `<strong>`/`<em>` the editor
 * keeps, before the styles themselves are stripped:
 * - Google Docs wraps the whole selection in `<b style="font-weight:normal" id="docs-internal-guid-…">`
 *   (not bold), and marks real bold and italic on spans: `font-weight:700`, `font-style:italic`;
 * - Word and web pages use `<b>`/`<i>`, sometimes with a style that cancels them
 *   (`<b style="font-weight:normal">`). Only `font-weight` counts, not Word's
 *   `mso-bidi-font-weight`, which applies to right-to-left text only.
 */

const isBoldWeight = (weight: string | undefined): boolean | undefined => {
  if (weight === undefined) return undefined;
  if (weight === 'bold' || weight === 'bolder') return true;
  if (weight === 'normal' || weight === 'lighter') return false;
  const numeric = Number.parseInt(weight, 10);
  return Number.isNaN(numeric) ? undefined : numeric >= 600;
};

const isItalicStyle = (style: string | undefined): boolean | undefined =>
  style === undefined ? undefined : style === 'italic' || style === 'oblique';

const STYLED_WRAPPERS = new Set([
  'span',
  'font',
  'a',
  'u',
  's',
  'strike',
  'sub',
  'sup',
  'mark',
  'p',
]);

export const normaliseInlineStyles = (root: Element): void => {
  for (const element of elementsOf(root)) {
    const tag = tagOf(element);
    const styles = styleOf(element);
    const bold = isBoldWeight(styles.get('font-weight'));
    const italic = isItalicStyle(styles.get('font-style'));
    if (tag === 'b' || tag === 'strong') {
      if (bold === false) unwrap(element);
      else rename(element, 'strong');
      continue;
    }
    if (tag === 'i' || tag === 'em') {
      if (italic === false) unwrap(element);
      else rename(element, 'em');
      continue;
    }
    // Headings are bold by nature; a bold style on them or their spans adds nothing.
    if (element.closest('h1,h2,h3,h4,h5,h6')) continue;
    // Only inline wrappers and paragraphs: a <strong> must never end up holding a block.
    if (!STYLED_WRAPPERS.has(tag)) continue;
    if (bold) wrapChildren(element, 'strong');
    if (italic) wrapChildren(element, 'em');
  }
};
