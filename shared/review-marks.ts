import { Mark } from '@tiptap/core';
import Blockquote from '@tiptap/extension-blockquote';
import Document from '@tiptap/extension-document';
import { BulletList, ListItem, OrderedList } from '@tiptap/extension-list';
import type { MarkSpec } from '@tiptap/pm/model';
import { deletion, insertion, modification } from '@handlewithcare/prosemirror-suggest-changes';
import { COMMENT_MARK, SUGGESTION_MARKS } from './review';

/**
 * A suggestion mark: the package's own spec (its names, exclusions, DOM form and `id`), made a
 * Tiptap mark so the editor and the exporters build it from the same list as everything else.
 */
const suggestionMark = (name: (typeof SUGGESTION_MARKS)[number], spec: MarkSpec) =>
  Mark.create({
    name,
    inclusive: false,
    excludes: typeof spec.excludes === 'string' ? spec.excludes : undefined,
    addAttributes() {
      const attrs: Record<string, { default: unknown; rendered: false }> = {};
      for (const key of Object.keys(spec.attrs ?? {}))
        attrs[key] = { default: key === 'id' ? null : null, rendered: false };
      return attrs;
    },
    // Called for every mark in the schema: only this one takes the package's DOM form.
    extendMarkSchema: (extension) =>
      extension.name === name ? { toDOM: spec.toDOM, parseDOM: spec.parseDOM } : {},
  });

export const Insertion = suggestionMark('insertion', insertion);
export const Deletion = suggestionMark('deletion', deletion);
export const Modification = suggestionMark('modification', modification);

/**
 * A comment's anchor: only the thread's id, the thread itself kept beside the body. Comments
 * may overlap, so the mark does not exclude itself; text typed at its edge is not commented.
 */
export const CommentMark = Mark.create({
  name: COMMENT_MARK,
  inclusive: false,
  excludes: '',
  addAttributes() {
    return {
      threadId: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute('data-thread'),
        renderHTML: (attrs: Record<string, unknown>) => ({
          'data-thread': typeof attrs.threadId === 'string' ? attrs.threadId : null,
        }),
      },
    };
  },
  parseHTML: () => [{ tag: 'span[data-thread]' }],
  renderHTML: ({ HTMLAttributes }) => ['span', { ...HTMLAttributes, class: 'comment-anchor' }, 0],
});

/**
 * The nodes that hold blocks, allowed to carry suggestion marks on the blocks they hold, so a
 * paragraph or a list item can be suggested in or out whole. StarterKit's own are turned off
 * in shared/extensions.ts for these.
 */
const BLOCK_MARKS = SUGGESTION_MARKS.join(' ');
export const blockHolders = () => [
  Document.extend({ marks: BLOCK_MARKS }),
  Blockquote.extend({ marks: BLOCK_MARKS }),
  BulletList.extend({ marks: BLOCK_MARKS }),
  OrderedList.extend({ marks: BLOCK_MARKS }),
  ListItem.extend({ marks: BLOCK_MARKS }),
];

/** Everything review adds to a body's schema. */
export const reviewExtensions = () => [Insertion, Deletion, Modification, CommentMark];
