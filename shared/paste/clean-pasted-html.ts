import DOMPurify from 'dompurify';
import {
  childrenOf,
  elementBeside,
  elementsOf,
  isElement,
  removeComments,
  rename,
  styleOf,
  tagOf,
  descendantsOf,
  TEXT_NODE,
  unwrap,
} from './dom-helpers';
import { normaliseInlineStyles } from './inline-styles';
import { rebuildWordLists } from './word-lists';

/**
 * Exactly what the editor's schema holds (shared/extensions.ts): anything else would be dropped
 * by the editor anyway, or worse, kept as a mark or attribute the exporters cannot write.
 */
export const PASTE_ALLOWED_TAGS = [
  'p',
  'h2',
  'h3',
  'ul',
  'ol',
  'li',
  'blockquote',
  'strong',
  'em',
  'a',
  'br',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
] as const;
export const PASTE_ALLOWED_ATTRIBUTES = ['href', 'start'] as const;
const ALLOWED_HREF = /^(?:https?:|mailto:)/i;

/** Dropped with everything inside: code, embeds, media (no remote image may load), forms, tracked deletions. */
const DROPPED =
  'script,style,noscript,template,iframe,frame,frameset,object,embed,applet,img,picture,' +
  'video,audio,source,track,svg,math,canvas,map,form,input,button,select,textarea,label,' +
  'fieldset,meta,link,title,head,base,del,s.msoDel,span.msoDel,nav,aside,footer,figcaption,' +
  'dialog';

/** Word's comments: the reference marks in the text and the comment list at the end. */
const WORD_COMMENTS =
  '.MsoCommentReference,.msocomtxt,.msocomoff,a[href^="#_msocom_"],a[name^="_msocom_"],' +
  '[style*="mso-element:comment"],[style*="mso-special-character:comment"]';

/** Share bars, ads and newsletter boxes a news page puts inside its article. */
const WIDGET =
  /(?:^|[\s_-])(share|sharing|social|advert|ad|ads|promo|newsletter|related|subscribe)(?:$|[\s_-])/i;

const isHidden = (element: Element): boolean => {
  const styles = styleOf(element);
  return (
    styles.get('display') === 'none' ||
    styles.get('visibility') === 'hidden' ||
    styles.get('mso-hide') === 'all' ||
    element.hasAttribute('hidden') ||
    element.getAttribute('aria-hidden') === 'true'
  );
};

const isWidget = (element: Element): boolean =>
  WIDGET.test(element.getAttribute('class') ?? '') || WIDGET.test(element.getAttribute('id') ?? '');

/**
 * What a paste left out that the officer may have meant to keep, or must check: the editor
 * says so after the paste, so nothing disappears without a word.
 */
export interface PasteReport {
  /** Pictures (tracking pixels and hidden images not counted): a release's images go to the web team. */
  images: number;
  /** Video, audio and embedded frames. */
  embeds: number;
  /** Word's comments. */
  comments: number;
  /** Tracked deletions: pasting accepts them. */
  deletions: number;
  /** Struck-through passages: the editor has no strikethrough, so they arrive as plain text. */
  struck: number;
}

/** A tracking pixel: both sides given, and neither more than 2 pixels. */
const isPixel = (image: Element): boolean =>
  ['width', 'height'].every((side) => {
    const size = (image.getAttribute(side) ?? '').trim();
    return size !== '' && Number.parseFloat(size) <= 2;
  });

const DELETIONS = 'del,s.msoDel,span.msoDel';
const STRUCK = 's,strike,[style*="line-through"]';
const EMBEDS = 'iframe,video,audio,object,embed';

/** What never shows on the page the text was copied from. */
const UNSEEN = 'noscript,template,head';
/** Where nothing belongs to the text the officer copied: page chrome, comments, deletions. */
const NOT_THE_TEXT = `${UNSEEN},nav,aside,footer,button,form,${DELETIONS},${WORD_COMMENTS}`;

const hasText = (element: Element): boolean =>
  (element.textContent ?? '').replace(/\u00a0/g, ' ').trim() !== '';

/** Counted before anything is removed, leaving out what the reader of the source never saw. */
const survey = (root: Element): PasteReport => {
  /** Matches that are part of the copied text, each counted once (not again inside another). */
  const found = (selector: string, within = NOT_THE_TEXT): Element[] =>
    elementsOf(root, selector).filter((element) => {
      if (element.parentElement?.closest(selector)) return false;
      for (let at: Element | null = element; at && at !== root; at = at.parentElement) {
        if (isHidden(at) || isWidget(at)) return false;
        if (at !== element && at.matches(within)) return false;
      }
      return true;
    });
  const commentTexts = found('.msocomtxt', UNSEEN).length;
  const commentRefs = new Set(
    found('a[href^="#_msocom_"]', UNSEEN).map((a) => a.getAttribute('href')),
  ).size;
  // A struck passage split into runs (Google Docs, a bold word inside it) is one passage.
  const struck = found(STRUCK).filter((element) => hasText(element));
  const isStruck = (element: Element | null): boolean =>
    !!element && (element.matches(STRUCK) || element.querySelector(STRUCK) !== null);
  return {
    images: found('img').filter((image) => !isPixel(image)).length,
    embeds: found(EMBEDS).length,
    comments: Math.max(commentTexts, commentRefs),
    deletions: found(DELETIONS, UNSEEN).filter(
      (element) => hasText(element) || element.querySelector('img') !== null,
    ).length,
    struck: struck.filter((element) => !isStruck(elementBeside(element, 'previous'))).length,
  };
};

const dropUnwanted = (root: Element): void => {
  for (const element of elementsOf(root, `${DROPPED},${WORD_COMMENTS}`)) element.remove();
  for (const element of elementsOf(root)) {
    // Word's `<o:p>` holds only the `&nbsp;` that keeps an empty paragraph open.
    if (tagOf(element) === 'o:p' || isHidden(element) || isWidget(element)) element.remove();
  }
  // Tracked insertions are text like any other once the change is accepted by pasting.
  for (const element of elementsOf(root, 'ins,.msoIns')) unwrap(element);
  // Chrome and Safari write a space at an element's edge as a no-break space in this span: it was
  // an ordinary space on the page, and must not glue the words around it together.
  for (const element of elementsOf(root, '.Apple-converted-space')) {
    element.replaceWith(
      root.ownerDocument.createTextNode(element.textContent?.replace(/\u00a0/g, ' ') ?? ''),
    );
  }
};

/** The headline is the document's only h1, and the schema stops at h3. */
const normaliseHeadings = (root: Element): void => {
  for (const heading of elementsOf(root, 'h1,h2,h3,h4,h5,h6')) {
    const level = Number(tagOf(heading).slice(1));
    rename(heading, level <= 2 ? 'h2' : 'h3');
  }
};

/**
 * Google Docs nests a sub-list directly in its parent `<ul>`, not in an `<li>`; the editor needs
 * it inside the item it belongs to.
 */
const nestListsInItems = (root: Element): void => {
  for (const list of elementsOf(root, 'ul,ol')) {
    const parent = list.parentElement;
    if (!parent || !/^(ul|ol)$/.test(tagOf(parent))) continue;
    const previous = list.previousElementSibling;
    if (previous && tagOf(previous) === 'li') previous.appendChild(list);
    else list.replaceWith(list.ownerDocument.createElement('li'));
  }
};

const keepSafeLinks = (root: Element): void => {
  for (const link of elementsOf(root, 'a')) {
    const href = (link.getAttribute('href') ?? '').trim();
    if (!ALLOWED_HREF.test(href)) unwrap(link);
  }
};

const BLOCK = 'p,h1,h2,h3,h4,h5,h6,ul,ol,li,blockquote,table,div,section,article,hr,pre';

const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);
const CELL_BLOCKS = 'p,div,h1,h2,h3,h4,h5,h6,ul,ol,li,blockquote,pre,section,article';

/** Unwraps an element, keeping a space where it ended so words on either side stay apart. */
const unwrapSpaced = (element: Element): void => {
  element.after(element.ownerDocument.createTextNode(' '));
  unwrap(element);
};

/**
 * A release's table cell holds one line of text (it must fit a Markdown table): paragraphs,
 * lists and headings inside a cell run together, and a table inside a cell dissolves into it.
 */
const flattenTable = (element: Element, tag: string): void => {
  if (element.parentElement?.closest('td,th')) {
    unwrapSpaced(element);
    return;
  }
  if (tag === 'tfoot') rename(element, 'tbody');
  if (tag !== 'td' && tag !== 'th') return;
  for (const block of [...element.querySelectorAll(CELL_BLOCKS)].reverse()) unwrapSpaced(block);
  for (const rule of [...element.querySelectorAll('hr')]) rule.remove();
  // The spaces left where blocks ended: merged, and none at the cell's edges.
  element.normalize();
  const { firstChild: first, lastChild: last } = element;
  if (first?.nodeType === TEXT_NODE) first.textContent = (first.textContent ?? '').trimStart();
  if (last?.nodeType === TEXT_NODE) last.textContent = (last.textContent ?? '').trimEnd();
};

/**
 * Layout containers go, their content stays. A `<div>` holding only text is a paragraph (news
 * sites and Word Online use them so), otherwise it just disappears. Tables stay tables.
 */
const flattenContainers = (root: Element): void => {
  for (const element of elementsOf(root).reverse()) {
    const tag = tagOf(element);
    if (TABLE_PARTS.has(tag)) {
      flattenTable(element, tag);
    } else if (tag === 'div' || tag === 'pre') {
      if (element.querySelector(BLOCK)) unwrap(element);
      else rename(element, 'p');
    } else if (!(PASTE_ALLOWED_TAGS as readonly string[]).includes(tag)) {
      unwrap(element);
    }
  }
};

const isEmpty = (element: Element): boolean =>
  (element.textContent ?? '').replace(/\u00a0/g, ' ').trim() === '' &&
  !element.querySelector('br,hr');

/** Word's spacer paragraphs (`<p><o:p>&nbsp;</o:p></p>`) and Google Docs' `<br>` between blocks. */
const dropEmptyBlocks = (root: Element): void => {
  // In document order: removing an empty element leaves its parent's emptiness as it was, and
  // jsdom (the tests' DOM) removes the first of many siblings at once but the last one by
  // counting all the others.
  for (const element of elementsOf(root, 'p,h2,h3,blockquote,strong,em,a')) {
    if (isEmpty(element)) element.remove();
  }
  for (const element of elementsOf(root, 'li').reverse()) {
    if (isEmpty(element) && !element.querySelector('li')) element.remove();
  }
  for (const element of elementsOf(root, 'ul,ol'))
    if (!element.querySelector('li')) element.remove();
  for (const child of childrenOf(root)) {
    if (isElement(child) && tagOf(child) === 'br') child.remove();
  }
};

/**
 * Source line breaks inside text (Word wraps its HTML at 80 columns) mean a space, as HTML
 * renders them; whitespace between blocks means nothing. Non-breaking spaces stay: French puts
 * them before `:` and `?`.
 */
const BLOCK_TAGS = /^(p|h2|h3|ul|ol|li|blockquote|hr|table|thead|tbody|tr|td|th)$/;
const isBlockOrNothing = (node: Node | null): boolean =>
  node === null || (isElement(node) && BLOCK_TAGS.test(tagOf(node)));
const besideBlock = (node: Node): boolean =>
  isBlockOrNothing(node.previousSibling) || isBlockOrNothing(node.nextSibling);

const BLOCK_CONTAINER = /^(ul|ol|li|blockquote|table|thead|tbody|tr)$/;

/** In document order, as a recursive walk would go, but with a loop: pastes can nest deep. */
const tidyWhitespace = (root: Element): void => {
  for (const node of descendantsOf(root)) {
    if (node.nodeType !== TEXT_NODE) continue;
    const parent = node.parentNode;
    const inBlockContainer =
      parent === root ||
      (parent !== null && isElement(parent) && BLOCK_CONTAINER.test(tagOf(parent)));
    const collapsed = (node.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' ');
    if (inBlockContainer && collapsed.trim() === '' && besideBlock(node)) node.remove();
    else node.textContent = collapsed;
  }
};

const stripAttributes = (root: Element): void => {
  for (const element of elementsOf(root)) {
    for (const { name } of [...element.attributes]) {
      const keep =
        (name === 'href' && tagOf(element) === 'a') ||
        (name === 'start' && tagOf(element) === 'ol');
      if (!keep) element.removeAttribute(name);
    }
  }
};

/** Parses without running anything: a template's content is inert, and so is a fresh document. */
const parse = (html: string, doc: Document): Element => {
  const inert = doc.implementation.createHTMLDocument('');
  const template = inert.createElement('template');
  template.innerHTML = html;
  const root = inert.createElement('div');
  root.appendChild(template.content);
  return root;
};

/**
 * Clipboard HTML from Word, Google Docs or a web page, reduced to the clean HTML the editor
 * keeps: headings, paragraphs, lists (Word's rebuilt), tables (one line of text a cell), links
 * (http, https, mailto), bold, italic, quotes. Fonts, colours, classes, styles, comments, tracked changes, images, scripts,
 * forms and event handlers are gone. `doc` is any DOM Document (the renderer's `document`, or
 * jsdom's in tests); nothing pasted is ever attached to it. The result also passes DOMPurify
 * with an allow-list of the schema's tags and attributes, as a second, independent line.
 */
export const cleanPastedHtml = (html: string, doc: Document): string =>
  cleanPastedHtmlWithReport(html, doc).html;

/** {@link cleanPastedHtml}, with what it left out that the officer should hear about. */
export const cleanPastedHtmlWithReport = (
  html: string,
  doc: Document,
): { html: string; report: PasteReport } => {
  const root = parse(html, doc);
  removeComments(root);
  const report = survey(root);
  dropUnwanted(root);
  rebuildWordLists(root);
  normaliseInlineStyles(root);
  normaliseHeadings(root);
  nestListsInItems(root);
  keepSafeLinks(root);
  flattenContainers(root);
  dropEmptyBlocks(root);
  tidyWhitespace(root);
  stripAttributes(root);
  const view = doc.defaultView;
  if (!view) throw new Error('cleanPastedHtml needs a Document with a window (defaultView)');
  const clean = DOMPurify(view)
    .sanitize(root.innerHTML, {
      ALLOWED_TAGS: [...PASTE_ALLOWED_TAGS],
      ALLOWED_ATTR: [...PASTE_ALLOWED_ATTRIBUTES],
      ALLOWED_URI_REGEXP: ALLOWED_HREF,
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
    })
    .trim();
  return { html: clean, report };
};

const counted = (count: number, one: string, many: string): string | null =>
  count === 0 ? null : `${count} ${count === 1 ? one : many}`;

/** The notice after a paste, or null when nothing worth a word was left out. */
export const describePasteReport = (report: PasteReport): string | null => {
  const left = [
    counted(report.images, 'image', 'images'),
    counted(report.embeds, 'video or embedded frame', 'videos or embedded frames'),
    counted(report.comments, 'comment', 'comments'),
    counted(report.deletions, 'tracked deletion', 'tracked deletions'),
  ].filter((part): part is string => part !== null);
  const sentences = [];
  if (left.length > 0) sentences.push(`Left out of the paste: ${left.join(', ')}.`);
  if (report.struck > 0)
    sentences.push(
      report.struck === 1
        ? 'A struck-through passage was pasted as ordinary text: check whether it belongs.'
        : `${report.struck} struck-through passages were pasted as ordinary text: check whether they belong.`,
    );
  return sentences.length > 0 ? sentences.join(' ') : null;
};
