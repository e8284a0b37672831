import { Mark } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import type { Editor } from '@tiptap/core';

/** What the formatting buttons show: each an `isActive` check, the costly part of a transaction. */
export const formattingOf = (e: Editor) => ({
  bold: e.isActive('bold'),
  italic: e.isActive('italic'),
  h2: e.isActive('heading', { level: 2 }),
  h3: e.isActive('heading', { level: 3 }),
  bullet: e.isActive('bulletList'),
  ordered: e.isActive('orderedList'),
  quote: e.isActive('blockquote'),
  link: e.isActive('link'),
  table: e.isActive('table'),
});
export type Formatting = ReturnType<typeof formattingOf>;

/**
 * Whether every `isActive` above answers the same in both states. For a caret (an empty
 * selection) Tiptap's answer depends only on the nodes around it (types and attributes, from
 * the doc down) and the marks the next letter gets (stored marks, else those at the caret): a
 * letter typed inside a paragraph changes neither. Any other selection is checked afresh.
 */
export const sameFormattingContext = (a: EditorState, b: EditorState): boolean => {
  if (a === b) return true;
  if (!a.selection.empty || !b.selection.empty) return false;
  const $a = a.selection.$from;
  const $b = b.selection.$from;
  if ($a.depth !== $b.depth) return false;
  for (let depth = 1; depth <= $a.depth; depth++) {
    const node = $b.node(depth);
    if (!$a.node(depth).hasMarkup(node.type, node.attrs, node.marks)) return false;
  }
  return Mark.sameSet(a.storedMarks ?? $a.marks(), b.storedMarks ?? $b.marks());
};
