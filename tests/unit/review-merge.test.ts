import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReviewComment, ReviewState, SuggestionMeta, Thread } from '../../shared/review';
import { reviewMarksIn } from '../../shared/review';
import type { Draft } from '../../shared/schemas';
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

const at = (minute: number) => `2025-03-14T10:${String(minute).padStart(2, '0')}:00.000Z`;

const comment = (id: string, author: string, minute: number, text: string): ReviewComment => ({
  id,
  author,
  at: at(minute),
  text,
});

const thread = (id: string, author: string, comments: ReviewComment[]): Thread => ({
  id,
  quote: 'forty',
  author,
  createdAt: comments[0]?.at ?? at(0),
  resolved: false,
  resolvedBy: null,
  resolvedAt: null,
  comments,
});

const suggestion = (id: string, author: string, text: string): SuggestionMeta => ({
  id,
  author,
  at: at(30),
  field: 'body',
  kind: 'insert',
  text,
  previous: null,
});

const T_AUTHOR = 't-authorthread1';
const opening = comment('c-authorsfirst1', 'Anna Author', 1, 'Is forty right?');

let author: Desk;
let desks: Desk[];

beforeEach(async () => {
  author = await openDesk('author');
  desks = [author];
});

afterEach(async () => {
  for (const desk of desks) await desk.close();
});

const reviewerDesk = async (name: string) => {
  const desk = await openDesk(name);
  desks.push(desk);
  return desk;
};

/** The author's release with one open thread of their own, sent; the file imported by `reviewers`. */
const sendTo = async (...reviewers: Desk[]) => {
  const draft = await saveAs(author, await author.services.drafts.create(), {
    headline: 'Conference opens',
    body: doc(
      para('The minister opened the conference.'),
      para(
        'Delegates from ',
        { text: 'forty', marks: [mark('comment', { threadId: T_AUTHOR })] },
        ' countries attended.',
      ),
    ),
    review: { threads: [thread(T_AUTHOR, 'Anna Author', [opening])], suggestions: [] },
  });
  const sent = await ask(author, 'review:export', {
    id: draft.id,
    purpose: 'send',
    by: 'Anna Author',
  });
  for (const desk of reviewers)
    await ask(desk, 'review:open', { name: sent.fileName, text: sent.content, asNew: true });
  return draft;
};

const giveBack = async (desk: Desk, id: string, by: string) => {
  const file = await ask(desk, 'review:export', { id, purpose: 'return', by });
  return ask(author, 'review:open', { name: file.fileName, text: file.content });
};

const withReview = (draft: Draft, change: (review: ReviewState) => void): ReviewState => {
  const review = structuredClone(draft.review);
  change(review);
  return review;
};

describe('merging returned reviews', () => {
  it('keeps two reviewers’ replies to one thread, and both their suggestions', async () => {
    const rita = await reviewerDesk('rita');
    const omar = await reviewerDesk('omar');
    const draft = await sendTo(rita, omar);

    const ritas = await rita.services.drafts.get(draft.id);
    await saveAs(rita, ritas, {
      body: doc(
        para(
          'The minister opened the conference',
          { text: ' in Vienna', marks: [mark('insertion', { id: 's-ritasinsert1' })] },
          '.',
        ),
        ritas.body.content?.[1] ?? para(''),
      ),
      review: withReview(ritas, (review) => {
        review.threads[0]?.comments.push(
          comment('c-ritasreply01', 'Rita Reviewer', 5, 'Yes, forty.'),
        );
        review.suggestions.push(suggestion('s-ritasinsert1', 'Rita Reviewer', ' in Vienna'));
      }),
    });
    const omars = await omar.services.drafts.get(draft.id);
    await saveAs(omar, omars, {
      body: doc(
        omars.body.content?.[0] ?? para(''),
        para(
          'Delegates from ',
          { text: 'forty', marks: [mark('comment', { threadId: T_AUTHOR })] },
          ' countries attended',
          { text: ' in person', marks: [mark('insertion', { id: 's-omarsinsert1' })] },
          '.',
        ),
      ),
      review: withReview(omars, (review) => {
        review.threads[0]?.comments.push(
          comment('c-omarsreply01', 'Omar Reviewer', 6, 'I count forty-one.'),
        );
        review.suggestions.push(suggestion('s-omarsinsert1', 'Omar Reviewer', ' in person'));
      }),
    });

    expect(await giveBack(rita, draft.id, 'Rita Reviewer')).toMatchObject({
      received: [{ author: 'Rita Reviewer', comments: 1, suggestions: 1 }],
    });
    expect(await giveBack(omar, draft.id, 'Omar Reviewer')).toMatchObject({
      received: [{ author: 'Omar Reviewer', comments: 1, suggestions: 1 }],
    });
    const result = await author.services.drafts.get(draft.id);
    expect(result.review.threads[0]?.comments.map((c) => c.author)).toEqual(
      expect.arrayContaining(['Anna Author', 'Rita Reviewer', 'Omar Reviewer']),
    );
    expect(result.review.threads[0]?.comments).toHaveLength(3);
    expect(result.review.suggestions.map((s) => s.id).sort()).toEqual([
      's-omarsinsert1',
      's-ritasinsert1',
    ]);
    expect([...reviewMarksIn(result.body).suggestions.keys()].sort()).toEqual([
      's-omarsinsert1',
      's-ritasinsert1',
    ]);
    expect(pieces(result.body).join('')).toBe(
      'The minister opened the conference in Vienna[insertion].¶Delegates from forty[comment] countries attended in person[insertion].¶',
    );
  });

  it('keeps a suggestion and a thread whose words the author deleted meanwhile, detached', async () => {
    const rita = await reviewerDesk('rita');
    const draft = await sendTo(rita);
    const ritas = await rita.services.drafts.get(draft.id);
    await saveAs(rita, ritas, {
      body: doc(
        ritas.body.content?.[0] ?? para(''),
        para(
          'Delegates from ',
          { text: 'forty', marks: [mark('comment', { threadId: T_AUTHOR })] },
          { text: ' OSCE', marks: [mark('insertion', { id: 's-ritasinsert1' })] },
          ' countries attended.',
        ),
      ),
      review: withReview(ritas, (review) => {
        review.threads[0]?.comments.push(comment('c-ritasreply01', 'Rita Reviewer', 5, 'Yes.'));
        review.suggestions.push(suggestion('s-ritasinsert1', 'Rita Reviewer', ' OSCE'));
      }),
    });
    // Meanwhile the author deletes the paragraph both were on.
    const mine = await author.services.drafts.get(draft.id);
    await saveAs(author, mine, { body: doc(para('The minister opened the conference.')) });

    await giveBack(rita, draft.id, 'Rita Reviewer');
    const result = await author.services.drafts.get(draft.id);
    expect(pieces(result.body)).toEqual(['The minister opened the conference.', '¶']);
    const marks = reviewMarksIn(result.body);
    // Listed in Draft.review, with no mark left in the body: what the panel shows as detached.
    expect(result.review.suggestions.map((s) => s.id)).toEqual(['s-ritasinsert1']);
    expect(marks.suggestions.has('s-ritasinsert1')).toBe(false);
    expect(result.review.threads.map((t) => t.comments.length)).toEqual([2]);
    expect(marks.comments.has(T_AUTHOR)).toBe(false);
  });

  it('carries a paragraph suggested in whole, and headline and summary edits', async () => {
    const rita = await reviewerDesk('rita');
    const draft = await sendTo(rita);
    const ritas = await rita.services.drafts.get(draft.id);
    const added = {
      type: 'paragraph',
      marks: [mark('insertion', { id: 's-ritasblock01' })],
      content: [
        {
          type: 'text',
          text: 'A new closing line.',
          marks: [mark('insertion', { id: 's-ritasblock01' })],
        },
      ],
    };
    await saveAs(rita, ritas, {
      headline: 'Conference opens in Vienna',
      lead: 'The summary, reviewed.',
      body: doc(...(ritas.body.content ?? []), added),
      review: withReview(ritas, (review) => {
        review.suggestions.push(
          suggestion('s-ritasblock01', 'Rita Reviewer', 'A new closing line.'),
        );
      }),
    });
    await giveBack(rita, draft.id, 'Rita Reviewer');
    const result = await author.services.drafts.get(draft.id);
    expect(result.headline).toBe('Conference opens in Vienna');
    expect(result.blocks.lead).toBe('The summary, reviewed.');
    expect(result.body.content?.[2]).toEqual(added);
  });
});
