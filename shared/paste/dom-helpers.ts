/**
 * Small DOM helpers for the paste cleaner. They use only what every DOM has (the renderer's,
 * jsdom's), never globals such as `Node` or `NodeFilter`, which Node itself does not define.
 */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const COMMENT_NODE = 8;

export const isElement = (node: Node): node is Element => node.nodeType === ELEMENT_NODE;

/** Lower-case tag name without a namespace prefix's case trouble (`O:P` → `o:p`). */
export const tagOf = (element: Element): string => element.tagName.toLowerCase();

/** The element's inline style as property → value, lower-cased names, values trimmed. */
export const styleOf = (element: Element): Map<string, string> => {
  const styles = new Map<string, string>();
  for (const declaration of (element.getAttribute('style') ?? '').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    if (name)
      styles.set(
        name,
        declaration
          .slice(colon + 1)
          .trim()
          .toLowerCase(),
      );
  }
  return styles;
};

/** Replaces the element by its children. */
export const unwrap = (element: Element): void => {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
};

/** A new element of another tag holding the old one's children, in its place; no attributes. */
export const rename = (element: Element, tag: string): Element => {
  const replacement = element.ownerDocument.createElement(tag);
  while (element.firstChild) replacement.appendChild(element.firstChild);
  element.parentNode?.replaceChild(replacement, element);
  return replacement;
};

/** Wraps the element's children in a new element of the tag, inside it. */
export const wrapChildren = (element: Element, tag: string): Element => {
  const wrapper = element.ownerDocument.createElement(tag);
  while (element.firstChild) wrapper.appendChild(element.firstChild);
  element.appendChild(wrapper);
  return wrapper;
};

/** Every element under the root, in document order, as a static list safe to mutate over. */
export const elementsOf = (root: Element, selector = '*'): Element[] => [
  ...root.querySelectorAll(selector),
];

/**
 * A node's children as a static list, read along the sibling links. Never `childNodes`: jsdom
 * keeps every `childNodes` list ever asked for up to date on each later change of its parent,
 * so a paste of 400,000 `<br>` cost 400,000 × 400,000 once the root's list existed.
 */
export const childrenOf = (node: Node): ChildNode[] => {
  const children: ChildNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
  return children;
};

/** Every node under `root` (not `root` itself), in document order, walked without recursion. */
export const descendantsOf = (root: Node): ChildNode[] => {
  const nodes: ChildNode[] = [];
  let node: Node | null = root.firstChild;
  while (node && node !== root) {
    nodes.push(node as ChildNode);
    if (node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  return nodes;
};

/** Removes every comment, including Word's `<!--[if !supportLists]-->` and `<![endif]>`. */
export const removeComments = (node: Node): void => {
  for (const child of descendantsOf(node)) {
    if (child.nodeType === COMMENT_NODE) child.remove();
  }
};

/** The element next to this one on one side, across whitespace only; null past any other node. */
export const elementBeside = (element: Element, side: 'previous' | 'next'): Element | null => {
  const step = (node: Node): ChildNode | null =>
    side === 'previous' ? node.previousSibling : node.nextSibling;
  let node = step(element);
  while (node && node.nodeType === TEXT_NODE && (node.textContent ?? '').trim() === '') {
    node = step(node);
  }
  return node && isElement(node) ? node : null;
};
