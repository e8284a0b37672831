import { Extension, type Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { withoutCommentAnchors } from '../../../shared/paste/strip-comment-marks';
import { COMMENT_MARK } from '../../../shared/review';
import { untracked } from './suggest-mode';

export interface CommentAnchorsOptions {
  /** The officer clicked commented text: the thread(s) it belongs to, innermost first. */
  onActivate: ((threadIds: string[]) => void) | null;
}

const threadIdsAt = (doc: PMNode, pos: number): string[] => {
  const $pos = doc.resolve(pos);
  const marks = [...($pos.nodeAfter?.marks ?? []), ...($pos.nodeBefore?.marks ?? [])];
  const ids = marks
    .filter((mark) => mark.type.name === COMMENT_MARK)
    .map((mark) => mark.attrs.threadId as unknown)
    .filter((id): id is string => typeof id === 'string');
  return [...new Set(ids)];
};

/**
 * Comment anchors in the body: pasted and dropped text loses them (a copy must not open a
 * second home for the thread; a move keeps them), and a click on one opens its thread.
 */
export const CommentAnchors = Extension.create<CommentAnchorsOptions>({
  name: 'commentAnchors',
  addOptions: () => ({ onActivate: null }),
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin({
        key: new PluginKey('commentAnchors'),
        props: {
          transformPasted: (slice, view) =>
            view.dragging?.move ? slice : withoutCommentAnchors(slice),
          handleClick: (view, pos) => {
            const ids = threadIdsAt(view.state.doc, pos);
            if (ids.length > 0) options.onActivate?.(ids);
            return false;
          },
        },
      }),
    ];
  },
});

/** The range a thread's anchor covers now, first to last piece, or null when detached. */
export const anchorRange = (doc: PMNode, threadId: string): { from: number; to: number } | null => {
  let from = -1;
  let to = -1;
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    if (node.marks.some((m) => m.type.name === COMMENT_MARK && m.attrs.threadId === threadId)) {
      if (from < 0) from = pos;
      to = pos + node.nodeSize;
    }
    return false;
  });
  return from < 0 ? null : { from, to };
};

/** Anchors a new thread on the selection; never a suggestion, whatever mode the body is in. */
export const anchorThread = (editor: Editor, threadId: string): string | null => {
  const { from, to, empty } = editor.state.selection;
  if (empty) return null;
  const type = editor.schema.marks[COMMENT_MARK];
  if (!type) return null;
  const quote = editor.state.doc
    .textBetween(from, to, ' ')
    .replace(/\u200b/g, '')
    .trim();
  if (!quote) return null;
  editor.view.dispatch(untracked(editor.state.tr.addMark(from, to, type.create({ threadId }))));
  return quote;
};

/** Takes a thread's anchor out again (a comment begun and cancelled). */
export const dropAnchor = (editor: Editor, threadId: string): void => {
  const type = editor.schema.marks[COMMENT_MARK];
  if (!type) return;
  const tr = editor.state.tr;
  editor.state.doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const mark = node.marks.find((m) => m.type === type && m.attrs.threadId === threadId);
    if (mark) tr.removeMark(pos, pos + node.nodeSize, mark);
    return false;
  });
  if (tr.docChanged) editor.view.dispatch(untracked(tr).setMeta('addToHistory', false));
};
