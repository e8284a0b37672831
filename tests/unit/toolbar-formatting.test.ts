import type { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { formattingOf, sameFormattingContext } from '../../renderer/features/editor/toolbar-state';
import { after, reviewEditor, useDom } from './review-editor-support';

const dom = useDom();
const BODY =
  '<h2>Vienna office</h2><p>The mission <strong>opened</strong> an <a href="https://osce.org">office</a>.</p>' +
  '<ul><li><p>first point</p></li></ul><blockquote><p>A quote.</p></blockquote>';

describe('the toolbar’s formatting state', () => {
  it('is reused only where every isActive answers the same', () => {
    const r = reviewEditor(dom, BODY);
    const { editor } = r;
    const seen: { state: EditorState; formatting: ReturnType<typeof formattingOf> }[] = [];
    const note = () => seen.push({ state: editor.state, formatting: formattingOf(editor) });
    const steps: (() => void)[] = [
      () => editor.commands.setTextSelection(after(editor, 'Vienna')),
      () => r.type(' and Graz'),
      () => editor.commands.setTextSelection(after(editor, 'The mission')),
      () => r.type(' has'),
      () => editor.commands.setTextSelection(after(editor, 'open')),
      () => r.type('ed and'),
      () => editor.commands.toggleBold(),
      () => r.type('x'),
      () => editor.commands.setTextSelection(after(editor, 'offi')),
      () => r.type('c'),
      () => editor.commands.setTextSelection(after(editor, 'first')),
      () => r.type(' good'),
      () => editor.commands.setTextSelection(after(editor, 'A quo')),
      () => r.type('o'),
      () => editor.commands.toggleItalic(),
      () => editor.commands.toggleItalic(),
      () => editor.commands.setTextSelection({ from: 2, to: 8 }),
    ];
    note();
    for (const step of steps) {
      step();
      note();
    }
    let reused = 0;
    for (const a of seen)
      for (const b of seen)
        if (sameFormattingContext(a.state, b.state)) {
          reused += 1;
          expect(b.formatting).toEqual(a.formatting);
        }
    // Typing inside the same paragraph and marks does reuse it.
    expect(reused).toBeGreaterThan(seen.length);
    expect(
      sameFormattingContext(seen[1]?.state ?? editor.state, seen[2]?.state ?? editor.state),
    ).toBe(true);
  });
});
