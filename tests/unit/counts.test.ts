import { describe, expect, it } from 'vitest';
import type { RichNode } from '../../shared/schemas';
import {
  WORDS_PER_MINUTE,
  countText,
  createTextCounter,
  docText,
} from '../../shared/writing/counts';

describe('countText', () => {
  it('counts an English sentence', () => {
    expect(countText('The Secretary General visited Vienna today.', 'en')).toEqual({
      words: 6,
      characters: 43,
      charactersNoSpaces: 38,
      readingMinutes: 1,
    });
  });

  it('counts words with apostrophes and hyphens as the segmenter does', () => {
    // "don't" is one word; "co-operation" is two, split at the hyphen.
    expect(countText("Don't stop co-operation", 'en').words).toBe(4);
  });

  it('counts Russian', () => {
    const counts = countText('Генеральный секретарь посетил Вену сегодня.', 'ru');
    expect(counts.words).toBe(5);
    expect(counts.characters).toBe(43);
    expect(counts.charactersNoSpaces).toBe(39);
  });

  it('counts a German compound as one word', () => {
    expect(countText('Die Menschenrechtsbeobachtungsmission tagt.', 'de').words).toBe(3);
    expect(countText('Donaudampfschifffahrtsgesellschaft', 'de').words).toBe(1);
  });

  it('counts Chinese words without spaces between them', () => {
    const counts = countText('我们今天发布了新闻稿。', 'zh');
    // The segmenter's dictionary: 我们 / 今天 / 发布 / 了 / 新闻 / 稿.
    expect(counts.words).toBe(6);
    expect(counts.characters).toBe(11);
    expect(counts.charactersNoSpaces).toBe(11);
  });

  it('counts Japanese words without spaces between them', () => {
    const counts = countText('東京で記者会見を開きました。', 'ja');
    // ICU's dictionary: 東京 / で / 記者 / 会見 / を / 開き / ま / した.
    expect(counts.words).toBe(8);
    expect(counts.characters).toBe(14);
  });

  it('counts Arabic, written right to left', () => {
    const counts = countText('أعلنت المنظمة اليوم عن برنامج جديد.', 'ar');
    expect(counts.words).toBe(6);
    expect(counts.characters).toBe(35);
    expect(counts.charactersNoSpaces).toBe(30);
  });

  it('counts an emoji as one character, including ZWJ families and flags', () => {
    expect(countText('👍').characters).toBe(1);
    expect(countText('👨‍👩‍👧').characters).toBe(1);
    expect('👨‍👩‍👧'.length).toBe(8);
    expect(countText('🇦🇹').characters).toBe(1);
    expect(countText('👍 👨‍👩‍👧 🇦🇹')).toEqual({
      words: 0,
      characters: 5,
      charactersNoSpaces: 3,
      readingMinutes: 0,
    });
    expect(countText('Vienna 🇦🇹 welcomes').words).toBe(2);
  });

  it('counts a letter with a combining accent as one character', () => {
    const composed = 'Café';
    const decomposed = 'Cafe\u0301';
    expect(decomposed.length).toBe(5);
    expect(countText(decomposed)).toEqual(countText(composed));
    expect(countText(decomposed).characters).toBe(4);
  });

  it('is all zeros for an empty text', () => {
    expect(countText('')).toEqual({
      words: 0,
      characters: 0,
      charactersNoSpaces: 0,
      readingMinutes: 0,
    });
  });

  it('counts whitespace as characters but not as words', () => {
    expect(countText(' \n\t\u00a0 ')).toEqual({
      words: 0,
      characters: 5,
      charactersNoSpaces: 0,
      readingMinutes: 0,
    });
  });

  it('rounds reading time up at 230 words a minute', () => {
    expect(WORDS_PER_MINUTE).toBe(230);
    const words = (n: number): string => Array.from({ length: n }, () => 'word').join(' ');
    expect(countText(words(1)).readingMinutes).toBe(1);
    expect(countText(words(230)).readingMinutes).toBe(1);
    expect(countText(words(231)).readingMinutes).toBe(2);
    expect(countText(words(690)).readingMinutes).toBe(3);
  });
});

describe('docText', () => {
  const text = (value: string, marks?: RichNode['marks']): RichNode => ({
    type: 'text',
    text: value,
    marks,
  });

  it('puts each block on its own line and joins marked text', () => {
    const doc: RichNode = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text('Title')] },
        {
          type: 'paragraph',
          content: [text('One '), text('bold', [{ type: 'bold' }]), text(' word.')],
        },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [text('first')] }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [text('second')] }] },
          ],
        },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [text('Quoted')] }] },
        {
          type: 'paragraph',
          content: [text('line'), { type: 'hardBreak' }, text('break')],
        },
      ],
    };
    expect(docText(doc)).toBe('Title\nOne bold word.\nfirst\nsecond\nQuoted\nline\nbreak');
  });

  it('is empty for an empty document', () => {
    expect(docText({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe('');
  });

  it('feeds countText', () => {
    const doc: RichNode = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [text('Two words')] },
        { type: 'paragraph', content: [text('three more words')] },
      ],
    };
    expect(countText(docText(doc)).words).toBe(5);
  });
});

describe('createTextCounter (the body, recounted line by line)', () => {
  const pieces = [
    'The Secretary General visited Vienna. ',
    'Генеральный секретарь ',
    '欧安组织今天发表声明',
    'e\u0301te\u0301 ',
    '👨‍👩‍👧 🇦🇹 ',
    "don't co-operation ",
    '  ',
    '\n',
    '\r\n',
    '\r',
    '\n\n',
    '2026 ',
  ];
  /** A text of `n` pieces from the list above, the same for the same seed. */
  const textOf = (seed: number, n: number): string => {
    let state = seed;
    let text = '';
    for (let i = 0; i < n; i += 1) {
      state = (state * 1103515245 + 12345) % 2147483648;
      text += pieces[state % pieces.length] ?? '';
    }
    return text;
  };

  it('gives countText’s figures for any text, line breaks and CR LF included', () => {
    const count = createTextCounter();
    for (const language of ['en', 'ru', 'zh', 'de']) {
      for (let seed = 1; seed <= 60; seed += 1) {
        const text = textOf(seed, seed % 17);
        expect(count(text, language), JSON.stringify(text)).toEqual(countText(text, language));
      }
    }
  });

  it('follows a text edited a line at a time, as the body is typed', () => {
    const count = createTextCounter();
    const lines = Array.from({ length: 40 }, (_, i) => textOf(i + 7, 6).replace(/[\r\n]/g, ' '));
    for (let step = 0; step < 80; step += 1) {
      const at = (step * 13) % lines.length;
      lines[at] = `${lines[at] ?? ''}${step % 3 === 0 ? ' ' : 'word'}`;
      if (step % 10 === 9) lines.splice(at, 1);
      if (step % 10 === 4) lines.splice(at, 0, '');
      const text = lines.join('\n');
      expect(count(text, 'en')).toEqual(countText(text, 'en'));
    }
    expect(count('', 'en')).toEqual(countText('', 'en'));
  });
});
