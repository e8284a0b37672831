import { describe, expect, it, vi } from 'vitest';
import { emptyBlocks, emptyMeta, summarize, type Draft, type RichNode } from '../../shared/schemas';
import { decideRemoteSave } from '../../renderer/features/sync/remote-save';
import { copyHeadline } from '../../renderer/features/sync/keep-copy';
import { emptyReview } from '../../shared/review';

/**
 * A release open in two windows. Main tells every window of each save (tests/unit/event-flow);
 * a window decides
 * what to do with it; and a save built on an old revision keeps the other version as a copy.
 * The renderer's API client is replaced by a fake store with the real revision rule.
 */
const store = vi.hoisted(() => {
  class FakeApiError extends Error {
    constructor(
      readonly code: string,
      message: string,
    ) {
      super(message);
    }
  }
  const drafts = new Map<string, Draft>();
  let next = 0;
  const api = {
    'drafts:get': async ({ id }: { id: string }) => structuredClone(drafts.get(id) as Draft),
    'drafts:create': async () => {
      next += 1;
      const id = `copy-000${next}`;
      const draft = { ...structuredClone(drafts.get('release-0001') as Draft), id, revision: 0 };
      drafts.set(id, draft);
      return draft;
    },
    'drafts:save': async (update: {
      id: string;
      headline: string;
      body: RichNode;
      baseRevision?: number;
    }) => {
      const current = drafts.get(update.id) as Draft;
      if (update.baseRevision !== undefined && update.baseRevision !== current.revision)
        throw new FakeApiError('CONFLICT', 'saved elsewhere');
      const saved = { ...current, ...update, revision: current.revision + 1 };
      drafts.set(update.id, saved);
      return { id: saved.id, headline: saved.headline, revision: saved.revision };
    },
    'drafts:journal': async () => ({ journaledAt: new Date().toISOString() }),
  };
  return { drafts, api, FakeApiError };
});

vi.mock('../../renderer/api/client', () => ({ api: store.api, ApiError: store.FakeApiError }));

const { DraftSession } = await import('../../renderer/features/editor/draft-session');

const text = (words: string): RichNode => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }],
});

describe('a window hearing of a save', () => {
  const open = { id: 'release-0001', revision: 3, unsaved: false };
  it('reloads the release it shows when it has nothing unsaved', () => {
    expect(decideRemoteSave(open, { id: 'release-0001', revision: 4 })).toBe('reload');
  });
  it('keeps its own unsaved text, and says so', () => {
    expect(decideRemoteSave({ ...open, unsaved: true }, { id: 'release-0001', revision: 4 })).toBe(
      'keep-mine',
    );
  });
  it('ignores other releases, old news and windows with nothing open', () => {
    expect(decideRemoteSave(open, { id: 'release-0002', revision: 9 })).toBe('ignore');
    expect(decideRemoteSave(open, { id: 'release-0001', revision: 3 })).toBe('ignore');
    expect(decideRemoteSave(null, { id: 'release-0001', revision: 9 })).toBe('ignore');
  });
});

describe('two windows saving one release', () => {
  const base: Draft = {
    id: 'release-0001',
    headline: 'Original',
    body: text('Original body.'),
    meta: emptyMeta(),
    blocks: emptyBlocks(),
    status: 'draft',
    templateId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    trashedAt: null,
    revision: 1,
    review: emptyReview(),
  };

  it('loses neither text: the later save keeps the other version as a copy', async () => {
    store.drafts.set(base.id, structuredClone(base));
    const kept: string[] = [];
    const callbacks = (who: string) => ({
      onSaved: () => undefined,
      onStatus: () => undefined,
      onKeptCopy: (copy: { headline: string }) => void kept.push(`${who}: ${copy.headline}`),
    });
    const windowA = new DraftSession(structuredClone(base), callbacks('A'));
    const windowB = new DraftSession(structuredClone(base), callbacks('B'));

    windowB.setHeadline('Written in window B');
    windowB.setBodyReader(() => text('B’s words.'));
    await windowB.flush();
    expect(windowB.revision).toBe(2);

    // Window A still builds on revision 1 and has typed meanwhile.
    windowA.setHeadline('Written in window A');
    windowA.setBodyReader(() => text('A’s words.'));
    expect(windowA.hasUnsavedChanges).toBe(true);
    await windowA.flush();

    const release = store.drafts.get('release-0001');
    expect(release?.headline).toBe('Written in window A');
    expect(release?.revision).toBe(3);
    expect(windowA.revision).toBe(3);
    const copy = store.drafts.get('copy-0001');
    expect(copy?.headline).toBe(copyHeadline('Written in window B'));
    expect(copy?.body).toEqual(text('B’s words.'));
    expect(kept).toEqual([`A: ${copyHeadline('Written in window B')}`]);
    windowA.dispose();
    windowB.dispose();
  });

  it('saves straight through when nobody else saved', async () => {
    store.drafts.set(base.id, structuredClone(base));
    const session = new DraftSession(structuredClone(base), {
      onSaved: () => undefined,
      onStatus: () => undefined,
    });
    session.setHeadline('Alone');
    await session.flush();
    expect(store.drafts.get(base.id)?.revision).toBe(2);
    expect(session.revision).toBe(2);
    // Marking ready elsewhere in this window (its own save) moves the base on too.
    session.acknowledge(summarize({ ...base, revision: 3 }));
    expect(session.revision).toBe(3);
    session.dispose();
  });

  it('names a kept copy so it can be told from the release', () => {
    expect(copyHeadline('')).toBe('Untitled release (version from another window)');
    expect(copyHeadline('x'.repeat(600))).toHaveLength(500);
  });
});
