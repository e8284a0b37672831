import { getSchema } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { releaseExtensions } from '../../shared/extensions';
import { findMatches } from '../../renderer/features/find/find-matches';

const schema = getSchema(releaseExtensions());
const doc = Node.fromJSON(schema, {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'The OSCE Mission and the ' },
        { type: 'text', text: 'osce', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' missionaries met the Mission.' },
      ],
    },
    { type: 'paragraph', content: [{ type: 'text', text: 'Миссия ОБСЕ и миссия.' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'line' },
        { type: 'hardBreak' },
        { type: 'text', text: 'break' },
      ],
    },
  ],
});
const texts = (query: string, caseSensitive = false, wholeWord = false) =>
  findMatches(doc, query, { caseSensitive, wholeWord }).map((m) => doc.textBetween(m.from, m.to));

describe('find in the body', () => {
  it('finds every match, across marks, ignoring case by default', () => {
    expect(texts('osce')).toEqual(['OSCE', 'osce']);
    expect(texts('mission')).toEqual(['Mission', 'mission', 'Mission']);
  });

  it('matches case when asked', () => {
    expect(texts('Mission', true)).toEqual(['Mission', 'Mission']);
  });

  it('matches whole words only when asked, in any script', () => {
    expect(texts('mission', false, true)).toEqual(['Mission', 'Mission']);
    expect(texts('миссия', false, true)).toEqual(['Миссия', 'миссия']);
    expect(texts('мисс', false, true)).toEqual([]);
  });

  it('treats the query as text, not a pattern', () => {
    expect(texts('.')).toEqual(['.', '.']);
    expect(texts('M.ssion')).toEqual([]);
  });

  it('never matches across a line break or between paragraphs', () => {
    expect(texts('linebreak')).toEqual([]);
    expect(texts('line')).toEqual(['line']);
    expect(texts('Mission.Миссия')).toEqual([]);
  });

  it('finds nothing for an empty query', () => {
    expect(findMatches(doc, '', { caseSensitive: false, wholeWord: false })).toEqual([]);
  });
});
