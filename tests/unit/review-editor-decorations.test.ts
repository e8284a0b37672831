import { suggestChanges } from '@handlewithcare/prosemirror-suggest-changes';
import type { EditorState } from '@tiptap/pm/state';
import { DecorationSet, type Decoration } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import {
  acceptAllSuggestions,
  suggestionDecorations,
} from '../../renderer/features/review/suggest-mode';
import { after, before, reviewEditor, suggestingAs, useDom } from './review-editor-support';

const dom = useDom();
const BODY = '<p>The mission opened an office in Vienna.</p><p>Observers will report.</p>';

/** What the package's own `decorations` prop builds for the state, walking the whole body. */
const packaged = (state: EditorState): DecorationSet => {
  const plugin = suggestChanges();
  const set = plugin.spec.props?.decorations?.call(plugin, state);
  return set instanceof DecorationSet ? set : DecorationSet.empty;
};

const described = (set: DecorationSet | undefined) =>
  (set?.find() ?? []).map((d: Decoration) => ({
    from: d.from,
    to: d.to,
    spec: d.spec as unknown,
  }));

describe('suggestion decorations in the body', () => {
  it('keep the empty set while the body has no suggestions, typing or not', () => {
    const r = reviewEditor(dom, BODY);
    expect(suggestionDecorations(r.editor.state)).toBe(DecorationSet.empty);
    r.editor.commands.setTextSelection(after(r.editor, 'office'));
    r.type(' and a desk');
    r.editor.commands.splitBlock();
    expect(suggestionDecorations(r.editor.state)).toBe(DecorationSet.empty);
    expect(described(packaged(r.editor.state))).toEqual([]);
  });

  it('are the package’s own while suggestions come and go', () => {
    const r = reviewEditor(dom, BODY);
    const same = () =>
      expect(described(suggestionDecorations(r.editor.state))).toEqual(
        described(packaged(r.editor.state)),
      );
    suggestingAs(r, 'Anna Berg');
    r.editor.commands.setTextSelection(after(r.editor, 'office'));
    r.type(' new');
    same();
    // A paragraph split while suggesting: a pilcrow widget between the two halves.
    r.editor.commands.splitBlock();
    r.type('Then');
    same();
    expect(described(suggestionDecorations(r.editor.state)).length).toBeGreaterThan(0);
    // A whole paragraph struck: a node decoration.
    r.editor.commands.setTextSelection({
      from: before(r.editor, 'Observers'),
      to: after(r.editor, 'report.'),
    });
    r.editor.commands.deleteSelection();
    same();
    acceptAllSuggestions(r.editor);
    same();
    expect(described(suggestionDecorations(r.editor.state))).toEqual([]);
  });

  it('follow a body loaded with suggestions in it', () => {
    const r = reviewEditor(dom, BODY);
    suggestingAs(r, 'Anna Berg');
    r.editor.commands.setTextSelection(after(r.editor, 'Vienna.'));
    r.editor.commands.splitBlock();
    r.type('More');
    const withMarks = r.editor.getJSON();
    const fresh = reviewEditor(dom, BODY);
    fresh.editor.commands.setContent(withMarks);
    expect(described(suggestionDecorations(fresh.editor.state)).length).toBeGreaterThan(0);
    expect(described(suggestionDecorations(fresh.editor.state))).toEqual(
      described(packaged(fresh.editor.state)),
    );
    const loaded = reviewEditor(dom, withMarks);
    expect(described(suggestionDecorations(loaded.editor.state))).toEqual(
      described(packaged(loaded.editor.state)),
    );
  });
});
