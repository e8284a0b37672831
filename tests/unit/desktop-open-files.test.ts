import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  disguiseOf,
  LATER_VERSION_MESSAGE,
  openReviewFile,
  PendingFiles,
  reviewFilesIn,
  type ReviewFileDeps,
} from '../../main/desktop/open-files';
import type { ImportSummary } from '../../shared/export/transfer-schemas';

const fakes = (text: string | Error, summary?: ImportSummary) => {
  const messages: [string, string][] = [];
  const opened: string[] = [];
  const imported: { name: string; text: string }[] = [];
  const deps: ReviewFileDeps = {
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
  return { deps, messages, opened, imported };
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
  it('says review packages arrive in a later version, and imports nothing', async () => {
    const { deps, messages, imported } = fakes('PK\u0003\u0004 a zip of some kind');
    await openReviewFile('/x/round-2.newsroom-review', deps);
    expect(messages).toEqual([['info', LATER_VERSION_MESSAGE.title]]);
    expect(imported).toEqual([]);
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
