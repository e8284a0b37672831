import { Node as PmNode } from '@tiptap/pm/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editorSchema } from '../../main/services/draft-checks';
import { bodyOf, canonicalBody, sameBody, syncBody } from '../../main/services/review-y-body';
import { diffUnits, KEEP, DELETE, INSERT } from '../../main/services/review-y-diff';
import type { SuggestionMeta } from '../../shared/review';
import type { RichNode } from '../../shared/schemas';
import {
  ask,
  doc,
  mark,
  openDesk,
  para,
  pieces,
  saveAs,
  type Desk,
} from '../support/review-fixture';

/*
 * The body's structure in the review document (review-y-body.ts): a change of a block's type,
 * its container, or a split, merges with words the other side wrote into the block meanwhile.
 */

const P1 = 'The minister opened the conference.';
const P2 = 'Delegates from forty countries attended the opening.';

const ins = (id: string) => mark('insertion', { id });
const del = (id: string) => mark('deletion', { id });
const suggestion = (id: string, kind: 'insert' | 'delete', text: string): SuggestionMeta => ({
  id,
  author: 'Rita Reviewer',
  at: '2025-03-14T10:30:00.000Z',
  field: 'body',
  kind,
  text,
  previous: null,
});

describe('a change of structure merges with words written into the block meanwhile', () => {
  let author: Desk;
  let reviewer: Desk;
  beforeEach(async () => {
    author = await openDesk('structure-author');
    reviewer = await openDesk('structure-reviewer');
  });
  afterEach(async () => {
    await author.close();
    await reviewer.close();
  });

  /** Sent, edited on both sides, returned and opened: the author's body after the merge. */
  const merged = async (
    authorBody: RichNode,
    reviewerBody: RichNode,
    suggestions: SuggestionMeta[],
  ): Promise<RichNode> => {
    const draft = await saveAs(author, await author.services.drafts.create(), {
      headline: 'Conference opens',
      body: doc(para(P1), para(P2)),
    });
    const sent = await ask(author, 'review:export', { id: draft.id, purpose: 'send', by: 'Anna' });
    await ask(reviewer, 'review:open', { name: sent.fileName, text: sent.content, asNew: true });
    const theirs = await reviewer.services.drafts.get(draft.id);
    await saveAs(reviewer, theirs, { body: reviewerBody, review: { threads: [], suggestions } });
    await saveAs(author, await author.services.drafts.get(draft.id), { body: authorBody });
    const back = await ask(reviewer, 'review:export', {
      id: draft.id,
      purpose: 'return',
      by: 'Rita Reviewer',
    });
    await ask(author, 'review:open', { name: back.fileName, text: back.content });
    const result = await author.services.drafts.get(draft.id);
    const again = await ask(author, 'review:open', { name: back.fileName, text: back.content });
    expect(again.status === 'merged' && again.unchanged).toBe(true);
    return result.body;
  };

  const reviewerInserts = () =>
    doc(
      para(P1),
      para(
        'Delegates from forty',
        { text: ' OSCE', marks: [ins('s-ritains0001')] },
        ' countries attended the opening.',
      ),
    );

  it('the author makes the paragraph a heading, the reviewer suggests an insertion in it', async () => {
    const body = await merged(
      doc(para(P1), {
        type: 'heading',
        attrs: { level: 2 },
        content: [{ type: 'text', text: P2 }],
      }),
      reviewerInserts(),
      [suggestion('s-ritains0001', 'insert', ' OSCE')],
    );
    expect(body.content?.map((b) => b.type)).toEqual(['paragraph', 'heading']);
    expect(body.content?.[1]?.attrs).toEqual({ level: 2 });
    expect(pieces(body.content?.[1] as RichNode)).toEqual([
      'Delegates from forty',
      ' OSCE[insertion]',
      ' countries attended the opening.',
    ]);
  });

  it('the author wraps the paragraph in a blockquote, the reviewer suggests an insertion in it', async () => {
    const body = await merged(
      doc(para(P1), { type: 'blockquote', content: [para(P2)] }),
      reviewerInserts(),
      [suggestion('s-ritains0001', 'insert', ' OSCE')],
    );
    expect(body.content?.map((b) => b.type)).toEqual(['paragraph', 'blockquote']);
    expect(pieces(body.content?.[1] as RichNode)).toEqual([
      'Delegates from forty',
      ' OSCE[insertion]',
      ' countries attended the opening.',
      '¶',
    ]);
  });

  it('the author splits the paragraph, the reviewer suggests deleting words in its second half', async () => {
    const body = await merged(
      doc(para(P1), para('Delegates from forty countries'), para('attended the opening.')),
      doc(
        para(P1),
        para(
          'Delegates from forty countries attended ',
          { text: 'the opening', marks: [del('s-ritadel00001')] },
          '.',
        ),
      ),
      [suggestion('s-ritadel00001', 'delete', 'the opening')],
    );
    expect(body.content?.map((b) => pieces(b))).toEqual([
      [P1, '¶'],
      ['Delegates from forty countries', '¶'],
      ['attended ', 'the opening[deletion]', '.', '¶'],
    ]);
  });

  it('the reviewer suggests a split, the author writes words in the second half', async () => {
    const body = await merged(
      doc(para(P1), para('Delegates from forty countries attended the grand opening.')),
      doc(para(P1), para('Delegates from forty'), {
        type: 'paragraph',
        marks: [ins('s-ritasplit001')],
        content: [{ type: 'text', text: ' countries attended the opening.' }],
      }),
      [suggestion('s-ritasplit001', 'insert', '')],
    );
    expect(body.content?.map((b) => pieces(b))).toEqual([
      [P1, '¶'],
      ['Delegates from forty', '¶'],
      [' countries attended the grand opening.', '¶'],
    ]);
    expect(body.content?.[2]?.marks).toEqual([ins('s-ritasplit001')]);
  });
});

// ---------------------------------------------------------------- round trips

/** A small deterministic generator (mulberry32), so a failure names its seed. */
const random = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const WORDS = ['the', 'minister', 'opened', 'Vienna', 'délégués', 'naïve', '😀', 'forty', 'a', ' '];

const bodyGenerator = (seed: number) => {
  const r = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;
  const marksFor = () => {
    const marks: { type: string; attrs?: Record<string, unknown> }[] = [];
    if (r() < 0.2) marks.push({ type: 'bold' });
    if (r() < 0.15) marks.push({ type: 'italic' });
    if (r() < 0.1)
      marks.push({ type: 'link', attrs: { href: 'https://example.org/' + pick(WORDS) } });
    if (r() < 0.2) marks.push(pick([ins('s-aaaaaaaa01'), del('s-bbbbbbbb02')]));
    // Overlapping comments: two threads on the same words.
    if (r() < 0.2) marks.push(mark('comment', { threadId: 't-thread0001' }));
    if (r() < 0.15) marks.push(mark('comment', { threadId: 't-thread0002' }));
    return marks;
  };
  const inline = (): RichNode[] => {
    const out: RichNode[] = [];
    const n = Math.floor(r() * 6);
    for (let i = 0; i < n; i += 1) {
      if (r() < 0.1) {
        out.push({
          type: 'hardBreak',
          ...(r() < 0.3 ? { marks: [mark('comment', { threadId: 't-thread0001' })] } : {}),
        });
        continue;
      }
      const text = Array.from({ length: 1 + Math.floor(r() * 4) }, () => pick(WORDS)).join(' ');
      const marks = marksFor();
      out.push(marks.length ? { type: 'text', text, marks } : { type: 'text', text });
    }
    return out;
  };
  const paragraph = (blockMarks = true): RichNode => {
    const content = inline();
    const node: RichNode = { type: 'paragraph' };
    if (content.length) node.content = content;
    if (blockMarks && r() < 0.08) node.marks = [ins('s-cccccccc03')];
    return node;
  };
  const listOf = (depth: number): RichNode => ({
    type: r() < 0.5 ? 'bulletList' : 'orderedList',
    ...(r() < 0.3 ? { attrs: { start: 3, type: null } } : {}),
    content: Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({
      type: 'listItem',
      content: [paragraph(), ...(depth < 3 && r() < 0.35 ? [listOf(depth + 1)] : [])],
    })),
  });
  const table = (): RichNode => ({
    type: 'table',
    content: Array.from({ length: 1 + Math.floor(r() * 3) }, (_, row) => ({
      type: 'tableRow',
      content: Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({
        type: row === 0 ? 'tableHeader' : 'tableCell',
        ...(r() < 0.2 ? { attrs: { colspan: 2, rowspan: 1, colwidth: null, align: 'left' } } : {}),
        // Often an empty cell.
        content: [r() < 0.4 ? { type: 'paragraph' } : paragraph(false)],
      })),
    })),
  });
  const block = (depth: number): RichNode => {
    const x = r();
    if (x < 0.35) return paragraph();
    if (x < 0.5) {
      const content = inline();
      return {
        type: 'heading',
        attrs: { level: 1 + Math.floor(r() * 3) },
        ...(content.length ? { content } : {}),
      };
    }
    if (x < 0.65) return listOf(0);
    if (x < 0.75 && depth < 2)
      return {
        type: 'blockquote',
        content: Array.from({ length: 1 + Math.floor(r() * 3) }, () => block(depth + 1)),
      };
    if (x < 0.85) return table();
    if (x < 0.9) return { type: 'horizontalRule' };
    return paragraph();
  };
  return (): RichNode => ({
    type: 'doc',
    content: Array.from({ length: 1 + Math.floor(r() * 8) }, () => block(0)),
  });
};

const normal = (body: RichNode): unknown => {
  PmNode.fromJSON(editorSchema(), body).check();
  return canonicalBody(body);
};

const synced = (body: RichNode, doc = new Y.Doc()) => {
  doc.transact(() => syncBody(doc.getText('bodyText'), body));
  return doc;
};

const updatesOf = (doc: Y.Doc, body: RichNode): number => {
  let n = 0;
  const count = () => {
    n += 1;
  };
  doc.on('update', count);
  synced(body, doc);
  doc.off('update', count);
  return n;
};

describe('the body as one Y.Text: JSON → Y → JSON', () => {
  it('round-trips varied bodies exactly, and an identical body syncs as no change', () => {
    for (let seed = 1; seed <= 150; seed += 1) {
      const body = bodyGenerator(seed)();
      const y = synced(body);
      expect(bodyOf(y.getText('bodyText')), `seed ${seed}`).toEqual(normal(body));
      expect(sameBody(bodyOf(y.getText('bodyText')), body)).toBe(true);
      expect(updatesOf(y, body), `seed ${seed}: same body`).toBe(0);
      expect(updatesOf(y, bodyOf(y.getText('bodyText'))), `seed ${seed}: body read back`).toBe(0);
      // Through an update, as a file carries it.
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(y));
      expect(bodyOf(copy.getText('bodyText'))).toEqual(normal(body));
    }
  });

  it('brings one body to another by diff, and keeps containers’ ids where the structure stays', () => {
    for (let seed = 1; seed <= 150; seed += 1) {
      const next = bodyGenerator(seed * 7919);
      const first = next();
      const second = next();
      const y = synced(first);
      synced(second, y);
      expect(bodyOf(y.getText('bodyText')), `seed ${seed}`).toEqual(normal(second));
      expect(updatesOf(y, second)).toBe(0);
    }
    const list = (text: string): RichNode => ({
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [para('One')] },
        { type: 'listItem', content: [para(text)] },
      ],
    });
    const y = synced(doc(list('Two')));
    const paths = () =>
      (
        y.getText('bodyText').toDelta() as {
          insert: unknown;
          attributes?: Record<string, unknown>;
        }[]
      )
        .filter((op) => typeof op.insert !== 'string')
        .map((op) => op.attributes?.['nrPath']);
    const before = paths();
    synced(doc(list('Two and three')), y);
    expect(paths()).toEqual(before);
  });

  it('keeps a table’s empty cells and an empty body’s paragraph', () => {
    const table: RichNode = {
      type: 'doc',
      content: [
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                { type: 'tableHeader', content: [{ type: 'paragraph' }] },
                { type: 'tableHeader', content: [para('B')] },
              ],
            },
            {
              type: 'tableRow',
              content: [
                { type: 'tableCell', content: [{ type: 'paragraph' }] },
                { type: 'tableCell', content: [{ type: 'paragraph' }] },
              ],
            },
          ],
        },
        { type: 'paragraph' },
      ],
    };
    expect(bodyOf(synced(table).getText('bodyText'))).toEqual(normal(table));
    const empty = doc({ type: 'paragraph' });
    expect(bodyOf(synced(empty).getText('bodyText'))).toEqual(normal(empty));
  });

  it('a 5,000-word body syncs in a few milliseconds', () => {
    const words = Array.from({ length: 5000 }, (_, i) => WORDS[i % 8] as string);
    const blocks: RichNode[] = [];
    for (let i = 0; i < words.length; i += 50)
      blocks.push(
        para(words.slice(i, i + 25).join(' ') + ' ', {
          text: words.slice(i + 25, i + 50).join(' '),
          marks: [mark('bold', {})],
        }),
      );
    const body = doc(...blocks);
    const y = synced(body);
    const time = (run: () => void) => {
      const start = performance.now();
      for (let i = 0; i < 10; i += 1) run();
      return (performance.now() - start) / 10;
    };
    const same = time(() => synced(body, y));
    const edited = structuredClone(body);
    const middle = edited.content?.[50]?.content?.[0] as RichNode;
    let n = 0;
    const typing = time(() => {
      n += 1;
      middle.text = `${middle.text ?? ''}x`;
      synced(edited, y);
    });
    expect(n).toBe(10);
    expect(bodyOf(y.getText('bodyText'))).toEqual(normal(edited));
    console.log(
      `5,000-word body (${y.getText('bodyText').length} units): sync unchanged ${same.toFixed(2)} ms, one word typed ${typing.toFixed(2)} ms`,
    );
  });
});

describe('two copies edited at once, merged by Yjs', () => {
  const apart = (base: RichNode, left: RichNode, right: RichNode): RichNode => {
    const a = synced(base);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    synced(left, a);
    synced(right, b);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(bodyOf(b.getText('bodyText'))).toEqual(bodyOf(a.getText('bodyText')));
    return bodyOf(a.getText('bodyText'));
  };
  const inserted = para(
    'Delegates from forty',
    { text: ' OSCE', marks: [ins('s-ritains0001')] },
    ' countries attended the opening.',
  );

  it('a join keeps the words written into the second paragraph meanwhile', () => {
    const body = apart(doc(para(P1), para(P2)), doc(para(P1 + ' ' + P2)), doc(para(P1), inserted));
    expect(body.content?.map((b) => pieces(b))).toEqual([
      [P1 + ' Delegates from forty', ' OSCE[insertion]', ' countries attended the opening.', '¶'],
    ]);
  });

  it('a paragraph deleted whole takes what was written into it meanwhile', () => {
    const body = apart(doc(para(P1), para(P2)), doc(para(P1)), doc(para(P1), inserted));
    expect(pieces(body)).toEqual([P1, '¶']);
  });

  it('a list item made from a paragraph keeps the words written into it meanwhile', () => {
    const list: RichNode = {
      type: 'bulletList',
      content: [{ type: 'listItem', content: [para(P2)] }],
    };
    const body = apart(doc(para(P1), para(P2)), doc(para(P1), list), doc(para(P1), inserted));
    expect(body.content?.[1]?.type).toBe('bulletList');
    expect(pieces(body.content?.[1] as RichNode)).toEqual([
      'Delegates from forty',
      ' OSCE[insertion]',
      ' countries attended the opening.',
      '¶',
    ]);
  });
});

describe('the diff', () => {
  it('keeps what two sequences share and edits the rest', () => {
    const r = random(42);
    for (let round = 0; round < 300; round += 1) {
      const a = Array.from({ length: Math.floor(r() * 30) }, () => Math.floor(r() * 4));
      const b = Array.from({ length: Math.floor(r() * 30) }, () => Math.floor(r() * 4));
      const out: number[] = [];
      for (const run of diffUnits(a, b, round % 2 ? 400 : 3)) {
        if (run.kind === KEEP) out.push(...a.slice(run.oldAt, run.oldAt + run.length));
        if (run.kind === INSERT) out.push(...b.slice(run.newAt, run.newAt + run.length));
        if (run.kind === KEEP)
          expect(a.slice(run.oldAt, run.oldAt + run.length)).toEqual(
            b.slice(run.newAt, run.newAt + run.length),
          );
        expect([KEEP, DELETE, INSERT]).toContain(run.kind);
      }
      expect(out).toEqual(b);
    }
  });
});
