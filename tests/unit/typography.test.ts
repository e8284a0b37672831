import { Editor, getSchema } from '@tiptap/core';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseExtensions } from '../../shared/extensions';
import type { Language } from '../../shared/schemas';
import { TYPOGRAPHY_TRIGGER, TypographyRules } from '../../shared/writing/typography-extension';
import { normaliseTypography, typeCharacter, typesetInput } from '../../shared/writing/typography';

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

  it.each<[Language, string, string]>([
    [
      'de',
      "Er sagte \"ja\" und 'nein'. Geht's?",
      'Er sagte \u201eja\u201c und \u201anein\u2018. Geht\u2019s?',
    ],
    ['ru', 'Он сказал "да" -- и ушёл', 'Он сказал \u00abда\u00bb \u2013 и ушёл'],
    ['fr', 'Il a dit "oui"', 'Il a dit \u00ab\u00a0oui\u00a0\u00bb'],
    [
      'fr',
      'Il a dit " oui " puis "non"',
      'Il a dit \u00ab\u00a0oui\u00a0\u00bb puis \u00ab\u00a0non\u00a0\u00bb',
    ],
    ['fr', "l'OSCE", 'l\u2019OSCE'],
    [
      'fr',
      'Pourquoi ? Voici : la loi ; enfin !',
      'Pourquoi\u00a0? Voici\u00a0: la loi\u00a0; enfin\u00a0!',
    ],
    ['fr', 'à 10:30, https://osce.org?a=1', 'à 10:30, https://osce.org?a=1'],
    ['en', 'Why ? Because : this', 'Why ? Because : this'],
    ['en', '2022--2023', '2022\u20132023'],
    ['en', '---------- Forwarded message ---------', '---------- Forwarded message ---------'],
    [
      'en',
      'See https://www.example.org/media--law?a=1 or press--office@osce.org.',
      'See https://www.example.org/media--law?a=1 or press--office@osce.org.',
    ],
    ['de', "Das Projekt 'Horizont' geht's an", 'Das Projekt \u201aHorizont\u2018 geht\u2019s an'],
    [
      'ru',
      'Он сказал: "Проект "Горизонт" готов", О\'Нил',
      'Он сказал: \u00abПроект \u201eГоризонт\u201c готов\u00bb, О\u2019Нил',
    ],
    [
      'de',
      'Er sagte: "Das ist \'gut\'", und ging.',
      'Er sagte: \u201eDas ist \u201agut\u2018\u201c, und ging.',
    ],
    ['en', '"I was going to say\u2014", he said', '\u201cI was going to say\u2014\u201d, he said'],
    [
      'en',
      'Details at "www.osce.org". Or www.osce.org\'s page',
      'Details at \u201cwww.osce.org\u201d. Or www.osce.org\u2019s page',
    ],
    ['fr', 'Voir "https://osce.org" !', 'Voir \u00ab\u00a0https://osce.org\u00a0\u00bb\u00a0!'],
    ['de', "die '90er", 'die \u201990er'],
    ['fr', "Le projet 'Horizon' d'abord", 'Le projet \u2019Horizon\u2019 d\u2019abord'],
    ['fr', 'Il a parlé de l\'"Europe"', 'Il a parlé de l\u2019\u00ab\u00a0Europe\u00a0\u00bb'],
    ['en', 'He said:\n"Yes"', 'He said:\n\u201cYes\u201d'],
  ])('in %s, %j becomes %j', (language, input, expected) => {
    expect(normaliseTypography(input, language)).toBe(expected);
  });

  it('is idempotent: setting text already set changes nothing', () => {
    for (const language of ['en', 'de', 'fr', 'ru'] as const) {
      const once = normaliseTypography("A \"quoted\" word -- and the OSCE's 'own'  text", language);
      expect(normaliseTypography(once, language)).toBe(once);
    }
  });
});

describe('typesetInput (the headline and the summary as the officer types)', () => {
  /** Types the characters one by one at the caret, the way the field's input events see them. */
  const typeInField = (characters: string, language: Language, start = '', after = '') => {
    let value = start + after;
    let caret = start.length;
    for (const character of characters) {
      const typed = value.slice(0, caret) + character + value.slice(caret);
      const set = typesetInput(value, typed, caret + 1, 'insertText', language);
      value = set?.value ?? typed;
      caret = set?.caret ?? caret + 1;
    }
    return { value, caret };
  };

  it('sets quotes, dashes and spaces in the release language as they are typed', () => {
    expect(typeInField('He said "yes" - twice', 'en').value).toBe(
      'He said \u201cyes\u201d \u2013 twice',
    );
    expect(typeInField('Er sagte "ja" und \'nein\'', 'de').value).toBe(
      'Er sagte \u201eja\u201c und \u201anein\u2018',
    );
    expect(typeInField('Il a dit " oui " : l\'"Europe"', 'fr').value).toBe(
      'Il a dit \u00ab\u00a0oui\u00a0\u00bb\u00a0: l\u2019\u00ab\u00a0Europe\u00a0\u00bb',
    );
    expect(typeInField('Он сказал "да"', 'ru').value).toBe('Он сказал \u00abда\u00bb');
  });

  it('opens a quotation inside a quotation as it is typed', () => {
    expect(typeInField('Он сказал: "Проект "Горизонт" готов"', 'ru').value).toBe(
      'Он сказал: \u00abПроект \u201eГоризонт\u201c готов\u00bb',
    );
    expect(typeInField('"The report, titled "Safe Borders", said"', 'en').value).toBe(
      '\u201cThe report, titled \u201cSafe Borders\u201d, said\u201d',
    );
    expect(typeInField('"Il a parlé de "paix" "', 'fr').value).toBe(
      '\u00ab\u00a0Il a parlé de \u00ab\u00a0paix\u00a0\u00bb\u00a0\u00bb',
    );
  });

  it('types apostrophes: in words, before a year, and inside a German single quotation', () => {
    expect(typeInField("since the '90s, rock 'n roll", 'en').value).toBe(
      'since the \u201990s, rock \u2018n roll',
    );
    expect(typeInField("Er sagte: 'Wie geht's?'", 'de').value).toBe(
      'Er sagte: \u201aWie geht\u2019s?\u2018',
    );
  });

  it('types an en dash for -- after a word, not in a line of hyphens or an address', () => {
    expect(typeInField('2022--2023 and ----------', 'en').value).toBe(
      '2022\u20132023 and \u2013--------',
    );
    expect(typeInField('https://osce.org/media--law', 'en').value).toBe(
      'https://osce.org/media--law',
    );
  });

  it('leaves the text after the caret alone and keeps the caret where the officer types', () => {
    const { value, caret } = typeInField(' "new"', 'en', 'OSCE', ' says "hello"');
    expect(value).toBe('OSCE \u201cnew\u201d says "hello"');
    expect(value.slice(caret)).toBe(' says "hello"');
  });

  it('swallows a second space typed after one, but not a space typed to start a new word', () => {
    expect(typeInField(' ', 'en', 'Vienna ', 'today')).toEqual({ value: 'Vienna today', caret: 7 });
    expect(typeInField(' and', 'en', 'Vienna', ' today')).toEqual({
      value: 'Vienna and today',
      caret: 10,
    });
  });

  it('leaves deleting and undoing alone: Ctrl+Z after a quote was set keeps the straight one', () => {
    expect(typesetInput('12\u201d', '12"', 3, 'historyUndo', 'en')).toBeNull();
    expect(typesetInput('a "b', 'a b', 2, 'deleteContentBackward', 'en')).toBeNull();
  });

  it('sets pasted and corrected text with the text around it', () => {
    expect(typesetInput('OSCE', "OSCE's mission", 14, 'insertFromPaste', 'en')).toEqual({
      value: 'OSCE\u2019s mission',
      caret: 14,
    });
    // The spelling checker replaces `dont` by `don't`; the caret stays at the word's end.
    expect(typesetInput('I dont know', "I don't know", 7, 'insertReplacementText', 'en')).toEqual({
      value: 'I don\u2019t know',
      caret: 7,
    });
    // A selection replaced by a paste that begins with the same words.
    expect(
      typesetInput('Talks in Vienna', 'Talks in Vienna - Warsaw', 24, 'insertFromPaste', 'en')
        ?.value,
    ).toBe('Talks in Vienna \u2013 Warsaw');
  });

  it('keeps a one-line field on one line, even after Ctrl+Z', () => {
    expect(typesetInput('a b', 'a\nb', 2, 'historyUndo', 'en')).toEqual({ value: 'a b', caret: 2 });
  });

  it('sets pasted text as a whole, with line breaks as spaces', () => {
    const pasted = 'Minister: "We act"\nnow';
    const value = 'Minister: \u201cWe act\u201d now';
    expect(typesetInput('Minister: ', pasted, pasted.length, 'insertFromPaste', 'en')).toEqual({
      value,
      caret: value.length,
    });
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
  const type = (characters: string, language: Language = 'en', content = '<p></p>'): string => {
    const editor = new Editor({
      element: dom.window.document.createElement('div'),
      extensions: [...releaseExtensions(), TypographyRules],
      content,
    });
    editor.commands.setQuoteLanguage(language);
    editor.commands.setTextSelection(editor.state.doc.content.size - 1);
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
    // French typists space their quotes: the guillemets' own no-break spaces take the place of those.
    expect(type('Il a dit " oui " puis "non".', 'fr')).toBe(
      'Il a dit \u00ab\u00a0oui\u00a0\u00bb puis \u00ab\u00a0non\u00a0\u00bb.',
    );
    expect(type('Pourquoi ? Voici : la loi !', 'fr')).toBe(
      'Pourquoi\u00a0? Voici\u00a0: la loi\u00a0!',
    );
    expect(type('Why ? Because : this', 'en')).toBe('Why ? Because : this');
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

  it('opens a quote typed at the start of a new line (after Shift+Enter)', () => {
    expect(type('"Yes"', 'en', '<p>He said:<br></p>')).toBe('He said:\u201cYes\u201d');
    expect(type('"oui"', 'fr', '<p>Il a dit\u00a0:<br></p>')).toBe(
      'Il a dit\u00a0:\u00ab\u00a0oui\u00a0\u00bb',
    );
  });

  it('swallows a second space', () => {
    expect(type('one  two')).toBe('one two');
  });

  it('matches every keystroke that typeCharacter changes, and leaves most letters alone', () => {
    // Every text of up to three characters from those the rules look at, each character typed
    // after it, in each language: wherever typing changes something, the rule must fire.
    const alphabet = [...' -a1"\'\u00a0\u00ab\u00bb\u2018\u201a\u2019\u201c\u201e:!\n/@.'];
    const contexts = [''];
    for (let length = 0; length < 3; length += 1)
      for (const context of contexts.filter((c) => c.length === length))
        for (const character of alphabet) contexts.push(context + character);
    const missed: string[] = [];
    for (const language of ['en', 'de', 'fr', 'ru'] as const)
      for (const before of contexts)
        for (const typed of [...alphabet, 'b', '7']) {
          const set = typeCharacter(before, typed, language);
          const changes = set.before !== before || set.inserted !== typed;
          if (changes && !TYPOGRAPHY_TRIGGER.test(before + typed))
            missed.push(`${language}: ${JSON.stringify(before)} + ${JSON.stringify(typed)}`);
        }
    expect(missed).toEqual([]);
    expect(TYPOGRAPHY_TRIGGER.test('The mission welcomed')).toBe(false);
    expect(TYPOGRAPHY_TRIGGER.test('The mission ')).toBe(false);
  });

  it('does not change the schema', () => {
    const plain = getSchema(releaseExtensions());
    const withRules = getSchema([...releaseExtensions(), TypographyRules]);
    expect(Object.keys(withRules.nodes)).toEqual(Object.keys(plain.nodes));
    expect(Object.keys(withRules.marks)).toEqual(Object.keys(plain.marks));
  });
});
