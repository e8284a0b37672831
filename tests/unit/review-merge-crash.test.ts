import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../shared/schemas';
import { cli } from '../support/run-cli';
import { ask, doc, mark, openDesk, para, saveAs, type Desk } from '../support/review-fixture';

const INSERTED = 's-crashmerge01';

let author: Desk;
let reviewer: Desk;
let draft: Draft;
let returned: string;

beforeEach(async () => {
  author = await openDesk('author');
  reviewer = await openDesk('reviewer');
  draft = await saveAs(author, await author.services.drafts.create(), {
    headline: 'Conference opens',
    body: doc(para('The minister opened the conference.')),
  });
  const sent = await ask(author, 'review:export', { id: draft.id, purpose: 'send', by: 'Anna' });
  await ask(reviewer, 'review:open', {
    name: 'in.newsroom-review',
    text: sent.content,
    asNew: true,
  });
  await saveAs(reviewer, await reviewer.services.drafts.get(draft.id), {
    body: doc(
      para(
        'The minister ',
        { text: 'solemnly ', marks: [mark('insertion', { id: INSERTED })] },
        'opened the conference.',
      ),
    ),
    review: {
      threads: [],
      suggestions: [
        {
          id: INSERTED,
          author: 'Rita Reviewer',
          at: '2025-03-14T10:00:00.000Z',
          field: 'body',
          kind: 'insert',
          text: 'solemnly ',
          previous: null,
        },
      ],
    },
  });
  returned = (
    await ask(reviewer, 'review:export', { id: draft.id, purpose: 'return', by: 'Rita Reviewer' })
  ).content;
});

afterEach(async () => {
  await author.close();
  await reviewer.close();
});

const reopenAuthor = async () => {
  const dir = author.dir;
  await author.services.close();
  const again = await openDesk('author', dir);
  author = {
    ...again,
    close: () => again.close().then(() => fs.rm(dir, { recursive: true, force: true })),
  };
};

const bodyText = (body: Draft['body']) => JSON.stringify(body);

describe('a merge cut short', () => {
  it('after its document was written but before the release: the next open finishes it, and the file then brings nothing twice', async () => {
    const draftFile = path.join(author.dir, 'drafts', `${draft.id}.json`);
    const beforeMerge = await fs.readFile(draftFile);
    const merged = await ask(author, 'review:open', {
      name: 'back.newsroom-review',
      text: returned,
    });
    expect(merged).toMatchObject({ status: 'merged', unchanged: false });
    const target = (await author.services.drafts.get(draft.id)).revision;

    // The crash: the release's JSON never reached the disk; the document and its mark did.
    await author.services.close();
    await fs.writeFile(draftFile, beforeMerge);
    await fs.writeFile(
      path.join(author.dir, 'review', `${draft.id}.merging`),
      JSON.stringify({ releaseId: draft.id, revision: target }),
    );
    const check = await cli('check', '--store', author.dir, '--json');
    expect(check.stdout).toContain('a review merge cut short');
    await reopenAuthor();

    const recovered = await author.services.drafts.get(draft.id);
    expect(recovered.revision).toBe(target);
    expect(bodyText(recovered.body)).toContain('solemnly ');
    expect(bodyText(recovered.body)).toContain(INSERTED);
    expect(recovered.review.suggestions.map((s) => s.id)).toEqual([INSERTED]);
    expect(await fs.readdir(path.join(author.dir, 'review'))).toEqual([`${draft.id}.ydoc`]);

    const again = await ask(author, 'review:open', {
      name: 'back.newsroom-review',
      text: returned,
    });
    expect(again).toMatchObject({ status: 'merged', unchanged: true });
    const text = bodyText((await author.services.drafts.get(draft.id)).body);
    expect(text.split('solemnly').length - 1).toBe(1);
  });

  it('refused by its save (another window saved meanwhile): the document goes back as it was', async () => {
    const docFile = path.join(author.dir, 'review', `${draft.id}.ydoc`);
    const before = await fs.readFile(docFile, 'utf8');
    const stored = await author.services.drafts.get(draft.id);
    await expect(
      author.services.reviewDocs.commit(
        draft.id,
        { doc: new (await import('yjs')).Doc(), base: null, sentRevision: null },
        stored.revision + 1,
        () => Promise.reject(new Error('CONFLICT: saved elsewhere')),
      ),
    ).rejects.toThrow(/saved elsewhere/);
    expect(await fs.readFile(docFile, 'utf8')).toBe(before);
    expect(await fs.readdir(path.join(author.dir, 'review'))).toEqual([`${draft.id}.ydoc`]);
    // And the review still merges afterwards.
    const merged = await ask(author, 'review:open', {
      name: 'back.newsroom-review',
      text: returned,
    });
    expect(merged).toMatchObject({ status: 'merged', unchanged: false });
  });
});
