import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Draft } from '../../shared/schemas';

const ID = '6f1c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';

/** What the window's shell does, faked: its store, its save, and main's answers. */
const shell = vi.hoisted(() => {
  const state: { open: { id: string; revision: number } | null } = { open: null };
  return {
    state,
    log: [] as string[],
    unsaved: false,
    merged: null as unknown,
    heldDuringOpen: null as boolean | null,
  };
});

vi.mock('../../renderer/app/store', () => ({
  appStore: {
    getState: () => shell.state,
    setState: (patch: Partial<typeof shell.state>) => {
      Object.assign(shell.state, patch);
      shell.log.push(`shown r${shell.state.open?.revision ?? '-'}`);
      // The editor of the new revision replaces the held one.
      if (patch.open) document.querySelector('.workspace')?.replaceWith(workspace());
    },
  },
}));
vi.mock('../../renderer/app/actions', () => ({
  settle: async () => {
    shell.log.push('settle');
    return true;
  },
  hasUnsavedEdits: () => shell.unsaved,
  // The old flow's reload: only when nothing was typed.
  reloadOpen: (stillClean: () => boolean) => {
    if (stillClean()) shell.log.push('reloaded');
  },
  openRelease: async (id: string) => void shell.log.push(`open ${id}`),
  notify: () => undefined,
  fail: () => undefined,
}));
vi.mock('../../renderer/api/client', () => ({
  api: {
    'review:open': async () => {
      shell.heldDuringOpen = document.querySelector('.workspace')?.hasAttribute('inert') ?? null;
      shell.log.push('review:open');
      // Typing during the merge: the window would now report unsaved edits.
      shell.unsaved = true;
      return shell.merged;
    },
    'drafts:get': async ({ id }: { id: string }) => ({ id, revision: 8 }) as unknown as Draft,
  },
  ApiError: class extends Error {},
}));

const workspace = () => {
  const element = document.createElement('div');
  element.className = 'workspace';
  element.append(document.createElement('textarea'));
  return element;
};

const dom = new JSDOM('<!doctype html><html><body></body></html>');
const saved = Reflect.get(globalThis, 'document');
beforeAll(() => {
  Object.defineProperty(globalThis, 'document', { value: dom.window.document, configurable: true });
});
afterAll(() => {
  Object.defineProperty(globalThis, 'document', { value: saved, configurable: true });
});

const { openReviewFilesWith } = await import('../../renderer/features/review/review-open-flow');
const openReviewFiles = (files: readonly File[]) => openReviewFilesWith(files, async () => true);

const file = (name: string) => ({ name, text: async () => '{}' }) as unknown as File;

beforeEach(() => {
  document.body.replaceChildren(workspace());
  shell.state.open = { id: ID, revision: 7 };
  shell.log.splice(0);
  shell.unsaved = false;
  shell.heldDuringOpen = null;
  shell.merged = {
    status: 'merged',
    id: ID,
    headline: 'Hello',
    unchanged: false,
    received: [{ author: 'Rita', comments: 1, suggestions: 1 }],
  };
});

describe('a review file opened in the window that shows its release', () => {
  it('holds the release while it merges, then shows the merged release whatever the save status says', async () => {
    await openReviewFiles([file('r.newsroom-review')]);
    expect(shell.heldDuringOpen).toBe(true);
    expect(shell.log).toEqual(['settle', 'review:open', 'shown r8']);
    expect(shell.state.open).toEqual({ id: ID, revision: 8 });
    expect(document.querySelector('.workspace')?.hasAttribute('inert')).toBe(false);
  });

  it('gives the input back when the file is refused', async () => {
    shell.merged = Promise.reject(new Error('damaged'));
    await openReviewFiles([file('r.newsroom-review')]);
    expect(shell.heldDuringOpen).toBe(true);
    expect(document.querySelector('.workspace')?.hasAttribute('inert')).toBe(false);
    expect(shell.state.open).toEqual({ id: ID, revision: 7 });
  });

  it('opens another release a file merged into, and gives the input back', async () => {
    shell.merged = { ...(shell.merged as object), id: 'another-release' };
    await openReviewFiles([file('r.newsroom-review')]);
    expect(shell.log).toEqual(['settle', 'review:open', 'open another-release']);
    expect(document.querySelector('.workspace')?.hasAttribute('inert')).toBe(false);
  });
});

describe('the version another window saved, kept as a copy', () => {
  it('keeps its review with it', async () => {
    const { keepAsCopy } = await import('../../renderer/features/sync/keep-copy');
    const saves: Record<string, unknown>[] = [];
    const review = {
      threads: [],
      suggestions: [
        {
          id: 's-aaaaaaaa',
          author: 'Rita',
          at: '2026-11-30T10:00:00.000Z',
          field: 'headline' as const,
          kind: 'replace' as const,
          text: 'New',
          previous: 'Old',
        },
      ],
    };
    await keepAsCopy(
      {
        'drafts:create': async () => ({ id: 'copy', revision: 0 }) as never,
        'drafts:save': async (update) => {
          saves.push(update as Record<string, unknown>);
          return { id: 'copy' } as never;
        },
      },
      { id: ID, headline: 'Old', body: { type: 'doc' }, review } as unknown as Draft,
    );
    expect(saves[0]?.review).toEqual(review);
  });
});
