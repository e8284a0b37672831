import fs from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReviewState } from '../../shared/review';
import type { Draft } from '../../shared/schemas';
import { ReviewFileSchema } from '../../shared/review-file';
import { digestOf } from '../../main/services/review-file-read';
import { hashFolder } from '../support/hash-folder';
import {
  ask,
  doc,
  mark,
  openDesk,
  para,
  refusalOf,
  saveAs,
  type Desk,
} from '../support/review-fixture';

type Json = Record<string, unknown>;

const THREAD = 't-authorthread1';
const review: ReviewState = {
  threads: [
    {
      id: THREAD,
      quote: 'opened',
      author: 'Anna Author',
      createdAt: '2025-03-14T09:30:00.000Z',
      resolved: false,
      resolvedBy: null,
      resolvedAt: null,
      comments: [
        {
          id: 'c-authorcomment',
          author: 'Anna Author',
          at: '2025-03-14T09:30:00.000Z',
          text: 'Check the date.',
        },
      ],
    },
  ],
  suggestions: [],
};

let author: Desk;
let reviewer: Desk;
let draft: Draft;
let sent: { fileName: string; content: string };

beforeEach(async () => {
  author = await openDesk('author');
  reviewer = await openDesk('reviewer');
  draft = await saveAs(author, await author.services.drafts.create(), {
    headline: 'Conference opens',
    body: doc(
      para(
        'The minister ',
        { text: 'opened', marks: [mark('comment', { threadId: THREAD })] },
        ' it.',
      ),
    ),
    review,
  });
  sent = await ask(author, 'review:export', { id: draft.id, purpose: 'send', by: 'Anna Author' });
});

afterEach(async () => {
  await author.close();
  await reviewer.close();
});

/**
 * Signs a hand-made file as the editor would (its digest over what it holds), so a forgery is
 * judged on what it claims rather than refused at once as damaged. A file that no longer fits
 * the schema keeps its old digest: the schema refuses it first.
 */
const resign = (file: Json): void => {
  const unsigned = { ...file };
  delete unsigned['digest'];
  const parsed = ReviewFileSchema.omit({ digest: true }).safeParse(unsigned);
  if (parsed.success) file['digest'] = digestOf(parsed.data);
};

const edited = (change: (file: Json) => void): string => {
  const file = JSON.parse(sent.content) as Json;
  change(file);
  resign(file);
  return JSON.stringify(file);
};

const release = (file: Json) => file['release'] as Json;
const firstThread = (file: Json) =>
  ((release(file)['review'] as Json)['threads'] as Json[])[0] as Json;

/** A returned file made by hand from the sent document: `change` is what the "reviewer" did. */
const forgedReturn = (change: (doc: Y.Doc) => void, releaseChange?: (file: Json) => void) => {
  const file = JSON.parse(sent.content) as Json;
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Buffer.from(String(file['update']), 'base64'));
  const base = Y.encodeStateVector(copy);
  change(copy);
  file['purpose'] = 'return';
  file['sentRevision'] = file['revision'];
  file['base'] = Buffer.from(base).toString('base64');
  file['update'] = Buffer.from(Y.encodeStateAsUpdate(copy, base)).toString('base64');
  releaseChange?.(file);
  resign(file);
  return JSON.stringify(file);
};

/** The author's review documents gone (deleted by hand): the next review starts a new history. */
const loseAuthorsHistory = async () => {
  const dir = author.dir;
  await author.services.close();
  await fs.rm(path.join(dir, 'review'), { recursive: true });
  const reopened = await openDesk('author', dir);
  author = {
    ...reopened,
    close: () => author.services.close().then(() => fs.rm(dir, { recursive: true, force: true })),
  };
};

/** Each refusal names the file and what is wrong, and leaves both stores as they were. */
const expectRefused = async (desk: Desk, text: string, problem: RegExp, asNew?: boolean) => {
  const before = await hashFolder(desk.dir);
  const revision = desk === author ? (await author.services.drafts.get(draft.id)).revision : null;
  const error = await refusalOf(desk, 'review:open', {
    name: 'round-2.newsroom-review',
    text,
    ...(asNew ? { asNew } : {}),
  });
  expect(error.code).toBe('INVALID_INPUT');
  expect(error.message).toMatch(/^round-2\.newsroom-review cannot be opened: /);
  expect(error.message).toMatch(problem);
  expect(error.message).toMatch(/Nothing was changed\.$/);
  expect(await hashFolder(desk.dir)).toBe(before);
  if (revision !== null)
    expect((await author.services.drafts.get(draft.id)).revision).toBe(revision);
};

describe('a review file that cannot be trusted is refused, and changes nothing', () => {
  it('a byte damaged on the way, though the file still parses', async () => {
    const file = JSON.parse(sent.content) as Json;
    const update = Buffer.from(String(file['update']), 'base64');
    update[update.length - 5] = (update[update.length - 5] ?? 0) ^ 0x01;
    file['update'] = update.toString('base64');
    await expectRefused(reviewer, JSON.stringify(file), /changed or damaged after it was written/);
  });

  it('a returned file whose release id was changed to another release of the store', async () => {
    const other = await saveAs(author, await author.services.drafts.create(), {
      headline: 'Another release',
      body: doc(para('Another body.')),
    });
    await ask(author, 'review:export', { id: other.id, purpose: 'send', by: 'Anna Author' });
    const forged = forgedReturn(
      (copy) => copy.getText('headline').insert(0, 'New: '),
      (file) => {
        release(file)['id'] = other.id;
      },
    );
    await expectRefused(author, forged, /builds on a version of the release this store never sent/);
  });

  it('larger than 20 MB', async () => {
    await expectRefused(reviewer, 'é'.repeat(11_000_000), /21\.0 MB, larger than the 20 MB/);
  });

  it('not JSON, or cut short', async () => {
    await expectRefused(
      reviewer,
      'PK\u0003\u0004 a zip',
      /not a Newsroom review file \(it is not JSON/,
    );
    await expectRefused(reviewer, sent.content.slice(0, 300), /incomplete \(the file ends early/);
  });

  it('another format, or a newer version', async () => {
    await expectRefused(
      reviewer,
      edited((f) => (f['format'] = 'word-review')),
      /"format" is not/,
    );
    await expectRefused(
      reviewer,
      edited((f) => (f['version'] = 2)),
      /newer version .*version 2/,
    );
  });

  it('ids that are not ids', async () => {
    await expectRefused(
      reviewer,
      edited((f) => (firstThread(f)['id'] = '../../etc')),
      /release\.review\.threads\.0\.id is not a review id/,
    );
    await expectRefused(
      reviewer,
      edited((f) => (release(f)['id'] = '../drafts/x')),
      /release\.id/,
    );
  });

  it('a script or markup in a name or a comment', async () => {
    await expectRefused(
      reviewer,
      edited(
        (f) =>
          (((firstThread(f)['comments'] as Json[])[0] as Json)['text'] = '<script>x()</script>'),
      ),
      /a comment \(c-authorcomment\) contains a script or markup/,
    );
    await expectRefused(
      reviewer,
      edited((f) => (f['by'] = '<img src=x onerror=alert(1)>')),
      /the name of who wrote it contains a script or markup/,
    );
  });

  it('a review history that does not decode', async () => {
    const junk = Buffer.from('not a yjs update at all, just words').toString('base64');
    await expectRefused(
      reviewer,
      edited((f) => (f['update'] = junk)),
      /review history does not decode|do not decode/,
    );
  });

  it('parts that disagree: a sent release that is not what its history holds', async () => {
    await expectRefused(
      reviewer,
      edited((f) => (release(f)['headline'] = 'Another headline')),
      /the release's headline is not/,
      true,
    );
    await expectRefused(
      reviewer,
      edited((f) => (release(f)['body'] = doc(para('Something else entirely.')))),
      /the release's body is not/,
    );
    await expectRefused(
      reviewer,
      edited((f) => (release(f)['id'] = '11111111-2222-4333-8444-555555555555')),
      /the release is 11111111-.* but its review history is of/,
    );
  });

  it('parts that disagree: a returned release listing a thread its history does not hold', async () => {
    const text = forgedReturn(
      (copy) => copy.getText('headline').insert(0, 'New: '),
      (f) => {
        const forged = structuredClone(firstThread(f));
        forged['id'] = 't-neverseen001';
        ((release(f)['review'] as Json)['threads'] as Json[]).push(forged);
      },
    );
    await expectRefused(author, text, /lists comment thread t-neverseen001/);
  });

  it('a merged body the editor could not hold', async () => {
    const text = forgedReturn((copy) => {
      const body = copy.getText('bodyText');
      body.insert(0, 'A title inside the body', {});
      body.insertEmbed(0, { b: 1 }, { nrType: 'heading', nrAttrs: '{"level":1}', nrPath: '[]' });
    });
    await expectRefused(
      author,
      text,
      /the release merged with it is not a release the editor can hold \(.*heading level 1/,
    );
    const script = forgedReturn((copy) => {
      copy.getText('bodyText').insertEmbed(0, { b: 1 }, { nrType: 'script', nrPath: '[]' });
    });
    await expectRefused(author, script, /not a release the editor can hold/);
  });

  it('a returned file that builds on a history this store no longer has', async () => {
    await ask(reviewer, 'review:open', { name: sent.fileName, text: sent.content, asNew: true });
    const theirs = await reviewer.services.drafts.get(draft.id);
    await saveAs(reviewer, theirs, { headline: 'Conference opens in Vienna' });
    const back = await ask(reviewer, 'review:export', {
      id: draft.id,
      purpose: 'return',
      by: 'Rita Reviewer',
    });
    await loseAuthorsHistory();
    await expectRefused(
      author,
      back.content,
      /builds on changes this copy of the release does not have|builds on a version of the release this store never sent/,
    );
  });

  it('a sent file whose history was started apart from this store’s copy', async () => {
    await ask(reviewer, 'review:open', { name: sent.fileName, text: sent.content, asNew: true });
    // The author's review history is lost and begins anew: its next send cannot merge.
    await loseAuthorsHistory();
    const again = await ask(author, 'review:export', {
      id: draft.id,
      purpose: 'send',
      by: 'Anna Author',
    });
    await expectRefused(reviewer, again.content, /started apart from this store’s copy/);
  });
});

describe('what an officer writes in a review is kept as written', () => {
  it('a comment or quote that merely mentions markup saves, and travels in a review file', async () => {
    const words = 'JavaScript: 62% of visits; use <b> here, the page is online = fine';
    const saved = await saveAs(author, draft, {
      body: doc(
        para('The minister ', { text: words, marks: [mark('comment', { threadId: THREAD })] }),
      ),
      review: {
        threads: [
          {
            ...(review.threads[0] as ReviewState['threads'][number]),
            quote: words,
            comments: [
              {
                id: 'c-authorcomment',
                author: 'Anna Author',
                at: '2025-03-14T09:30:00.000Z',
                text: words,
              },
            ],
          },
        ],
        suggestions: [],
      },
    });
    expect(saved.review.threads[0]?.quote).toBe(words);
    const file = await ask(author, 'review:export', {
      id: draft.id,
      purpose: 'send',
      by: 'Anna Author',
    });
    const opened = await ask(reviewer, 'review:open', {
      name: 'x.newsroom-review',
      text: file.content,
      asNew: true,
    });
    expect(opened.status).toBe('imported');
    expect(
      (await reviewer.services.drafts.get(draft.id)).review.threads[0]?.comments[0]?.text,
    ).toBe(words);
  });
});
