import { describe, expect, it } from 'vitest';
import { anchorRange, anchorThread } from '../../renderer/features/review/comment-anchors';
import {
  after,
  before,
  reviewEditor,
  suggestingAs,
  useDom,
  type ReviewEditor,
} from './review-editor-support';

const dom = useDom();
const PARAGRAPH = '<p>The mission opened an office in Vienna on Monday.</p>';

const commentOn = (r: ReviewEditor, words: string, threadId = 't-aaaaaaaa') => {
  r.editor.commands.setTextSelection({ from: before(r.editor, words), to: after(r.editor, words) });
  const quote = anchorThread(r.editor, threadId);
  if (quote) r.model.addThread(threadId, quote, 'Anna Berg', 'Which office?');
  return quote;
};

const anchored = (r: ReviewEditor, threadId = 't-aaaaaaaa'): string | null => {
  const range = anchorRange(r.editor.state.doc, threadId);
  return range ? r.editor.state.doc.textBetween(range.from, range.to) : null;
};

describe('comment anchors', () => {
  it('opens a thread on the selected words, quoting them', () => {
    const r = reviewEditor(dom, PARAGRAPH);
    expect(commentOn(r, 'an office in Vienna')).toBe('an office in Vienna');
    expect(r.model.review.threads).toMatchObject([
      { id: 't-aaaaaaaa', quote: 'an office in Vienna', author: 'Anna Berg', resolved: false },
    ]);
    expect(r.saved.at(-1)?.threads).toHaveLength(1);
  });

  it('keeps its place when text is typed before and after it', () => {
    const r = reviewEditor(dom, PARAGRAPH);
    commentOn(r, 'an office in Vienna');
    r.editor.commands.setTextSelection(before(r.editor, 'The'));
    r.type('Today ');
    r.editor.commands.setTextSelection(after(r.editor, 'Monday'));
    r.type(' morning');
    expect(anchored(r)).toBe('an office in Vienna');
  });

  it('keeps its place when its own text is edited inside', () => {
    const r = reviewEditor(dom, PARAGRAPH);
    commentOn(r, 'an office in Vienna');
    r.editor.commands.setTextSelection(after(r.editor, 'an office'));
    r.type(' and a library');
    expect(anchored(r)).toBe('an office and a library in Vienna');
  });

  it('keeps what is left when an edit takes part of it away across its edge', () => {
    const r = reviewEditor(dom, PARAGRAPH);
    commentOn(r, 'an office in Vienna');
    r.editor.commands.setTextSelection({
      from: before(r.editor, 'opened'),
      to: after(r.editor, 'an office'),
    });
    r.editor.commands.insertContent('runs');
    expect(anchored(r)).toBe(' in Vienna');
    r.editor.commands.setTextSelection({
      from: before(r.editor, 'Vienna'),
      to: after(r.editor, 'on Monday'),
    });
    r.editor.commands.deleteSelection();
    expect(anchored(r)).toBe(' in ');
  });

  it('is detached, not lost, when its text is deleted', () => {
    const r = reviewEditor(dom, PARAGRAPH);
    commentOn(r, 'an office in Vienna');
    r.editor.commands.setTextSelection({
      from: before(r.editor, 'an office'),
      to: after(r.editor, 'Vienna'),
    });
    r.editor.commands.deleteSelection();
    expect(anchored(r)).toBeNull();
    expect(r.model.review.threads).toHaveLength(1);
  });

  it('does not duplicate a thread when its text is copied and pasted', () => {
    const r = reviewEditor(dom, PARAGRAPH);
    commentOn(r, 'an office in Vienna');
    const html = r.editor.getHTML();
    expect(html).toContain('data-thread="t-aaaaaaaa"');
    r.editor.commands.setTextSelection(r.editor.state.doc.content.size - 1);
    r.paste(html);
    let pieces = 0;
    r.editor.state.doc.descendants((node) => {
      if (node.marks.some((m) => m.type.name === 'comment')) pieces += 1;
    });
    expect(r.editor.state.doc.textContent.match(/an office in Vienna/g)).toHaveLength(2);
    expect(pieces).toBe(1);
  });

  it('is anchored without becoming a suggestion in suggestion mode', () => {
    const r = reviewEditor(dom, PARAGRAPH);
    suggestingAs(r, 'Ben Cole');
    commentOn(r, 'Vienna');
    expect(anchored(r)).toBe('Vienna');
    expect(r.suggestions().size).toBe(0);
  });
});
