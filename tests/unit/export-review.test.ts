import { transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import { getSchema } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { releaseExtensions } from '../../shared/extensions';
import { renderExport } from '../../shared/export/render';
import { hasOpenSuggestions, withoutReview } from '../../shared/export/without-review';
import { sanitizeExportHtml as sanitizeHtml } from '../../main/services/export-sanitizer';
import { openReview, reviewMarksIn } from '../../shared/review';
import type { Draft, RichNode } from '../../shared/schemas';
import { releaseEveryNode, smallTaxonomies } from '../fixtures/release-fixtures';

const schema = getSchema(releaseExtensions());
const text = (value: string, marks?: RichNode['marks']): RichNode => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const paragraph = (...content: RichNode[]): RichNode => ({ type: 'paragraph', content });
const doc = (...content: RichNode[]): RichNode => ({ type: 'doc', content });

/** A body as a reviewer leaves it: a comment, an insertion and a deletion. */
const reviewed = doc(
  paragraph(
    text('The mission trained '),
    text('forty ', [{ type: 'insertion', attrs: { id: 's-insert0001' } }]),
    text('judges', [{ type: 'comment', attrs: { threadId: 't-thread0001' } }]),
    text(' in Belgrade', [{ type: 'deletion', attrs: { id: 's-delete0001' } }]),
    text('.'),
  ),
);

const withBody = (body: RichNode): Draft => ({ ...releaseEveryNode(), body });

/** What a state becomes after typing `typed` at `at`, tracked as a suggestion. */
const suggestTyping = (body: RichNode, at: number, typed: string): RichNode => {
  const state = EditorState.create({ doc: PMNode.fromJSON(schema, body) });
  const typing = state.tr.setSelection(TextSelection.create(state.doc, at)).insertText(typed);
  const tracked = transformToSuggestionTransaction(typing, state, () => 's-typed00001');
  return state.apply(tracked).doc.toJSON() as RichNode;
};

describe('exports leave review out', () => {
  it('a comment mark never reaches Markdown, HTML or ninjs, and its words stay', () => {
    for (const format of ['md', 'html', 'html-fragment', 'ninjs'] as const) {
      const { content } = renderExport(withBody(reviewed), smallTaxonomies(), format, sanitizeHtml);
      expect(content, format).toContain('judges');
      expect(content, format).not.toMatch(/t-thread0001|data-thread|comment-anchor/);
    }
  });

  it('open suggestions come out as if rejected: inserted words absent, deleted words present', () => {
    const markdown = renderExport(
      withBody(reviewed),
      smallTaxonomies(),
      'md',
      sanitizeHtml,
    ).content;
    expect(markdown).toContain('The mission trained judges in Belgrade.');
    expect(markdown).not.toContain('forty');
    const html = renderExport(withBody(reviewed), smallTaxonomies(), 'html', sanitizeHtml).content;
    expect(html).toContain('The mission trained judges in Belgrade.');
    expect(html).not.toMatch(/<ins|<del|s-insert0001|forty/);
  });

  it('a paragraph split suggested through the package comes out joined again', () => {
    const body = doc(paragraph(text('First half. Second half.')));
    const state = EditorState.create({ doc: PMNode.fromJSON(schema, body) });
    const split = state.tr.setSelection(TextSelection.create(state.doc, 13)).split(13);
    const suggested = state.apply(
      transformToSuggestionTransaction(split, state, () => 's-split000001'),
    ).doc;
    expect(suggested.childCount).toBe(2);
    const exported = withoutReview(suggested.toJSON() as RichNode);
    expect(exported.content).toHaveLength(1);
    expect(PMNode.fromJSON(schema, exported).textContent).toBe('First half. Second half.');
  });

  it('typing tracked by the package is one open suggestion, and the export leaves it out', () => {
    const body = suggestTyping(doc(paragraph(text('Talks resume today.'))), 13, 'in Vienna ');
    expect([...reviewMarksIn(body).suggestions.values()]).toEqual([
      { id: 's-typed00001', kind: 'insert', text: 'in Vienna ' },
    ]);
    expect(hasOpenSuggestions(body)).toBe(true);
    expect(PMNode.fromJSON(schema, withoutReview(body)).textContent).toBe('Talks resume today.');
  });

  it('a body without review marks leaves unchanged', () => {
    const plain = releaseEveryNode().body;
    expect(withoutReview(plain)).toEqual(plain);
    expect(hasOpenSuggestions(plain)).toBe(false);
  });
});

describe('what is open in a review', () => {
  it('counts body suggestions, field suggestions and unresolved threads', () => {
    const thread = {
      id: 't-thread0001',
      quote: 'judges',
      author: 'Anna Berg',
      createdAt: '2026-12-01T10:00:00.000Z',
      resolved: false,
      resolvedBy: null,
      resolvedAt: null,
      comments: [
        {
          id: 'c-comment001',
          author: 'Anna Berg',
          at: '2026-12-01T10:00:00.000Z',
          text: 'How many?',
        },
      ],
    };
    const headline = {
      id: 's-headline01',
      author: 'Anna Berg',
      at: '2026-12-01T10:01:00.000Z',
      field: 'headline' as const,
      kind: 'replace' as const,
      text: 'Mission trains forty judges',
      previous: 'Mission trains judges',
    };
    expect(openReview(reviewed, { threads: [thread], suggestions: [headline] })).toEqual({
      suggestions: 3,
      threads: 1,
    });
    expect(
      openReview(reviewed, { threads: [{ ...thread, resolved: true }], suggestions: [] }),
    ).toEqual({ suggestions: 2, threads: 0 });
  });
});
