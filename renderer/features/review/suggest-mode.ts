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
import type { MarkType, Node as PmNode } from '@tiptap/pm/model';
import {
  Plugin,
  PluginKey,
  type Command,
  type EditorState,
  type Transaction,
} from '@tiptap/pm/state';
import {
  AddMarkStep,
  AddNodeMarkStep,
  AttrStep,
  DocAttrStep,
  RemoveMarkStep,
  RemoveNodeMarkStep,
  ReplaceAroundStep,
  ReplaceStep,
  type Step,
} from '@tiptap/pm/transform';
import { DecorationSet } from '@tiptap/pm/view';
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

/** The marks the package's decorations read: whole blocks and pilcrows of these two. */
const decoratedMarks = (state: EditorState): MarkType[] =>
  [state.schema.marks.insertion, state.schema.marks.deletion].filter(
    (type): type is MarkType => type !== undefined,
  );

/** Whether any text in the fragment or node carries one of the marks (stops at the first). */
const holdsMarks = (content: PmNode['content'], types: readonly MarkType[]): boolean => {
  let found = false;
  content.descendants((node) => {
    if (found) return false;
    if (node.isText && types.some((type) => type.isInSet(node.marks))) found = true;
    return !found;
  });
  return found;
};

/** Whether a step can put one of the marks into a document that had none: O(what it brings). */
const bringsMarks = (step: Step, types: readonly MarkType[]): boolean => {
  if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep)
    return holdsMarks(step.slice.content, types);
  if (step instanceof AddMarkStep || step instanceof AddNodeMarkStep)
    return types.includes(step.mark.type);
  if (
    step instanceof RemoveMarkStep ||
    step instanceof RemoveNodeMarkStep ||
    step instanceof AttrStep ||
    step instanceof DocAttrStep
  )
    return false;
  // A step of a kind not known here: assume it may, and look at the whole document.
  return true;
};

interface SuggestionDecorations {
  /** Whether the document holds any insertion or deletion mark. */
  marked: boolean;
  set: DecorationSet;
}

const decorationsKey = new PluginKey<SuggestionDecorations>('suggestionDecorations');

/**
 * The package's plugin, its `decorations` prop moved into a plugin state of its own. The
 * package walks the whole document and builds a new DecorationSet on every state update, a
 * selection change included, suggestions or not (~0.1 ms a keystroke on 5,000 words). Here
 * the set is built only when the document changed and holds suggestion marks; a document
 * without any (the usual case) keeps the empty set, and a step is looked at only for what it
 * brings, so typing costs nothing proportional to the document.
 */
export const suggestChangesPlugins = (): Plugin[] => {
  const original = suggestChanges();
  const { decorations: build, ...props } = original.spec.props ?? {};
  const decorate = (state: EditorState): SuggestionDecorations => {
    const types = decoratedMarks(state);
    if (!build || !holdsMarks(state.doc.content, types))
      return { marked: false, set: DecorationSet.empty };
    const set = build.call(original, state);
    return { marked: true, set: set instanceof DecorationSet ? set : DecorationSet.empty };
  };
  return [
    new Plugin({ ...original.spec, props }),
    new Plugin<SuggestionDecorations>({
      key: decorationsKey,
      state: {
        init: (_config, state) => decorate(state),
        apply: (tr, value, _old, state) => {
          if (!tr.docChanged) return value;
          if (!value.marked) {
            const types = decoratedMarks(state);
            if (!tr.steps.some((step) => bringsMarks(step, types))) return value;
          }
          return decorate(state);
        },
      },
      props: { decorations: (state) => decorationsKey.getState(state)?.set },
    }),
  ];
};

/** The suggestion decorations the body shows (the view reads them from this plugin's state). */
export const suggestionDecorations = (state: EditorState): DecorationSet | undefined =>
  decorationsKey.getState(state)?.set;

/**
 * Suggestion mode for the body: while on, every edit, however it is made, is rewritten by
 * @handlewithcare/prosemirror-suggest-changes into insertion, deletion and modification marks
 * carrying review ids of the editing author.
 */
export const SuggestMode = Extension.create<SuggestModeOptions>({
  name: 'suggestMode',
  addOptions: () => ({ authors: null }),
  addProseMirrorPlugins: () => suggestChangesPlugins(),
  dispatchTransaction({ transaction, next }) {
    const authors = this.options.authors;
    const state = this.editor.state;
    // Off (the usual case): straight through, nothing looked at but the plugin's flag.
    if (!authors || !isSuggestChangesEnabled(state) || !shouldTrack(transaction, true)) {
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
