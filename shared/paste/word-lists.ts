import { elementBeside, elementsOf, rename, styleOf } from './dom-helpers';

/**
 * Word puts lists on the clipboard as paragraphs, not as `<ul>`/`<ol>`:
 * `<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'>` with the bullet or number
 * as text in `<span style='mso-list:Ignore'>`. Without this, they paste as paragraphs that start
 * with a stray `·` or `1.`. The list's id (`l0`) and level (`level2`) rebuild the nesting; the
 * marker tells a numbered list (`1.`, `a)`, `iv.`) from a bulleted one (`·`, `o`, `§`).
 */

interface WordListItem {
  element: Element;
  marker: Element | undefined;
  listId: string;
  level: number;
  ordered: boolean;
}

const MSO_LIST = /l(\d+)\s+level(\d+)/;
const ORDERED_MARKER = /^\(?(\d+|[a-z]|[ivxlcdm]+)[.)]/i;

const markerOf = (element: Element): Element | undefined =>
  elementsOf(element, 'span').find((span) => styleOf(span).get('mso-list') === 'ignore');

const readItem = (element: Element): WordListItem | null => {
  const list = styleOf(element).get('mso-list');
  const match = list ? MSO_LIST.exec(list) : null;
  if (!match) return null;
  const marker = markerOf(element);
  const markerText = (marker?.textContent ?? '').replace(/\s+/g, '');
  return {
    element,
    marker,
    listId: match[1] ?? '0',
    level: Number(match[2] ?? 1),
    ordered: ORDERED_MARKER.test(markerText),
  };
};

interface OpenList {
  level: number;
  ordered: boolean;
  list: Element;
}

const buildList = (items: readonly WordListItem[]): void => {
  const first = items[0];
  if (!first) return;
  const doc = first.element.ownerDocument;
  const stack: OpenList[] = [];
  const open = (item: WordListItem): OpenList => {
    const list = doc.createElement(item.ordered ? 'ol' : 'ul');
    const parent = stack[stack.length - 1];
    const lastItem = parent?.list.lastElementChild;
    if (parent && lastItem) lastItem.appendChild(list);
    else if (parent) parent.list.appendChild(doc.createElement('li')).appendChild(list);
    else item.element.before(list);
    const opened = { level: item.level, ordered: item.ordered, list };
    stack.push(opened);
    return opened;
  };
  for (const item of items) {
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) > item.level) stack.pop();
    let top = stack[stack.length - 1];
    if (top && top.level === item.level && top.ordered !== item.ordered) {
      // A list of the other kind at the same level: close this one, open the other.
      stack.pop();
      top = undefined;
    }
    if (!top || top.level < item.level) top = open(item);
    item.marker?.remove();
    const li = doc.createElement('li');
    top.list.appendChild(li);
    li.appendChild(rename(item.element, 'p'));
  }
};

/** Turns every run of Word list paragraphs under the root into nested `<ul>`/`<ol>`. */
export const rebuildWordLists = (root: Element): void => {
  const seen = new Set<Element>();
  for (const element of elementsOf(root, '[style*="mso-list"]')) {
    if (seen.has(element) || /^h[1-6]$/i.test(element.tagName)) continue;
    const run: WordListItem[] = [];
    let current: Element | null = element;
    while (current && !seen.has(current)) {
      const item = readItem(current);
      if (!item || (run[0] && run[0].listId !== item.listId)) break;
      seen.add(current);
      run.push(item);
      // Whitespace between two list paragraphs does not end the list.
      current = elementBeside(current, 'next');
    }
    buildList(run);
  }
  // A numbered heading keeps its words, not Word's typed-out number.
  for (const heading of elementsOf(root, 'h1,h2,h3,h4,h5,h6')) markerOf(heading)?.remove();
};
