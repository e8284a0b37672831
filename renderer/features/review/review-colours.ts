import type { CSSProperties } from 'react';
import { authorColour } from '../../../shared/review';
import type { ReviewSnapshot } from './review-model';

let sheet: CSSStyleSheet | null = null;
let painted = '';

const adopted = (): CSSStyleSheet | null => {
  if (sheet) return sheet;
  if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return null;
  sheet = new CSSStyleSheet();
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return sheet;
};

/** Review ids are letters, digits and a dash (ReviewIdSchema): safe inside a CSS string. */
const safe = (id: string) => /^[a-z0-9-]+$/i.test(id);

/**
 * Colours the body's suggestions by author and lights the active thread, through one
 * constructed style sheet keyed by id: the window's CSP allows no inline styles, and the
 * marks carry only ids. Rewritten when the review changes (a new suggestion, another thread
 * chosen), never on a keystroke, and only when the rules differ.
 */
export const paintReview = ({ review, ui }: ReviewSnapshot): void => {
  const rules: string[] = [];
  for (const meta of review.suggestions)
    if (meta.field === 'body' && safe(meta.id))
      rules.push(`.prose [data-id='"${meta.id}"']{--review-colour:${authorColour(meta.author)}}`);
  for (const thread of review.threads) {
    if (!safe(thread.id)) continue;
    if (thread.resolved && !ui.showResolved)
      rules.push(
        `.prose [data-thread='${thread.id}']{background:none;border-bottom-color:transparent}`,
      );
  }
  if (ui.activeThreadId && safe(ui.activeThreadId))
    rules.push(
      `.prose [data-thread='${ui.activeThreadId}']{background:var(--comment-active);border-bottom-color:var(--comment-active-line)}`,
    );
  const css = rules.join('\n');
  if (css === painted) return;
  const target = adopted();
  if (!target) return;
  target.replaceSync(css);
  painted = css;
};

/**
 * An author's colour on a panel element, as a custom property set through the CSSOM (what
 * React does with `style`), which the CSP allows where a style attribute would be refused.
 */
export const colourStyle = (author: string): CSSProperties =>
  ({ '--review-colour': authorColour(author) }) as CSSProperties;
