import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  disguiseOf,
  openReviewFile,
  PendingFiles,
  reviewFilesIn,
  type ReviewFileDeps,
} from '../../main/desktop/open-files';
import type { ImportSummary } from '../../shared/export/transfer-schemas';
import type { ReviewOpenResult } from '../../shared/review-file';

const ID = '6f1c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';

const fakes = (
  text: string | Error,
  summary?: ImportSummary,
  review: { answers?: (ReviewOpenResult | Error)[]; confirm?: boolean } = {},
) => {
  const messages: [string, string][] = [];
  const opened: string[] = [];
  const imported: { name: string; text: string }[] = [];
  const reviews: { name: string; asNew?: boolean }[] = [];
  const asked: string[] = [];
  const answers = [...(review.answers ?? [])];
  const deps: ReviewFileDeps = {
    openReview: async ({ name, asNew }) => {
      reviews.push(asNew ? { name, asNew } : { name });
      const answer = answers.shift() ?? new Error('no answer');
      if (answer instanceof Error) throw answer;
      return answer;
    },
    confirmImport: async (_name, headline) => {
      asked.push(headline);
      return review.confirm ?? false;
    },
    readText: async () => {
      if (text instanceof Error) throw text;
      return text;
    },
    importFiles: async (files) => {
      imported.push(...files);
      return summary ?? { imported: [], failed: [] };
    },
    showMessage: (kind, title) => void messages.push([kind, title]),
    openRelease: (id) => void opened.push(id),
  };
  return { deps, messages, opened, imported, reviews, asked };
};

describe('files the OS asks the app to open', () => {
  it('takes review packages from a command line, resolved where it was started', () => {
    expect(
      reviewFilesIn(
        ['--store', '/s', 'notes.txt', 'Review.NEWSROOM-REVIEW', '--flag=x.newsroom-review'],
        '/home/officer',
      ),
    ).toEqual([path.resolve('/home/officer', 'Review.NEWSROOM-REVIEW')]);
  });

  it('waits for the store before handling a file, then keeps their order', () => {
    const pending = new PendingFiles();
    const handled: string[] = [];
    pending.add(['/a.newsroom-review']);
    pending.add(['/b.newsroom-review']);
    expect(handled).toEqual([]);
    pending.ready((file) => handled.push(file));
    pending.add(['/c.newsroom-review']);
    expect(handled).toEqual(['/a.newsroom-review', '/b.newsroom-review', '/c.newsroom-review']);
  });
});

describe('a .newsroom-review file', () => {
  it('opens a review file through the review service and says what came in', async () => {
    const { deps, messages, opened, imported, reviews } = fakes(
      '{"format":"newsroom-review"}',
      undefined,
      {
        answers: [
          {
            status: 'merged',
            id: ID,
            headline: 'Hello',
            unchanged: false,
            received: [{ author: 'Rita', comments: 2, suggestions: 1 }],
          },
        ],
      },
    );
    await openReviewFile('/x/round-2.newsroom-review', deps);
    expect(reviews).toEqual([{ name: 'round-2.newsroom-review' }]);
    expect(imported).toEqual([]);
    expect(opened).toEqual([ID]);
    expect(messages).toEqual([['info', 'Review of “Hello” opened']]);
  });

  it('asks before importing a release the store does not have', async () => {
    const unknown: ReviewOpenResult = { status: 'unknown-release', id: ID, headline: 'Hello' };
    const no = fakes('{}', undefined, { answers: [unknown], confirm: false });
    await openReviewFile('/x/r.newsroom-review', no.deps);
    expect(no.asked).toEqual(['Hello']);
    expect(no.reviews).toEqual([{ name: 'r.newsroom-review' }]);
    expect(no.opened).toEqual([]);
    const yes = fakes('{}', undefined, {
      answers: [unknown, { status: 'imported', id: ID, headline: 'Hello' }],
      confirm: true,
    });
    await openReviewFile('/x/r.newsroom-review', yes.deps);
    expect(yes.reviews).toEqual([
      { name: 'r.newsroom-review' },
      { name: 'r.newsroom-review', asNew: true },
    ]);
    expect(yes.opened).toEqual([ID]);
  });

  it('shows a refusal with the file’s name', async () => {
    const refused = fakes('{}', undefined, {
      answers: [
        new Error('r.newsroom-review cannot be opened: it is incomplete. Nothing was changed.'),
      ],
    });
    await openReviewFile('/x/r.newsroom-review', refused.deps);
    expect(refused.messages).toEqual([['error', 'r.newsroom-review could not be opened']]);
    expect(refused.opened).toEqual([]);
  });

  it('imports a Markdown or HTML file in disguise through the import service', async () => {
    const md = '---\nheadline: Hello\n---\n# Hello\n\nBody.';
    const { deps, opened, imported, messages } = fakes(md, {
      imported: [{ name: 'round-2.md', id: 'release-0009', headline: 'Hello', warnings: [] }],
      failed: [],
    });
    await openReviewFile('/x/round-2.newsroom-review', deps);
    expect(imported).toEqual([{ name: 'round-2.md', text: md }]);
    expect(opened).toEqual(['release-0009']);
    expect(messages).toEqual([]);
    expect(disguiseOf('\uFEFF  <!DOCTYPE html><html>')).toBe('html');
    expect(disguiseOf('# Headline')).toBe('md');
    expect(disguiseOf('{"kind":"review"}')).toBeNull();
  });

  it('names the file when it cannot be read or imported', async () => {
    const unreadable = fakes(new Error('EACCES: permission denied'));
    await openReviewFile('/x/locked.newsroom-review', unreadable.deps);
    expect(unreadable.messages).toEqual([['error', 'locked.newsroom-review could not be opened']]);
    const broken = fakes('# Broken', {
      imported: [],
      failed: [{ name: 'broken.md', error: 'broken.md: line 3: bad front matter' }],
    });
    await openReviewFile('/x/broken.newsroom-review', broken.deps);
    expect(broken.messages).toEqual([['error', 'broken.newsroom-review could not be imported']]);
    expect(broken.opened).toEqual([]);
  });
});
