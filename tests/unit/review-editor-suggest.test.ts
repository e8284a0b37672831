import { describe, expect, it } from 'vitest';
import {
  acceptAllSuggestions,
  acceptSuggestion,
  rejectAllSuggestions,
  rejectSuggestion,
} from '../../renderer/features/review/suggest-mode';
import { after, before, reviewEditor, suggestingAs, useDom } from './review-editor-support';

const dom = useDom();
const PARAGRAPH = '<p>The mission opened an office in Vienna.</p>';

describe('suggestion mode in the body', () => {
  it('records consecutive typing by one reviewer as one suggestion, with its author', () => {
    const r = reviewEditor(dom, PARAGRAPH);
    suggestingAs(r, 'Anna Berg');
    r.editor.commands.setTextSelection(after(r.editor, 'an office'));
    r.type(' new');
    const found = [...r.suggestions().values()];
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'insert', text: ' new' });
    expect(found[0]?.id).toMatch(/^s-[a-z0-9]+$/);
    expect(r.model.ownerOf(found[0]?.id ?? '')).toBe('Anna Berg');
    expect(r.editor.state.doc.textContent).toBe('The mission opened an office new in Vienna.');
  });

  it('gives two reviewers typing side by side two suggestions, never one id', () => {
    const r = reviewEditor(dom, PARAGRAPH);
    suggestingAs(r, 'Anna Berg');
    r.editor.commands.setTextSelection(after(r.editor, 'office'));
    r.type(' A');
    suggestingAs(r, 'Ben Cole');
    r.type('B');
    // And deleting next to another reviewer's deletion does not join it either.
    suggestingAs(r, 'Anna Berg');
    r.editor.commands.setTextSelection({
      from: before(r.editor, 'Vienna'),
      to: after(r.editor, 'Vienna'),
    });
    r.editor.commands.deleteSelection();
    suggestingAs(r, 'Ben Cole');
    const space = before(r.editor, 'Vienna') - 1;
    r.editor.commands.setTextSelection({ from: space - 2, to: space + 1 });
    r.editor.commands.deleteSelection();
    const found = [...r.suggestions().values()];
    const owners = found.map((s) => [s.kind, s.text.trim(), r.model.ownerOf(s.id)]);
    expect(owners).toEqual([
      ['insert', 'A', 'Anna Berg'],
      ['insert', 'B', 'Ben Cole'],
      ['delete', 'in', 'Ben Cole'],
      ['delete', 'Vienna', 'Anna Berg'],
    ]);
    expect(new Set(found.map((s) => s.id)).size).toBe(4);
  });

  it('records a deletion (a cut) as struck text, not as text gone', () => {
    const r = reviewEditor(dom, PARAGRAPH);
    suggestingAs(r, 'Anna Berg');
    r.editor.commands.setTextSelection({
      from: before(r.editor, 'an office'),
      to: after(r.editor, 'an office '),
    });
    r.editor.view.dispatch(r.editor.state.tr.deleteSelection().setMeta('uiEvent', 'cut'));
    expect(r.editor.state.doc.textContent).toBe('The mission opened an office in Vienna.');
    expect([...r.suggestions().values()]).toMatchObject([{ kind: 'delete', text: 'an office ' }]);
  });

  it('records a paste as an insertion', () => {
    const r = reviewEditor(dom, PARAGRAPH);
    suggestingAs(r, 'Anna Berg');
    r.editor.commands.setTextSelection(after(r.editor, 'Vienna'));
    r.paste('<p>, and Warsaw</p>');
    expect(r.editor.state.doc.textContent).toContain('Vienna, and Warsaw.');
    expect([...r.suggestions().values()]).toMatchObject([{ kind: 'insert', text: ', and Warsaw' }]);
  });

  it('records Replace all as deletions and insertions', () => {
    const r = reviewEditor(dom, '<p>Vienna today, Vienna tomorrow.</p>');
    suggestingAs(r, 'Anna Berg');
    r.editor.commands.setFindQuery('Vienna', { caseSensitive: false, wholeWord: false });
    r.editor.commands.replaceAll('Warsaw');
    const kinds = [...r.suggestions().values()].map((s) => [s.kind, s.previous, s.text]);
    expect(kinds).toEqual([
      ['replace', 'Vienna', 'Warsaw'],
      ['replace', 'Vienna', 'Warsaw'],
    ]);
    expect(r.editor.state.doc.textContent).toContain('Vienna');
  });

  it('records formatting as a format suggestion', () => {
    const r = reviewEditor(dom, PARAGRAPH);
    suggestingAs(r, 'Anna Berg');
    r.editor.commands.setTextSelection({
      from: before(r.editor, 'Vienna'),
      to: after(r.editor, 'Vienna'),
    });
    r.editor.commands.toggleBold();
    expect([...r.suggestions().values()]).toMatchObject([{ kind: 'format', text: 'Vienna' }]);
  });

  it('accepts and rejects one suggestion, each one undo step', () => {
    const r = reviewEditor(dom, PARAGRAPH);
    suggestingAs(r, 'Anna Berg');
    r.editor.commands.setTextSelection(after(r.editor, 'office'));
    r.type(' here');
    r.editor.commands.setTextSelection({
      from: before(r.editor, 'Vienna'),
      to: after(r.editor, 'Vienna'),
    });
    r.editor.commands.deleteSelection();
    const [insert, remove] = [...r.suggestions().keys()];
    expect(acceptSuggestion(r.editor, insert ?? '')).toBe(true);
    expect(r.suggestions().has(insert ?? '')).toBe(false);
    expect(r.editor.state.doc.textContent).toContain('office here in');
    r.editor.commands.undo();
    expect(r.suggestions().has(insert ?? '')).toBe(true);
    expect(rejectSuggestion(r.editor, remove ?? '')).toBe(true);
    expect(r.editor.state.doc.textContent).toBe('The mission opened an office here in Vienna.');
    expect(r.suggestions().size).toBe(1);
    r.editor.commands.undo();
    expect(r.suggestions().size).toBe(2);
  });

  it('accepts all and rejects all in one undo step each', () => {
    const r = reviewEditor(dom, PARAGRAPH);
    suggestingAs(r, 'Anna Berg');
    r.editor.commands.setTextSelection(after(r.editor, 'office'));
    r.type(' here');
    r.editor.commands.setTextSelection({
      from: before(r.editor, 'The '),
      to: after(r.editor, 'The '),
    });
    r.editor.commands.deleteSelection();
    acceptAllSuggestions(r.editor);
    expect(r.editor.state.doc.textContent).toBe('mission opened an office here in Vienna.');
    expect(r.suggestions().size).toBe(0);
    r.editor.commands.undo();
    expect(r.suggestions().size).toBe(2);
    rejectAllSuggestions(r.editor);
    expect(r.editor.state.doc.textContent).toBe('The mission opened an office in Vienna.');
    r.editor.commands.undo();
    expect(r.suggestions().size).toBe(2);
  });

  it('loads content with setContent without recording it', () => {
    const r = reviewEditor(dom, PARAGRAPH);
    suggestingAs(r, 'Anna Berg');
    r.editor.commands.setContent('<p>Another release, as stored.</p>');
    expect(r.suggestions().size).toBe(0);
    expect(r.editor.state.doc.textContent).toBe('Another release, as stored.');
  });

  it('records nothing while suggestion mode is off', () => {
    const r = reviewEditor(dom, PARAGRAPH);
    r.editor.commands.setTextSelection(after(r.editor, 'office'));
    r.type(' here');
    expect(r.suggestions().size).toBe(0);
  });
});
