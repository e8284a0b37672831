import { Extension } from '@tiptap/core';
import {
  Plugin,
  PluginKey,
  TextSelection,
  type EditorState,
  type Transaction,
} from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { findMatches, type FindOptions, type Match } from './find-matches';

interface FindState extends FindOptions {
  query: string;
  matches: Match[];
  /** The match the officer is on, or -1 when the selection is on none. */
  current: number;
}

export const findReplaceKey = new PluginKey<FindState>('findReplace');

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    findReplace: {
      setFindQuery: (query: string, options: FindOptions) => ReturnType;
      findNext: () => ReturnType;
      findPrevious: () => ReturnType;
      replaceCurrent: (replacement: string) => ReturnType;
      /** Every match at once, as one step of the undo history. */
      replaceAll: (replacement: string) => ReturnType;
      clearFind: () => ReturnType;
    };
  }
}

const EMPTY: FindState = {
  query: '',
  caseSensitive: false,
  wholeWord: false,
  matches: [],
  current: -1,
};

export const findState = (state: EditorState): FindState => findReplaceKey.getState(state) ?? EMPTY;

const select = (tr: Transaction, match: Match | undefined): Transaction =>
  match ? tr.setSelection(TextSelection.create(tr.doc, match.from, match.to)).scrollIntoView() : tr;

const currentIndex = (matches: readonly Match[], state: EditorState): number =>
  matches.findIndex((m) => m.from === state.selection.from && m.to === state.selection.to);

/** Find and replace in the body: highlights every match, steps through them, replaces. */
export const FindReplace = Extension.create({
  name: 'findReplace',

  addCommands() {
    return {
      setFindQuery:
        (query, options) =>
        ({ tr, dispatch }) => {
          dispatch?.(tr.setMeta(findReplaceKey, { query, ...options }));
          return true;
        },
      clearFind:
        () =>
        ({ tr, dispatch }) => {
          dispatch?.(
            tr.setMeta(findReplaceKey, { query: '', caseSensitive: false, wholeWord: false }),
          );
          return true;
        },
      findNext:
        () =>
        ({ state, tr, dispatch }) => {
          const { matches } = findState(state);
          if (matches.length === 0) return false;
          const next = matches.find((m) => m.from >= state.selection.to) ?? matches[0];
          dispatch?.(select(tr, next));
          return true;
        },
      findPrevious:
        () =>
        ({ state, tr, dispatch }) => {
          const { matches } = findState(state);
          if (matches.length === 0) return false;
          const previous =
            [...matches].reverse().find((m) => m.to <= state.selection.from) ??
            matches[matches.length - 1];
          dispatch?.(select(tr, previous));
          return true;
        },
      replaceCurrent:
        (replacement) =>
        ({ state, tr, dispatch }) => {
          const { matches } = findState(state);
          const index = currentIndex(matches, state);
          const match =
            matches[index] ?? matches.find((m) => m.from >= state.selection.from) ?? matches[0];
          if (!match) return false;
          if (dispatch) {
            tr.insertText(replacement, match.from, match.to);
            const after = match.from + replacement.length;
            const { query, caseSensitive, wholeWord } = findState(state);
            const following = findMatches(tr.doc, query, { caseSensitive, wholeWord }).find(
              (m) => m.from >= after,
            );
            dispatch(select(tr, following));
          }
          return true;
        },
      replaceAll:
        (replacement) =>
        ({ state, tr, dispatch }) => {
          const { matches } = findState(state);
          if (matches.length === 0) return false;
          if (dispatch) {
            // Back to front, so earlier positions stay valid; one transaction is one undo step.
            for (const match of [...matches].reverse())
              tr.insertText(replacement, match.from, match.to);
            dispatch(tr);
          }
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<FindState>({
        key: findReplaceKey,
        state: {
          init: () => EMPTY,
          apply(tr, previous, _old, next) {
            const change = tr.getMeta(findReplaceKey) as Partial<FindState> | undefined;
            if (!change && !tr.docChanged && !tr.selectionSet) return previous;
            const options = { ...previous, ...change };
            const matches =
              change || tr.docChanged
                ? findMatches(next.doc, options.query, {
                    caseSensitive: options.caseSensitive,
                    wholeWord: options.wholeWord,
                  })
                : previous.matches;
            return { ...options, matches, current: currentIndex(matches, next) };
          },
        },
        props: {
          decorations(state) {
            const { matches, current } = findState(state);
            if (matches.length === 0) return DecorationSet.empty;
            return DecorationSet.create(
              state.doc,
              matches.map((m, i) =>
                Decoration.inline(m.from, m.to, {
                  class: i === current ? 'find-match current' : 'find-match',
                }),
              ),
            );
          },
        },
      }),
    ];
  },
});
