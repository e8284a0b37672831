import { Editor, type JSONContent } from '@tiptap/core';
import { JSDOM } from 'jsdom';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { FindReplace } from '../../renderer/features/find/find-replace-extension';
import { CommentAnchors } from '../../renderer/features/review/comment-anchors';
import { ReviewModel } from '../../renderer/features/review/review-model';
import { setSuggesting, SuggestMode } from '../../renderer/features/review/suggest-mode';
import { releaseExtensions } from '../../shared/extensions';
import { reviewMarksIn, type ReviewState } from '../../shared/review';
import type { RichNode } from '../../shared/schemas';

const open: Editor[] = [];

/** jsdom's window stands in for the renderer's while these tests run. */
export const useDom = (): JSDOM => {
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  const globals = ['window', 'document', 'navigator'] as const;
  const saved = new Map<string, unknown>();
  beforeAll(() => {
    for (const name of globals) {
      saved.set(name, Reflect.get(globalThis, name));
      Object.defineProperty(globalThis, name, {
        value: dom.window[name],
        configurable: true,
        writable: true,
      });
    }
  });
  afterEach(() => {
    for (const editor of open.splice(0)) editor.destroy();
  });
  afterAll(() => {
    for (const name of globals)
      Object.defineProperty(globalThis, name, {
        value: saved.get(name),
        configurable: true,
        writable: true,
      });
  });
  return dom;
};

export interface ReviewEditor {
  editor: Editor;
  model: ReviewModel;
  saved: ReviewState[];
  /** Types text at the caret one character at a time, as a keyboard does. */
  type: (text: string) => void;
  /** Pastes HTML at the selection, through the editor's paste handling. */
  paste: (html: string) => void;
  /** The body's suggestions as the panel reads them. */
  suggestions: () => ReturnType<typeof reviewMarksIn>['suggestions'];
  json: () => RichNode;
}

export const reviewEditor = (dom: JSDOM, content: JSONContent | string): ReviewEditor => {
  const saved: ReviewState[] = [];
  const model = new ReviewModel(undefined, (review) => saved.push(review));
  model.author = 'Anna Berg';
  const editor = new Editor({
    element: dom.window.document.createElement('div'),
    extensions: [
      ...releaseExtensions(),
      FindReplace,
      SuggestMode.configure({ authors: model }),
      CommentAnchors.configure({ onActivate: (ids) => model.setUi({ activeThreadId: ids[0] }) }),
    ],
    content,
  });
  model.editor = editor;
  open.push(editor);
  const json = () => editor.getJSON() as RichNode;
  return {
    editor,
    model,
    saved,
    json,
    type: (text) => {
      for (const character of text) {
        const { from, to } = editor.state.selection;
        editor.view.dispatch(editor.state.tr.insertText(character, from, to));
      }
    },
    // jsdom has no ClipboardEvent: a plain event stands in, the view reads only its type.
    paste: (html) =>
      editor.view.pasteHTML(html, new dom.window.Event('paste') as unknown as ClipboardEvent),
    suggestions: () => reviewMarksIn(json()).suggestions,
  };
};

export const suggestingAs = (review: ReviewEditor, author: string): void => {
  review.model.author = author;
  setSuggesting(review.editor, true);
};

/** The position just after the first occurrence of `text` in the body. */
export const after = (editor: Editor, text: string): number => {
  let found = -1;
  editor.state.doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isText && node.text) {
      const index = node.text.indexOf(text);
      if (index >= 0) found = pos + index + text.length;
    }
    return true;
  });
  if (found < 0) throw new Error(`${text} is not in the body`);
  return found;
};

export const before = (editor: Editor, text: string): number => after(editor, text) - text.length;
