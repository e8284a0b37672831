import { Editor, getSchema } from '@tiptap/core';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseExtensions } from '../../shared/extensions';
import type { Language } from '../../shared/schemas';
import { TypographyRules } from '../../shared/writing/typography-extension';
import { normaliseTypography } from '../../shared/writing/typography';

describe('normaliseTypography', () => {
  it.each([
    ['"Welcome," she said.', '\u201cWelcome,\u201d she said.'],
    [
      'He called it "a step" (and "more").',
      'He called it \u201ca step\u201d (and \u201cmore\u201d).',
    ],
    ["The OSCE's work", 'The OSCE\u2019s work'],
    ["'single' quotes", '\u2018single\u2019 quotes'],
    ["don't, it's, the '90s", 'don\u2019t, it\u2019s, the \u201990s'],
    ['Vienna - Warsaw', 'Vienna \u2013 Warsaw'],
    ['Vienna -- Warsaw', 'Vienna \u2013 Warsaw'],
    ['one  two   three', 'one two three'],
    ['co-operation', 'co-operation'],
    ['-5 degrees', '-5 degrees'],
    ['already \u201cfine\u201d \u2013 yes', 'already \u201cfine\u201d \u2013 yes'],
  ])('%j becomes %j', (input, expected) => {
    expect(normaliseTypography(input)).toBe(expected);
  });

  it('keeps non-breaking spaces, which French needs before : and ?', () => {
    expect(normaliseTypography('Pourquoi\u00a0?')).toBe('Pourquoi\u00a0?');
  });
});

describe('TypographyRules', () => {
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  const globals = ['window', 'document', 'navigator'] as const;
  const saved = new Map<string, unknown>();

  beforeAll(() => {
    // The editor view needs a DOM; jsdom's stands in for the renderer's.
    for (const name of globals) {
      saved.set(name, Reflect.get(globalThis, name));
      Object.defineProperty(globalThis, name, {
        value: dom.window[name],
        configurable: true,
        writable: true,
      });
    }
  });
  afterAll(() => {
    for (const name of globals) {
      Object.defineProperty(globalThis, name, {
        value: saved.get(name),
        configurable: true,
        writable: true,
      });
    }
  });

  /** Types the characters one by one, the way input rules see them. */
  const type = (characters: string, language: Language = 'en'): string => {
    const editor = new Editor({
      element: dom.window.document.createElement('div'),
      extensions: [...releaseExtensions(), TypographyRules],
      content: '<p></p>',
    });
    editor.commands.setQuoteLanguage(language);
    for (const character of characters) {
      const { from, to } = editor.state.selection;
      const handled = editor.view.someProp('handleTextInput', (f) =>
        f(editor.view, from, to, character, () => editor.state.tr.insertText(character, from, to)),
      );
      if (!handled) editor.view.dispatch(editor.state.tr.insertText(character, from, to));
    }
    const text = editor.state.doc.textContent;
    editor.destroy();
    return text;
  };

  it('types opening and closing double quotes', () => {
    expect(type('He said "yes" today')).toBe('He said \u201cyes\u201d today');
    expect(type('"Hello"')).toBe('\u201cHello\u201d');
  });

  it('types the quotation marks of the release language', () => {
    expect(type('Er sagte "ja" heute', 'de')).toBe('Er sagte \u201eja\u201c heute');
    expect(type('Il a dit "oui"', 'fr')).toBe('Il a dit \u00ab\u00a0oui\u00a0\u00bb');
    expect(type('Он сказал "да"', 'ru')).toBe('Он сказал \u00abда\u00bb');
    expect(type("geht's", 'de')).toBe('geht\u2019s');
  });

  it('types apostrophes and single quotes', () => {
    expect(type("OSCE's 'word'")).toBe('OSCE\u2019s \u2018word\u2019');
  });

  it('types an en dash for -- and for a spaced hyphen, not inside a word', () => {
    expect(type('Vienna - Warsaw')).toBe('Vienna \u2013 Warsaw');
    expect(type('2022--2023')).toBe('2022\u20132023');
    expect(type('co-operation')).toBe('co-operation');
  });

  it('swallows a second space', () => {
    expect(type('one  two')).toBe('one two');
  });

  it('does not change the schema', () => {
    const plain = getSchema(releaseExtensions());
    const withRules = getSchema([...releaseExtensions(), TypographyRules]);
    expect(Object.keys(withRules.nodes)).toEqual(Object.keys(plain.nodes));
    expect(Object.keys(withRules.marks)).toEqual(Object.keys(plain.marks));
  });
});
