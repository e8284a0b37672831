import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReviewFileSchema } from '../../shared/review-file';
import type { ReviewState } from '../../shared/review';
import type { Draft } from '../../shared/schemas';
import { hashFolder } from '../support/hash-folder';
import {
  ask,
  doc,
  mark,
  openDesk,
  para,
  pieces,
  saveAs,
  textOf,
  type Desk,
} from '../support/review-fixture';

const T1 = 't-thread00001';
const S_INS = 's-insert00001';
const S_DEL = 's-delete00001';

let author: Desk;
let reviewer: Desk;

beforeEach(async () => {
  author = await openDesk('author');
  reviewer = await openDesk('reviewer');
});

afterEach(async () => {
  await author.close();
  await reviewer.close();
});

const original = doc(
  para('The minister opened the conference today. It ran all day.'),
  para('Delegates from forty countries attended.'),
  para('The next meeting is in spring.'),
);

/** The author's release, saved once, then sent. */
const sendFromAuthor = async () => {
  const created = await author.services.drafts.create();
  const draft = await saveAs(author, created, {
    headline: 'Conference opens',
    body: original,
    lead: 'A summary.',
  });
  const sent = await ask(author, 'review:export', {
    id: draft.id,
    purpose: 'send',
    by: 'Anna Author',
  });
  return { draft, sent };
};

/** The reviewer's comment (with a reply) and two suggestions, saved as the editor saves them. */
const reviewerEdits = (draft: Draft) => {
  const body = doc(
    para(
      'The ',
      { text: 'minister', marks: [mark('comment', { threadId: T1 })] },
      ' opened the conference',
      { text: ' in Vienna', marks: [mark('insertion', { id: S_INS })] },
      { text: ' today', marks: [mark('deletion', { id: S_DEL })] },
      '. It ran all day.',
    ),
    para('Delegates from forty countries attended.'),
    para('The next meeting is in spring.'),
  );
  const review: ReviewState = {
    threads: [
      {
        id: T1,
        quote: 'minister',
        author: 'Rita Reviewer',
        createdAt: '2025-03-14T10:00:00.000Z',
        resolved: false,
        resolvedBy: null,
        resolvedAt: null,
        comments: [
          {
            id: 'c-comment0001',
            author: 'Rita Reviewer',
            at: '2025-03-14T10:00:00.000Z',
            text: 'Which minister?',
          },
          {
            id: 'c-comment0002',
            author: 'Rita Reviewer',
            at: '2025-03-14T10:01:00.000Z',
            text: 'Name them, please.',
          },
        ],
      },
    ],
    suggestions: [
      {
        id: S_INS,
        author: 'Rita Reviewer',
        at: '2025-03-14T10:02:00.000Z',
        field: 'body',
        kind: 'insert',
        text: ' in Vienna',
        previous: null,
      },
      {
        id: S_DEL,
        author: 'Rita Reviewer',
        at: '2025-03-14T10:03:00.000Z',
        field: 'body',
        kind: 'delete',
        text: ' today',
        previous: null,
      },
    ],
  };
  return saveAs(reviewer, draft, { body, review });
};

describe('a review file goes out and comes back', () => {
  it('keeps the reviewer’s comments and suggestions and the author’s edits made meanwhile', async () => {
    const { draft, sent } = await sendFromAuthor();
    expect(sent.fileName).toMatch(/-conference-opens\.newsroom-review$/);
    const file = ReviewFileSchema.parse(JSON.parse(sent.content));
    expect(file).toMatchObject({
      purpose: 'send',
      by: 'Anna Author',
      base: '',
      sentRevision: null,
    });

    // The reviewer's store does not have the release: it asks, then imports it keeping its id.
    const asked = await ask(reviewer, 'review:open', { name: sent.fileName, text: sent.content });
    expect(asked).toEqual({
      status: 'unknown-release',
      id: draft.id,
      headline: 'Conference opens',
    });
    const imported = await ask(reviewer, 'review:open', {
      name: sent.fileName,
      text: sent.content,
      asNew: true,
    });
    expect(imported).toEqual({ status: 'imported', id: draft.id, headline: 'Conference opens' });
    const theirs = await reviewer.services.drafts.get(draft.id);
    expect(textOf(theirs.body)).toBe(textOf(original));
    expect(theirs.blocks.lead).toBe('A summary.');

    await reviewerEdits(theirs);
    const returned = await ask(reviewer, 'review:export', {
      id: draft.id,
      purpose: 'return',
      by: 'Rita Reviewer',
    });
    const back = ReviewFileSchema.parse(JSON.parse(returned.content));
    expect(back.purpose).toBe('return');
    expect(back.sentRevision).toBe(file.revision);
    expect(back.base).not.toBe('');
    // Only what the reviewer added travels back, not what the author sent.
    const clients = (update: string) =>
      new Set(Y.decodeUpdate(Buffer.from(update, 'base64')).structs.map((s) => s.id.client));
    const sentBy = clients(file.update);
    expect([...clients(back.update)].filter((client) => sentBy.has(client))).toEqual([]);

    // Meanwhile the author edits the same paragraph elsewhere, and another paragraph.
    const mine = await author.services.drafts.get(draft.id);
    await saveAs(author, mine, {
      body: doc(
        para('The minister opened the conference today. It ran until late.'),
        para('Delegates from forty-two countries attended.'),
        para('The next meeting is in spring.'),
      ),
    });
    const merged = await ask(author, 'review:open', {
      name: returned.fileName,
      text: returned.content,
    });
    expect(merged).toEqual({
      status: 'merged',
      id: draft.id,
      headline: 'Conference opens',
      unchanged: false,
      received: [{ author: 'Rita Reviewer', comments: 2, suggestions: 2 }],
    });
    const result = await author.services.drafts.get(draft.id);
    expect(pieces(result.body)).toEqual([
      'The ',
      'minister[comment]',
      ' opened the conference',
      ' in Vienna[insertion]',
      ' today[deletion]',
      '. It ran until late.',
      '¶',
      'Delegates from forty-two countries attended.',
      '¶',
      'The next meeting is in spring.',
      '¶',
    ]);
    expect(result.review.threads.map((t) => t.comments.map((c) => c.text))).toEqual([
      ['Which minister?', 'Name them, please.'],
    ]);
    expect(result.review.suggestions.map((s) => s.id)).toEqual([S_INS, S_DEL]);
    expect(result.revision).toBe(mine.revision + 2);
  });

  it('changes nothing when the same returned file is opened twice', async () => {
    const { draft, sent } = await sendFromAuthor();
    await ask(reviewer, 'review:open', { name: sent.fileName, text: sent.content, asNew: true });
    await reviewerEdits(await reviewer.services.drafts.get(draft.id));
    const returned = await ask(reviewer, 'review:export', {
      id: draft.id,
      purpose: 'return',
      by: 'Rita Reviewer',
    });
    await ask(author, 'review:open', { name: returned.fileName, text: returned.content });
    const once = await author.services.drafts.get(draft.id);
    const bytes = await hashFolder(author.dir);
    const again = await ask(author, 'review:open', {
      name: returned.fileName,
      text: returned.content,
    });
    expect(again).toMatchObject({ status: 'merged', unchanged: true, received: [] });
    expect((await author.services.drafts.get(draft.id)).revision).toBe(once.revision);
    expect(await hashFolder(author.dir)).toBe(bytes);
    // The author's own sent file, opened back, is nothing new either.
    expect(
      await ask(author, 'review:open', { name: sent.fileName, text: sent.content }),
    ).toMatchObject({
      unchanged: true,
    });
  });
});
