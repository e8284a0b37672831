import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  disguiseOf,
  holdWindows,
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
  /** What happened, in order: the windows held and let go around each review:open. */
  const steps: string[] = [];
  const deps: ReviewFileDeps = {
    holdWindows: async () => {
      steps.push('hold');
      return () => void steps.push('release');
    },
    openReview: async ({ name, asNew }) => {
      steps.push('open');
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
  return { deps, messages, opened, imported, reviews, asked, steps };
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

describe('a review file opened from the OS, while windows hold unsaved edits', () => {
  afterEach(() => void vi.useRealTimers());

  it('has every window save and hold its input around each review:open, even one refused', async () => {
    const merged: ReviewOpenResult = {
      status: 'merged',
      id: ID,
      headline: 'Hello',
      unchanged: false,
      received: [{ author: 'Rita', comments: 1, suggestions: 0 }],
    };
    const ok = fakes('{}', undefined, { answers: [merged] });
    await openReviewFile('/x/r.newsroom-review', ok.deps);
    expect(ok.steps).toEqual(['hold', 'open', 'release']);
    expect(ok.opened).toEqual([ID]);

    const unknown: ReviewOpenResult = { status: 'unknown-release', id: ID, headline: 'Hello' };
    const asNew = fakes('{}', undefined, {
      answers: [unknown, { status: 'imported', id: ID, headline: 'Hello' }],
      confirm: true,
    });
    await openReviewFile('/x/r.newsroom-review', asNew.deps);
    expect(asNew.steps).toEqual(['hold', 'open', 'release', 'hold', 'open', 'release']);

    const refused = fakes('{}', undefined, { answers: [new Error('damaged')] });
    await openReviewFile('/x/r.newsroom-review', refused.deps);
    expect(refused.steps).toEqual(['hold', 'open', 'release']);
  });

  it('does not hold the windows for a Markdown file in disguise (nothing merges)', async () => {
    const { deps, steps } = fakes('# Hello\n\nBody.', { imported: [], failed: [] });
    await openReviewFile('/x/r.newsroom-review', deps);
    expect(steps).toEqual([]);
  });

  it('takes the windows’ input, asks each to save, and waits until their saves have landed', async () => {
    vi.useFakeTimers();
    const log: string[] = [];
    const window = (name: string, destroyed = false) => ({
      setEnabled: (enabled: boolean) => void log.push(`${name} ${enabled ? 'on' : 'off'}`),
      isDestroyed: () => destroyed,
      save: () => void log.push(`${name} save`),
    });
    let saved: (() => void) | null = null;
    let unsubscribed = false;
    const holding = holdWindows(
      [window('a'), window('b'), window('gone', true)],
      (listener) => {
        saved = listener;
        return () => void (unsubscribed = true);
      },
      { quietMs: 500, maxMs: 5000 },
    );
    let held: (() => void) | null = null;
    void holding.then((release) => void (held = release));
    expect(log).toEqual(['a off', 'b off', 'a save', 'b save']);
    // Window a had pending edits: its save lands 300 ms later, and the wait starts again.
    await vi.advanceTimersByTimeAsync(300);
    (saved as (() => void) | null)?.();
    await vi.advanceTimersByTimeAsync(400);
    expect(held).toBeNull();
    await vi.advanceTimersByTimeAsync(100);
    expect(held).not.toBeNull();
    expect(unsubscribed).toBe(true);
    expect(log).toEqual(['a off', 'b off', 'a save', 'b save']);
    (held as (() => void) | null)?.();
    (held as (() => void) | null)?.();
    expect(log).toEqual(['a off', 'b off', 'a save', 'b save', 'a on', 'b on']);
  });

  it('waits no longer than maxMs for a store that keeps saving', async () => {
    vi.useFakeTimers();
    let saved: (() => void) | null = null;
    let held = false;
    void holdWindows(
      [],
      (listener) => {
        saved = listener;
        return () => undefined;
      },
      { quietMs: 500, maxMs: 2000 },
    ).then(() => void (held = true));
    for (let i = 0; i < 5; i += 1) {
      await vi.advanceTimersByTimeAsync(400);
      (saved as (() => void) | null)?.();
    }
    expect(held).toBe(true);
  });
});
