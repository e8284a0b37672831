import { generateJSON } from '@tiptap/html';
import { describe, expect, it } from 'vitest';
import { releaseExtensions } from '../../shared/extensions';
import {
  cleanPastedHtmlWithReport,
  describePasteReport,
  type PasteReport,
} from '../../shared/paste/clean-pasted-html';
import type { RichNode } from '../../shared/schemas';
import {
  clean,
  dom,
  document,
  expectNothingForbidden,
  outline,
  ownText,
  pasteFixture as fixture,
  texts,
} from '../support/paste-helpers';

// The reconstructed fixtures (see tests/fixtures/paste/README.md): each holds every kind of markup
// its source produces, in one document. The real captures are tested in paste-captured.test.ts.

describe('cleanPastedHtml: Word', () => {
  const html = clean(fixture('word.html'));
  const root = dom(html);

  it('rebuilds the bulleted list with its nested level', () => {
    const bullets = root.querySelector(':scope > ul');
    expect(bullets).not.toBeNull();
    const items = [...(bullets?.children ?? [])];
    expect(items.map(ownText)).toEqual([
      'The legal framework for elections',
      'Election day procedures:',
      'Reporting, with a code of conduct for observers',
    ]);
    const nested = items[1]?.querySelector(':scope > ul');
    expect(texts(nested ?? root, ':scope > li')).toEqual([
      'opening and voting',
      'counting and tabulation',
    ]);
    expect(items[0]?.querySelector('ul,ol')).toBeNull();
  });

  it('rebuilds the numbered list, with a lettered sub-list, as ordered lists', () => {
    const numbered = root.querySelector(':scope > ol');
    const items = [...(numbered?.children ?? [])];
    expect(items.map(ownText)).toEqual([
      'Deployment to the first mission',
      'A follow-up course in autumn',
    ]);
    expect(texts(items[0] ?? root, ':scope > ol > li')).toEqual(['long-term observers first']);
  });

  it('drops the typed-out bullets and numbers', () => {
    expect(root.textContent).not.toMatch(/[·§]|(^|\s)o\s|\b1\.\s|\ba\.\s/);
  });

  it('keeps headings (h1 becomes h2), bold, italic and links', () => {
    expect(texts(root, 'h2')).toEqual([
      'Election observers complete training in Warsaw',
      'What the course covered',
    ]);
    expect(root.querySelector('h1')).toBeNull();
    expect(texts(root, 'strong')).toEqual(['five-day course', 'tabulation']);
    expect(texts(root, 'em')).toEqual([
      'The course is part of a long-standing programme.',
      'code of conduct',
    ]);
    expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://www.osce.org/odihr',
      'mailto:press@osce.org',
    ]);
  });

  it('accepts tracked changes as pasted: deletions gone, insertions kept', () => {
    expect(html).toContain('which ended today.');
    expect(html).not.toContain('yesterday');
  });

  it('drops comments, comment marks, hidden text and spacer paragraphs', () => {
    expect(html).not.toContain('[JD1]');
    expect(html).not.toContain('Reviewer comment');
    expect(html).not.toContain('Internal note');
    expect(html).not.toContain('StartFragment');
    expect(html).not.toContain('\u00a0');
    expect(texts(root, 'p').filter((t) => t === '')).toEqual([]);
  });

  it('keeps no style, class, font, colour, o:p, comment, image or script', () => {
    expectNothingForbidden(html);
  });

  it('survives the editor schema as nested lists', () => {
    const json = generateJSON(html, releaseExtensions()) as RichNode;
    const tree = outline(json).join('\n');
    expect(tree).toContain(
      [
        '  bulletList',
        '    listItem',
        '      paragraph',
        '        text:The legal framework for elections',
        '    listItem',
        '      paragraph',
        '        text:Election day procedures:',
        '      bulletList',
        '        listItem',
        '          paragraph',
        '            text:opening and voting',
      ].join('\n'),
    );
    expect(tree).toContain(
      [
        '  orderedList',
        '    listItem',
        '      paragraph',
        '        text:Deployment to the first mission',
        '      orderedList',
        '        listItem',
        '          paragraph',
        '            text:long-term observers first',
        '    listItem',
      ].join('\n'),
    );
    expect(json.content?.map((n) => n.type)).toEqual([
      'heading',
      'paragraph',
      'heading',
      'bulletList',
      'paragraph',
      'orderedList',
      'paragraph',
    ]);
  });
});

describe('cleanPastedHtml: Google Docs', () => {
  const html = clean(fixture('google-docs.html'));
  const root = dom(html);

  it('does not make everything bold because of the docs-internal-guid wrapper', () => {
    expect(texts(root, 'strong')).toEqual(['two-day forum', 'climate', 'Bold and italic together']);
    expect(root.querySelector('h2 strong')).toBeNull();
    expect(root.querySelector('p')?.firstChild?.nodeName).toBe('#text');
  });

  it('turns font-weight:700 and font-style:italic spans into strong and em', () => {
    expect(texts(root, 'em')).toEqual(['security and co-operation', 'Bold and italic together']);
    expect(root.querySelector('em strong, strong em')?.textContent).toBe(
      'Bold and italic together',
    );
  });

  it('keeps headings, links and the nested and numbered lists', () => {
    expect(texts(root, 'h2')).toEqual(['Youth forum opens in Vienna', 'Programme']);
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://www.osce.org/youth');
    const outer = root.querySelector(':scope > ul');
    expect([...(outer?.children ?? [])].map(ownText)).toEqual(['Opening session', 'Workshops on']);
    expect(texts(outer ?? root, ':scope > li > ul > li')).toEqual([
      'media literacy',
      'climate and security',
    ]);
    expect(texts(root, ':scope > ol > li')).toEqual(['Register by 1 June', 'Attend both days']);
  });

  it('leaves no styles, ids, spans or stray line breaks', () => {
    expectNothingForbidden(html);
    expect(html).not.toContain('docs-internal-guid');
    expect(html).not.toMatch(/<br/);
  });

  it('survives the editor schema', () => {
    const json = generateJSON(html, releaseExtensions()) as RichNode;
    const list = json.content?.find((n) => n.type === 'bulletList');
    expect(list?.content?.[1]?.content?.map((n) => n.type)).toEqual(['paragraph', 'bulletList']);
    const bold = JSON.stringify(json).match(/"type":"bold"/g) ?? [];
    expect(bold).toHaveLength(3);
  });
});

describe('cleanPastedHtml: a news site', () => {
  const html = clean(fixture('news-site.html'));
  const root = dom(html);

  it('keeps the article: headings, paragraphs, list, quote, links', () => {
    expect(texts(root, 'h2')).toEqual(['Mission supports new media law', 'Key provisions']);
    expect(texts(root, 'h3')).toEqual(['Reactions']);
    expect(texts(root, 'li')).toEqual([
      'Protection of sources',
      'An independent regulator, with members elected by parliament',
    ]);
    expect(texts(root, 'blockquote')).toEqual([
      '“This is an important step for media freedom,” said the Head of Mission.',
    ]);
    expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://www.example.org/media-law',
      'https://www.example.org/regulator',
      'mailto:press@osce.org',
    ]);
  });

  it('drops scripts, images, pixels, embeds, forms, share buttons, ads and related links', () => {
    expectNothingForbidden(html);
    for (const gone of [
      'googletag',
      'analytics',
      'pixel',
      'Share on',
      'Copy link',
      'Advertisement',
      'newsletter',
      'Subscribe',
      'Earlier: draft law',
      'Photo: Example Agency',
      'youtube',
    ]) {
      expect(html, gone).not.toContain(gone);
    }
  });

  it('keeps the text of a javascript: link but not the link', () => {
    expect(html).toContain('Click here for more');
    expect(html).not.toMatch(/href="(?!https:|mailto:)/);
  });
});

describe('cleanPastedHtml: hostile and edge cases', () => {
  it('drops event handlers and every non-web link', () => {
    const html = clean(
      '<p onclick="alert(1)">a <a href="javascript:alert(1)">x</a> <a href="JaVaScRiPt:alert(1)">y</a>' +
        ' <a href="data:text/html,<script>alert(1)</script>">z</a> <a href="file:///etc/passwd">f</a>' +
        ' <a href="vbscript:msgbox">v</a> <a href="https://ok.example">ok</a></p>',
    );
    expect(html).toBe('<p>a x y z f v <a href="https://ok.example">ok</a></p>');
  });

  it('loads nothing while parsing: images never reach the document', () => {
    const html = clean(
      '<p>t<img src="https://tracker.example/p.gif" onerror="alert(1)"></p><svg onload="alert(1)"></svg>',
    );
    expect(html).toBe('<p>t</p>');
  });

  it('maps h4 to h6 to h3 and keeps h2/h3', () => {
    expect(clean('<h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4><h5>e</h5><h6>f</h6>')).toBe(
      '<h2>a</h2><h2>b</h2><h3>c</h3><h3>d</h3><h3>e</h3><h3>f</h3>',
    );
  });

  it('keeps a real <b> and drops a <b> or <i> that a style cancels', () => {
    expect(
      clean(
        '<p><b>bold</b> <b style="font-weight:normal">plain</b> <i style="font-style:normal">upright</i></p>',
      ),
    ).toBe('<p><strong>bold</strong> plain upright</p>');
  });

  it('turns text-only divs into paragraphs and keeps a table as a table', () => {
    expect(clean('<div>one</div><div>two</div><table><tr><td>cell</td></tr></table>')).toBe(
      '<p>one</p><p>two</p><table><tbody><tr><td>cell</td></tr></tbody></table>',
    );
  });

  it('runs the paragraphs, lists and tables inside a table cell into one line of text', () => {
    const html =
      '<table style="border:1px"><tr><th><p class="MsoNormal"><b>State</b></p></th><th colspan="2">Observers</th></tr>' +
      '<tr><td><p>Austria</p><p>(Vienna)</p></td><td><ul><li>12 long-term</li><li>30 short-term</li></ul></td>' +
      '<td><table><tr><td>nested</td></tr></table></td></tr></table>';
    const cleaned = clean(html);
    expect(cleaned).toBe(
      '<table><tbody><tr><th><strong>State</strong></th><th>Observers</th></tr>' +
        '<tr><td>Austria (Vienna)</td><td>12 long-term 30 short-term</td><td>nested</td></tr></tbody></table>',
    );
    const json = generateJSON(cleaned, releaseExtensions());
    expect(json.content?.[0]?.type).toBe('table');
    expect(json.content?.[0]?.content?.[1]?.content?.[0]).toEqual({
      type: 'tableCell',
      attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null },
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Austria (Vienna)' }] }],
    });
  });

  it('starts a new list when Word switches from bullets to numbers at the same level', () => {
    const item = (marker: string, text: string): string =>
      `<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>${marker}<span> </span></span><![endif]>${text}</p>`;
    expect(clean(item('·', 'a') + item('·', 'b') + item('1.', 'c'))).toBe(
      '<ul><li><p>a</p></li><li><p>b</p></li></ul><ol><li><p>c</p></li></ol>',
    );
  });

  it('gives an empty string for nothing useful', () => {
    expect(clean('<script>alert(1)</script><style>p{}</style><!-- c -->')).toBe('');
    expect(clean('')).toBe('');
  });
});

describe('the paste report: what the officer is told was left out', () => {
  const reportOf = (html: string): PasteReport => cleanPastedHtmlWithReport(html, document).report;
  const none: PasteReport = { images: 0, embeds: 0, comments: 0, deletions: 0, struck: 0 };

  it('counts Word’s comment and tracked deletion', () => {
    const report = reportOf(fixture('word.html'));
    expect(report).toEqual({ ...none, comments: 1, deletions: 1 });
    expect(describePasteReport(report)).toBe(
      'Left out of the paste: 1 comment, 1 tracked deletion.',
    );
  });

  it('counts a news page’s photo and video, not its tracking pixels or what was hidden', () => {
    const report = reportOf(fixture('news-site.html'));
    expect(report).toEqual({ ...none, images: 1, embeds: 1 });
    expect(describePasteReport(report)).toBe(
      'Left out of the paste: 1 image, 1 video or embedded frame.',
    );
  });

  it('says nothing when nothing the officer would miss was left out', () => {
    expect(reportOf(fixture('google-docs.html'))).toEqual(none);
    expect(describePasteReport(none)).toBeNull();
  });

  it('warns of struck-through passages, which arrive as ordinary text', () => {
    const report = reportOf(
      '<p>Keep <s>drop <span style="text-decoration:line-through">this</span></s> and ' +
        '<span style="text-decoration: line-through">that</span><s>\u00a0</s></p>' +
        '<p><del><s>deleted anyway</s></del></p>',
    );
    expect(report).toEqual({ ...none, struck: 2, deletions: 1 });
    expect(describePasteReport(report)).toBe(
      'Left out of the paste: 1 tracked deletion. 2 struck-through passages were pasted as ordinary text: check whether they belong.',
    );
  });

  it('counts each deletion, embed and struck passage once, however it is wrapped', () => {
    expect(
      reportOf(
        '<p>Collection of <span class=msoDel><del cite="mailto:a@osce.org" datetime="2024-05-14T10:12">values</del></span>' +
          '<del> </del> done.</p><object data="x.swf"><embed src="x.swf"></object>' +
          '<p><span style="text-decoration:line-through">old </span>' +
          '<span style="text-decoration:line-through;font-weight:700">price</span> new price</p>',
      ),
    ).toEqual({ ...none, deletions: 1, embeds: 1, struck: 1 });
  });

  it('counts the pictures of the text, not those of the page around it or of a deletion', () => {
    expect(
      reportOf(
        '<nav><img src="logo.png" width="120" height="40"></nav><figure><img src="hero.jpg"></figure>' +
          '<p>Text <del><img src="old.png" width="50" height="50"></del>' +
          '<button><img src="share.svg" width="16" height="16">Share</button></p>' +
          '<aside><img src="thumb.jpg" width="90" height="60"></aside><footer><img src="f.png"></footer>' +
          '<img src="chart.png" width="" height=""><img src="p.gif" width="1" height="1">',
      ),
    ).toEqual({ ...none, images: 2, deletions: 1 });
  });

  it('counts several of a kind in the plural', () => {
    expect(
      describePasteReport({ images: 3, embeds: 2, comments: 2, deletions: 4, struck: 1 }),
    ).toBe(
      'Left out of the paste: 3 images, 2 videos or embedded frames, 2 comments, 4 tracked deletions.' +
        ' A struck-through passage was pasted as ordinary text: check whether it belongs.',
    );
  });
});
