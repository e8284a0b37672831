import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/store-fixtures';
import { cli } from '../support/run-cli';
import { doc, mark, openDesk, para, saveAs } from '../support/review-fixture';

let root: string;
let authorDir: string;
let reviewerDir: string;
let id: string;

beforeEach(async () => {
  root = await makeTempDir('review-cli');
  authorDir = path.join(root, 'author');
  reviewerDir = path.join(root, 'reviewer');
  const author = await openDesk('author', authorDir);
  const draft = await saveAs(author, await author.services.drafts.create(), {
    headline: 'Conference opens',
    body: doc(para('The minister opened the conference.')),
  });
  id = draft.id;
  await author.services.close();
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** The reviewer, in their own copy of the app: a comment and an insertion, saved. */
const review = async () => {
  const reviewer = await openDesk('reviewer', reviewerDir);
  const theirs = await reviewer.services.drafts.get(id);
  await saveAs(reviewer, theirs, {
    body: doc(
      para(
        'The ',
        { text: 'minister', marks: [mark('comment', { threadId: 't-clithread001' })] },
        ' opened the conference',
        { text: ' in Vienna', marks: [mark('insertion', { id: 's-cliinsert001' })] },
        '.',
      ),
    ),
    review: {
      threads: [
        {
          id: 't-clithread001',
          quote: 'minister',
          author: 'Rita Reviewer',
          createdAt: '2025-03-14T10:00:00.000Z',
          resolved: false,
          resolvedBy: null,
          resolvedAt: null,
          comments: [
            {
              id: 'c-clicomment01',
              author: 'Rita Reviewer',
              at: '2025-03-14T10:00:00.000Z',
              text: 'Which one?',
            },
            {
              id: 'c-clicomment02',
              author: 'Rita Reviewer',
              at: '2025-03-14T10:01:00.000Z',
              text: 'Name them.',
            },
          ],
        },
      ],
      suggestions: [
        {
          id: 's-cliinsert001',
          author: 'Rita Reviewer',
          at: '2025-03-14T10:02:00.000Z',
          field: 'body',
          kind: 'insert',
          text: ' in Vienna',
          previous: null,
        },
      ],
    },
  });
  await reviewer.services.close();
};

describe('newsroom review', () => {
  it('exports, imports, returns and reports a review from the command line', async () => {
    const sent = path.join(root, 'sent.newsroom-review');
    const out = await cli(
      'review',
      'export',
      '--store',
      authorDir,
      '--id',
      id,
      '--out',
      sent,
      '--by',
      'Anna Author',
    );
    expect(out).toMatchObject({ code: 0, stdout: `${sent}\n` });
    expect(JSON.parse(await fs.readFile(sent, 'utf8'))).toMatchObject({
      purpose: 'send',
      by: 'Anna Author',
    });

    const unknown = await cli('review', 'import', sent, '--store', reviewerDir);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toMatch(/has no release .*--as-new/);
    const imported = await cli(
      'review',
      'import',
      sent,
      '--store',
      reviewerDir,
      '--as-new',
      '--json',
    );
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({
      status: 'imported',
      id,
      headline: 'Conference opens',
    });

    await review();
    const back = path.join(root, 'back.newsroom-review');
    expect(
      (
        await cli(
          'review',
          'export',
          '--store',
          reviewerDir,
          '--id',
          id,
          '--out',
          back,
          '--purpose',
          'return',
          '--by',
          'Rita Reviewer',
        )
      ).code,
    ).toBe(0);

    const merged = await cli('review', 'import', back, '--store', authorDir);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain('merged into “Conference opens”');
    expect(merged.stdout).toContain('Rita Reviewer: 2 comments, 1 suggestion');
    const again = await cli('review', 'import', back, '--store', authorDir, '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({
      status: 'merged',
      unchanged: true,
      received: [],
    });

    const status = await cli('review', 'status', '--store', authorDir, '--id', id, '--json');
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      id,
      threads: [
        {
          id: 't-clithread001',
          author: 'Rita Reviewer',
          quote: 'minister',
          resolved: false,
          replies: 1,
          detached: false,
        },
      ],
      suggestions: [
        {
          id: 's-cliinsert001',
          author: 'Rita Reviewer',
          kind: 'insert',
          text: ' in Vienna',
          detached: false,
        },
      ],
    });
    expect((await cli('check', '--store', authorDir)).code).toBe(0);
  });

  it('refuses a damaged file with its name and the problem, and a wrong command as usage', async () => {
    const bad = path.join(root, 'bad.newsroom-review');
    await fs.writeFile(bad, '{"format":"newsroom-review",');
    const result = await cli('review', 'import', bad, '--store', authorDir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad\.newsroom-review cannot be opened: it is incomplete/);
    expect((await cli('review', 'publish', '--store', authorDir)).code).toBe(2);
    expect(
      (
        await cli(
          'review',
          'export',
          '--store',
          authorDir,
          '--id',
          id,
          '--out',
          bad,
          '--purpose',
          'later',
        )
      ).code,
    ).toBe(2);
  });
});
