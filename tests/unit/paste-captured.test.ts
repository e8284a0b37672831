import { generateJSON } from '@tiptap/html';
import { describe, expect, it } from 'vitest';
import { releaseExtensions } from '../../shared/extensions';
import {
  cleanPastedHtmlWithReport,
  describePasteReport,
} from '../../shared/paste/clean-pasted-html';
import type { RichNode } from '../../shared/schemas';
import {
  clean,
  document,
  dom,
  expectNothingForbidden,
  outline,
  ownText,
  pasteFixture,
  texts,
} from '../support/paste-helpers';

// Real clipboard HTML, captured from Word, Google Docs, Chrome and Safari by the people named in
// tests/fixtures/paste/README.md, plus Chromium's own clipboard for a news article page.
const captured = (name: string): string => pasteFixture('captured', name);
const capturedSet = (name: string): Record<string, string> =>
  JSON.parse(captured(name)) as Record<string, string>;
const docsSoap = capturedSet('docs-soap-1.2.1-documents.json');
const mediumEditor = capturedSet('medium-editor-5.23.3-paste-spec.json');
const capture = (set: Record<string, string>, key: string): string => {
  const html = set[key];
  if (html === undefined) throw new Error(`No capture named ${key}`);
  return html;
};

describe('a real Word 15 (Mac) clipboard', () => {
  const raw = captured('word-15-mac-medium-editor.html');
  const html = clean(raw);
  const root = dom(html);

  it('is the Word markup the cleaner is for (the capture was not cleaned on the way in)', () => {
    expect(raw).toContain('<meta name=ProgId content=Word.Document>');
    expect(raw).toContain('mso-list:l0 level2 lfo1');
    expect(raw).toContain('<![if !supportLists]>');
    expect(raw).toContain('font-family:"Comic Sans MS"');
  });

  it('rebuilds the bulleted list with the item indented under its parent', () => {
    const items = [...(root.querySelector(':scope > ul')?.children ?? [])];
    expect(items.map(ownText)).toEqual(['Test list', 'Test', 'Tes6t']);
    expect(texts(items[1] ?? root, ':scope > ul > li')).toEqual(['Test indented']);
  });

  it('rebuilds the numbered list with its lettered sub-item as ordered lists', () => {
    const items = [...(root.querySelector(':scope > ol')?.children ?? [])];
    expect(items.map(ownText)).toEqual(['tes t test test']);
    expect(texts(items[0] ?? root, ':scope > ol > li')).toEqual(['tes t indented']);
  });

  it('drops the bullets and numbers Word typed out, and its spacer paragraphs', () => {
    expect(texts(root, 'li').every((t) => !/^(?:·|o\s|\d+\.|[a-z]\.)/.test(t))).toBe(true);
    expect(texts(root, 'p').filter((t) => t === '')).toEqual([]);
    expect(html).not.toContain('\u00a0');
  });

  it('keeps bold and italic, and the words on either side of Word’s line wraps apart', () => {
    expect(texts(root, 'strong')).toEqual(['word document renders']);
    expect(texts(root, 'em')).toEqual(['like this in the card']);
    expect(texts(root, ':scope > p')).toEqual([
      'My complicated word document renders like this in the card generator.',
      'Test big text',
      'Testing smaller text and crossed out text.',
    ]);
  });

  it('keeps no font, size, colour, class, o:p or conditional comment', () => {
    expectNothingForbidden(html);
    expect(html).not.toMatch(/Comic Sans|supportLists|Mso/);
  });

  it('survives the editor schema as nested lists', () => {
    const tree = outline(generateJSON(html, releaseExtensions()) as RichNode).join('\n');
    expect(tree).toContain(
      [
        '    listItem',
        '      paragraph',
        '        text:Test',
        '      bulletList',
        '        listItem',
        '          paragraph',
        '            text:Test indented',
      ].join('\n'),
    );
    expect(tree).toContain(
      [
        '  orderedList',
        '    listItem',
        '      paragraph',
        '        text:tes t test test',
        '      orderedList',
        '        listItem',
        '          paragraph',
        '            text:tes t indented',
      ].join('\n'),
    );
  });
});

describe('real Google Docs clipboards (docs-soap)', () => {
  it('a plain paragraph, without the bold of the docs-internal-guid wrapper', () => {
    expect(clean(capture(docsSoap, 'plain'))).toBe('<p>Hello world.</p>');
  });

  it('bold and italic from span styles; underline, strikethrough and super/subscript as text', () => {
    const root = dom(clean(capture(docsSoap, 'inlineStyles')));
    expect(texts(root, 'strong')).toEqual(['Some bold text']);
    expect(texts(root, 'em')).toEqual(['Some italicized text']);
    expect(root.textContent).toContain('Some underlined text');
    expect(root.textContent).toContain('Some strikethrough text');
    expect(root.textContent).toContain('Some subscript');
  });

  it('links, also bold and italic ones', () => {
    const html = clean(capture(docsSoap, 'links'));
    expect(html).toBe(
      '<p><a href="https://www.example.com">this is a link</a></p>' +
        '<p><a href="https://www.example.com"><strong>this is a bold link</strong></a></p>' +
        '<p><a href="https://www.example.com"><em>this is an italicized link</em></a></p>' +
        '<a href="https://www.example.com"><em><strong>this is a bold, italicized link</strong></em></a>',
    );
  });

  it('headings: h1 and h2 become the editor’s h2, h3 and h4 its h3', () => {
    expect(clean(capture(docsSoap, 'headers'))).toBe(
      '<h2>This is an H1</h2><h2>This is an H2</h2><h3>This is an H3</h3><h3>This is an H4</h3>',
    );
  });

  it('lists three levels deep, with each sub-list moved into the item it belongs to', () => {
    const html = clean(capture(docsSoap, 'nestedList'));
    const root = dom(html);
    const [numbered, bullets] = [...root.querySelectorAll(':scope > ol, :scope > ul')];
    expect([...(numbered?.children ?? [])].map(ownText)).toEqual(['Abcd1234', 'xyz']);
    expect(texts(numbered ?? root, ':scope > li > ol > li > p')).toEqual(['In abcd', 'In xyz']);
    expect(texts(numbered ?? root, ':scope > li > ol > li > ol > li')).toEqual([
      'Some text in italics and underline plus random stuff after',
      'Last of all',
    ]);
    expect(bullets?.tagName).toBe('UL');
    expect([...(bullets?.children ?? [])].map(ownText)).toEqual(['Todo 1', 'Todo 2']);
    expect(texts(bullets ?? root, ':scope > li > ul > li > ul > li')).toEqual(['subsubsub']);
    expect(root.querySelector('li > p > strong > br, li > p > br')).not.toBeNull();
    expect(texts(root, 'em')).toEqual(['italics']);
    expect(html).not.toMatch(/^<br|<\/(?:ul|ol|p)><br/);
    expectNothingForbidden(html);
  });

  it('nothing from a copy of empty lines, and the text from a fragment with broken styles', () => {
    expect(clean(capture(docsSoap, 'brs'))).toBe('');
    expect(clean(capture(docsSoap, 'endFragment'))).toBe('Only text');
  });
});

describe('real captures from Google Docs, Chrome and Safari (medium-editor)', () => {
  const paragraphs =
    '<p><strong>Bold</strong></p><p><em>Italic</em></p>' +
    '<p><em><strong>Bold and Italic</strong></em></p>' +
    '<p>A <a href="http://en.wikipedia.org/wiki/Link_(The_Legend_of_Zelda)">link</a>.</p>';

  it.each(['multiLine: Google docs', 'multiLine: Google docs w/ numbered font weight'])(
    '%s: paragraphs with bold, italic and a link',
    (key) => {
      expect(clean(capture(mediumEditor, key))).toBe(paragraphs);
    },
  );

  it.each(['multiLine: Inside editor', 'multiLine: Messy paragraphs with spaces'])(
    '%s (a web page): the same, with the browser’s no-break spaces back to spaces',
    (key) => {
      const html = clean(capture(mediumEditor, key));
      expect(dom(html).textContent).toBe('BoldItalicBold and ItalicA link.');
      expect(html).not.toContain('&nbsp;');
      expectNothingForbidden(html);
    },
  );

  it('Google Docs inline runs stay inline, to join the paragraph they are pasted into', () => {
    expect(clean(capture(mediumEditor, 'inline: Google docs w/ numbered font weight'))).toBe(
      '<strong>Bold,</strong> <em>italic,</em> <em><strong>bold and italic</strong></em>, and ' +
        '<a href="http://en.wikipedia.org/wiki/Link_(The_Legend_of_Zelda)">a link</a>.',
    );
  });

  it('a sentence copied from a news site in Chrome keeps its links and loses its styles', () => {
    const html = clean(capture(mediumEditor, 'inline: Copy and pasted anchor from chrome'));
    expect(html).toMatch(/^<a href="http:\/\/www\.yahoo\.com\/">Yahoo<\/a> has been busy/);
    expect(texts(dom(html), 'a')).toEqual(['Yahoo', 'mobile']);
    expectNothingForbidden(html);
  });
});

describe('Chromium’s clipboard for a whole news article', () => {
  const raw = captured('chromium-news-article.html');
  const html = clean(raw);
  const root = dom(html);

  it('is hostile as captured: remote images, an embed, handlers, a javascript: link, styles', () => {
    expect(raw).toContain('<img src="https://cdn.news.example.com/images/48213-hero.jpg"');
    expect(raw).toContain('<img src="https://pixel.tracker.example.net/collect');
    expect(raw).toContain('<iframe src="https://www.youtube.com/embed/');
    expect(raw).toMatch(/onclick=|onmouseover=/);
    expect(raw).toContain('href="javascript:');
    expect(raw).toContain('style="');
  });

  it('keeps the article: headline, paragraphs, list, quote and web links', () => {
    expect(texts(root, 'h2')).toEqual(['Mission supports new media law', 'Key provisions']);
    expect(texts(root, 'h3')).toEqual(['Reactions']);
    expect(texts(root, 'li')).toEqual([
      'Protection of sources',
      'An independent regulator, with members elected by parliament',
    ]);
    expect(texts(root, 'blockquote')).toEqual([
      '“This is an important step for media freedom,” said the Head of Mission.',
    ]);
    expect(texts(root, 'strong')).toEqual(['OSCE Mission']);
    expect(html).toContain('Click here for more');
    expect(root.lastElementChild?.textContent).toBe(
      "The Mission will follow the law's implementation.",
    );
  });

  it('brings in no image, embed, script, style, form, share bar, advert or related links', () => {
    expectNothingForbidden(html);
    for (const gone of ['Share on', 'Copy link', 'Advertisement', 'Subscribe', 'Related', 'Photo:'])
      expect(html, gone).not.toContain(gone);
    expect(html).not.toMatch(/href="(?!https:|mailto:)/);
  });
});

describe('what the officer is told after pasting a real clipboard', () => {
  const notice = (html: string): string | null =>
    describePasteReport(cleanPastedHtmlWithReport(html, document).report);

  it('Word’s struck-through sentence arrives as ordinary text, with a warning', () => {
    expect(notice(captured('word-15-mac-medium-editor.html'))).toBe(
      'A struck-through passage was pasted as ordinary text: check whether it belongs.',
    );
  });

  it('a news article’s photo and video are named; the tracking pixel is not', () => {
    expect(notice(captured('chromium-news-article.html'))).toBe(
      'Left out of the paste: 1 image, 1 video or embedded frame.',
    );
  });

  it('Google Docs paragraphs, headings and lists need no word', () => {
    for (const key of ['plain', 'links', 'headers', 'nestedList'])
      expect(notice(capture(docsSoap, key)), key).toBeNull();
  });
});
