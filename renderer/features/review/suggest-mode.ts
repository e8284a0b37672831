import {
  applySuggestion,
  applySuggestions,
  isSuggestChangesEnabled,
  revertSuggestion,
  revertSuggestions,
  suggestChanges,
  suggestChangesKey,
  transformToSuggestionTransaction,
} from '@handlewithcare/prosemirror-suggest-changes';
import { Extension, type Editor } from '@tiptap/core';
import { closeHistory } from '@tiptap/pm/history';
import type { Command, Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import { newReviewId } from '../../../shared/review';
import { guardAuthors } from './author-guard';

/** Who is editing, and who owns each suggestion id: the review's side table. */
export interface SuggestionAuthors {
  /** The author of edits made now. */
  current: () => string;
  ownerOf: (id: string) => string | null;
  /** A new suggestion of the current author's appeared in the body. */
  claim: (id: string, author: string) => void;
}

export interface SuggestModeOptions {
  authors: SuggestionAuthors | null;
}

/** Marks a transaction that must never be recorded as a suggestion (a load, a decision). */
export const untracked = (tr: Transaction): Transaction =>
  tr.setMeta(suggestChangesKey, { skip: true });

/**
 * Tiptap's setContent replaces the whole document and always sets `preventUpdate`: loading a
 * release or showing another window's version is never someone's suggestion.
 */
const isSetContent = (tr: Transaction): boolean =>
  tr.getMeta('preventUpdate') !== undefined &&
  tr.steps.some(
    (step) => step instanceof ReplaceStep && step.from === 0 && step.to === tr.before.content.size,
  );

const meta = (tr: Transaction): Record<string, unknown> => {
  const value: unknown = tr.getMeta(suggestChangesKey);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
};

const shouldTrack = (tr: Transaction, enabled: boolean): boolean =>
  enabled &&
  tr.docChanged &&
  tr.getMeta('history$') === undefined &&
  !('skip' in meta(tr)) &&
  !isSetContent(tr);

/** The idle-free core: the package's rewrite, then the guard that keeps authors apart. */
export const trackTransaction = (
  tr: Transaction,
  state: Parameters<typeof transformToSuggestionTransaction>[1],
  authors: SuggestionAuthors,
): Transaction => {
  const minted = new Set<string>();
  const mint = () => {
    const id = newReviewId('s');
    minted.add(id);
    return id;
  };
  const tracked = transformToSuggestionTransaction(tr, state, mint);
  const author = authors.current();
  let fresh: string | null = null;
  guardAuthors(tracked, {
    isMine: (id) => minted.has(id) || authors.ownerOf(id) === author,
    freshId: () => (fresh ??= mint()),
  });
  for (const id of minted) if (appearsIn(tracked, id)) authors.claim(id, author);
  return tracked;
};

/** Whether a step of the transaction put this id into the body (a freshly minted id is rare). */
const appearsIn = (tr: Transaction, id: string): boolean =>
  tr.steps.some((step) => JSON.stringify(step.toJSON()).includes(`"${id}"`));

/**
 * Suggestion mode for the body: while on, every edit, however it is made, is rewritten by
 * @handlewithcare/prosemirror-suggest-changes into insertion, deletion and modification marks
 * carrying review ids of the editing author.
 */
export const SuggestMode = Extension.create<SuggestModeOptions>({
  name: 'suggestMode',
  addOptions: () => ({ authors: null }),
  addProseMirrorPlugins: () => [suggestChanges()],
  dispatchTransaction({ transaction, next }) {
    const authors = this.options.authors;
    const state = this.editor.state;
    if (!authors || !shouldTrack(transaction, isSuggestChangesEnabled(state))) {
      next(transaction);
      return;
    }
    next(trackTransaction(transaction, state, authors));
  },
});

export const isSuggesting = (editor: Editor): boolean => isSuggestChangesEnabled(editor.state);

export const setSuggesting = (editor: Editor, on: boolean): void => {
  if (isSuggesting(editor) === on) return;
  editor.view.dispatch(editor.state.tr.setMeta(suggestChangesKey, { enabled: on, skip: true }));
};

/** One decision, one undo step: not merged with the typing before it, never tracked itself. */
const decide = (editor: Editor, command: Command): boolean =>
  command(editor.state, (tr) => editor.view.dispatch(closeHistory(untracked(tr))));

export const acceptSuggestion = (editor: Editor, id: string): boolean =>
  decide(editor, applySuggestion(id));
export const rejectSuggestion = (editor: Editor, id: string): boolean =>
  decide(editor, revertSuggestion(id));
export const acceptAllSuggestions = (editor: Editor): boolean => decide(editor, applySuggestions);
export const rejectAllSuggestions = (editor: Editor): boolean => decide(editor, revertSuggestions);
