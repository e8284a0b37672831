import { describe, expect, it, vi } from 'vitest';
import type { EventMessage } from '../../shared/contract';
import type { DraftSummary } from '../../shared/schemas';
import { connectEvents } from '../../renderer/app/events';
import {
  COMPARE,
  deriveList,
  emptyLibrary,
  createEntryFilter,
  filterEntries,
  LayeredMap,
  replaceLibrary,
  upsertSummaries,
  type LibraryList,
  type LibrarySort,
  type LibraryState,
} from '../../renderer/app/reducers';
import {
  createAppStore,
  createListSelector,
  createMirror,
  setSaveStatus,
} from '../../renderer/app/store';

const LABELS: ReadonlyMap<string, string> = new Map([
  ['press-release', 'Press release'],
  ['news-item', 'News item'],
]);

let counter = 0;
const summary = (patch: Partial<DraftSummary> = {}): DraftSummary => {
  counter += 1;
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, counter)).toISOString();
  return {
    id: `release-${String(counter).padStart(5, '0')}`,
    headline: `Release ${counter}`,
    status: 'draft',
    createdAt: at,
    updatedAt: at,
    trashedAt: null,
    revision: 1,
    contentTypeId: 'press-release',
    date: null,
    embargo: null,
    language: 'en',
    ...patch,
  };
};

const later = (s: DraftSummary, patch: Partial<DraftSummary> = {}): DraftSummary => ({
  ...s,
  revision: s.revision + 1,
  updatedAt: new Date(Date.parse(s.updatedAt) + 3_600_000).toISOString(),
  ...patch,
});

const libraryOf = (summaries: readonly DraftSummary[]): LibraryState =>
  replaceLibrary(emptyLibrary(), summaries, LABELS);

const headlines = (list: LibraryList): string[] => list.items.map((e) => e.summary.headline);
const idsOf = (list: LibraryList): string[] => list.items.map((e) => e.summary.id);

describe('the library mirror', () => {
  it('puts a saved summary in place of the one it holds', () => {
    const first = summary({ headline: 'Old headline' });
    const library = libraryOf([first]);
    const saved = later(first, { headline: 'New headline', status: 'ready' });
    const next = upsertSummaries(library, [saved], LABELS);
    expect(next.byId.get(first.id)?.summary).toEqual(saved);
    expect(next.byId.size).toBe(1);
    expect(next.version).toBe(library.version + 1);
    // The map is copied, not changed: selectors holding the old state still see the old one.
    expect(library.byId.get(first.id)?.summary.headline).toBe('Old headline');
  });

  it('adds a release it has not heard of', () => {
    const library = libraryOf([summary()]);
    const stranger = summary({ headline: 'From another window' });
    const next = upsertSummaries(library, [stranger], LABELS);
    expect(next.byId.get(stranger.id)?.summary).toEqual(stranger);
    expect(deriveList(next, 'active', 'last-change').items[0]?.summary.id).toBe(stranger.id);
  });

  it('ignores a stale summary: a lower revision never overwrites a newer one', () => {
    const first = summary({ revision: 3, headline: 'Revision 3' });
    const library = libraryOf([first]);
    const stale = { ...first, revision: 2, headline: 'Revision 2' };
    const next = upsertSummaries(library, [stale], LABELS);
    expect(next).toBe(library);
    expect(next.byId.get(first.id)?.summary.headline).toBe('Revision 3');
  });

  it('changes nothing (the same state object) when a summary repeats what it holds', () => {
    const first = summary();
    const library = libraryOf([first]);
    expect(upsertSummaries(library, [{ ...first }], LABELS)).toBe(library);
  });

  it('moves a release between the releases and the trash as library:changed says', () => {
    const kept = summary({ headline: 'Kept' });
    const binned = summary({ headline: 'Binned' });
    let library = libraryOf([kept, binned]);
    const trashedAt = new Date(Date.UTC(2026, 5, 1)).toISOString();
    // Trashing keeps the revision: an equal revision is news when it says something else.
    library = upsertSummaries(library, [{ ...binned, trashedAt }], LABELS);
    expect(headlines(deriveList(library, 'active', 'last-change'))).toEqual(['Kept']);
    expect(headlines(deriveList(library, 'trash', 'last-change'))).toEqual(['Binned']);

    library = upsertSummaries(library, [{ ...binned, trashedAt: null }], LABELS);
    expect(headlines(deriveList(library, 'active', 'last-change'))).toEqual(['Binned', 'Kept']);
    expect(deriveList(library, 'trash', 'last-change').items).toEqual([]);
  });

  it('takes a burst of events as one batch: one new state, the last word for each release', () => {
    const originals = Array.from({ length: 1000 }, () => summary());
    const library = libraryOf(originals);
    const burst = originals.flatMap((s) => [later(s), later(later(s), { headline: `${s.id}!` })]);
    const next = upsertSummaries(library, burst, LABELS);
    expect(next.version).toBe(library.version + 1);
    expect(next.lastBatch?.changes).toHaveLength(1000);
    for (const s of originals) expect(next.byId.get(s.id)?.summary.headline).toBe(`${s.id}!`);
  });

  it('sorts by last change (the default), release date and headline', () => {
    const a = summary({ headline: 'Zagreb office opens', date: '2026-03-01' });
    const b = summary({ headline: 'ärzte and aid workers meet', date: null });
    const c = summary({ headline: 'Bishkek training, part 10', date: '2026-04-15' });
    const d = summary({ headline: 'Bishkek training, part 9', date: '2026-03-01' });
    const e = summary({ headline: '   ', date: '2025-12-31' });
    const library = libraryOf([a, b, c, d, e]);
    const order = (sort: LibrarySort) => idsOf(deriveList(library, 'active', sort));
    expect(order('last-change')).toEqual([e.id, d.id, c.id, b.id, a.id]);
    // Newest date first; the same date by last change; no date at the end.
    expect(order('release-date')).toEqual([c.id, d.id, a.id, e.id, b.id]);
    // Accents and case aside, numbers by value, untitled last.
    expect(order('headline')).toEqual([b.id, d.id, c.id, a.id, e.id]);
  });

  it('filters on headline and content type, every word, accents and case aside', () => {
    const library = libraryOf([
      summary({ headline: 'Mission in Österreich trains judges' }),
      summary({ headline: 'Office in Bishkek', contentTypeId: 'news-item' }),
      summary({ headline: 'Judges meet in Vienna', contentTypeId: null }),
    ]);
    const items = deriveList(library, 'active', 'headline').items;
    const found = (query: string) => filterEntries(items, query).map((e) => e.summary.headline);
    expect(found('judges')).toEqual([
      'Judges meet in Vienna',
      'Mission in Österreich trains judges',
    ]);
    expect(found('osterreich JUDGES')).toEqual(['Mission in Österreich trains judges']);
    expect(found('news bishkek')).toEqual(['Office in Bishkek']);
    expect(found('press release')).toEqual(['Mission in Österreich trains judges']);
    expect(found('  ')).toHaveLength(3);
    expect(found('nothing like this')).toEqual([]);
  });

  it('filters as the search box types and deletes with filterEntries’ answers', () => {
    const words = ['vienna', 'media', 'freedom', 'Österreich', 'police', 'reform', 'r-0042'];
    const library = libraryOf(
      Array.from({ length: 300 }, (_, i) =>
        summary({
          headline: `${words[i % 7] ?? ''} ${words[(i * 3) % 7] ?? ''} R-${String(i).padStart(4, '0')}`,
          contentTypeId: i % 4 === 0 ? 'news-item' : null,
        }),
      ),
    );
    const items = deriveList(library, 'active', 'headline').items;
    const filter = createEntryFilter(4);
    const queries: string[] = [];
    for (const query of ['media freedom', 'osterreich  Vienna', 'r-004', 'news ref', 'xyz']) {
      for (let n = 1; n <= query.length; n += 1) queries.push(query.slice(0, n));
      for (let n = query.length - 1; n >= 0; n -= 1) queries.push(query.slice(0, n));
    }
    for (const query of queries) {
      const shown = filter(items, query);
      expect(shown, query).toEqual(filterEntries(items, query));
      // The same query again is the same array: the list below it need not render anew.
      expect(filter(items, query)).toBe(shown);
    }
    // A letter that drops nothing answers with the array the box showed before it.
    const fresh = createEntryFilter();
    const typed = fresh(items, 'media os');
    expect(typed.length).toBeGreaterThan(0);
    expect(fresh(items, 'media ost')).toBe(typed);
    // Another list (an autosave moved a release) is filtered afresh.
    const other = items.slice(1);
    expect(filter(other, 'media')).toEqual(filterEntries(other, 'media'));
  });

  it('patches the list it derived before instead of sorting again, with the same result', () => {
    const originals = Array.from({ length: 500 }, (_, i) =>
      summary({
        headline: `Release ${(i * 7919) % 500}`,
        date: `2026-0${(i % 9) + 1}-1${i % 10}`,
      }),
    );
    for (const sort of ['last-change', 'release-date', 'headline'] as const) {
      let library = libraryOf(originals);
      let list = deriveList(library, 'active', sort);
      const batches = [
        [later(originals[10] ?? summary())],
        [later(originals[20] ?? summary(), { headline: 'Aardvark', date: '2030-01-01' })],
        [{ ...(originals[30] ?? summary()), trashedAt: '2026-06-01T00:00:00.000Z' }],
        [summary({ headline: 'Brand new' }), later(originals[40] ?? summary(), { date: null })],
      ];
      for (const batch of batches) {
        library = upsertSummaries(library, batch, LABELS);
        const patched = deriveList(library, 'active', sort, list);
        const whole = deriveList(library, 'active', sort);
        expect(idsOf(patched)).toEqual(idsOf(whole));
        // The patched list is sorted by the order it claims.
        for (let i = 1; i < patched.items.length; i += 1) {
          const [x, y] = [patched.items[i - 1], patched.items[i]];
          if (x && y) expect(COMPARE[sort](x, y)).toBeLessThan(0);
        }
        list = patched;
      }
      expect(list.items).toHaveLength(500);
    }
  });

  it('puts a save that keeps its place in its slot: a new list, the same order number', () => {
    const older = summary({ headline: 'Older' });
    const newest = summary({ headline: 'Newest' });
    let library = libraryOf([older, newest]);
    const list = deriveList(library, 'active', 'last-change');
    expect(idsOf(list)).toEqual([newest.id, older.id]);
    // The release being written, already first, saved again: it stays first.
    const saved = later(newest, { headline: 'Newest, edited' });
    library = upsertSummaries(library, [saved], LABELS);
    const inPlace = deriveList(library, 'active', 'last-change', list);
    expect(inPlace).not.toBe(list);
    expect(inPlace.items).not.toBe(list.items);
    expect(inPlace.order).toBe(list.order);
    expect(headlines(inPlace)).toEqual(['Newest, edited', 'Older']);
    // The other one saved: it moves to the top, and the order number says so.
    library = upsertSummaries(library, [later(later(older))], LABELS);
    const moved = deriveList(library, 'active', 'last-change', inPlace);
    expect(idsOf(moved)).toEqual([older.id, newest.id]);
    expect(moved.order).not.toBe(inPlace.order);
    expect(deriveList(library, 'active', 'headline').order).not.toBe(moved.order);
  });

  it('keeps every earlier version of the map as it was, however many saves come', () => {
    const originals = Array.from({ length: 300 }, () => summary());
    const versions = [libraryOf(originals)];
    const added: DraftSummary[] = [];
    for (let i = 0; i < 700; i += 1) {
      const last = versions[versions.length - 1] ?? versions[0];
      const held = last?.byId.get(originals[i % 300]?.id ?? '')?.summary ?? summary();
      const fresh = i % 7 === 0 ? summary({ headline: `New ${i}` }) : null;
      if (fresh) added.push(fresh);
      const batch = fresh ? [later(held, { headline: `Saved ${i}` }), fresh] : [later(held)];
      versions.push(upsertSummaries(last ?? libraryOf([]), batch, LABELS));
    }
    const first = versions[0];
    const final = versions[versions.length - 1];
    expect(first?.byId.size).toBe(300);
    for (const s of originals) expect(first?.byId.get(s.id)?.summary).toEqual(s);
    expect(final?.byId).toBeInstanceOf(LayeredMap);
    expect(final?.byId.size).toBe(300 + added.length);
    const ids = [...(final?.byId.keys() ?? [])];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(300 + added.length);
    for (const s of added) expect(final?.byId.has(s.id)).toBe(true);
    // Each version reads the revision it was given, the values iterate as the gets answer.
    for (const [at, version] of versions.entries()) {
      if (at % 25 !== 0) continue;
      for (const [id, entry] of version.byId) expect(version.byId.get(id)).toBe(entry);
      if (at > 0) expect(version.byId.get(originals[(at - 1) % 300]?.id ?? '')).toBeDefined();
    }
    const whole = deriveList(replaceLibrary(emptyLibrary(), [], LABELS), 'active', 'headline');
    expect(whole.items).toEqual([]);
    expect(idsOf(deriveList(final ?? libraryOf([]), 'active', 'last-change'))).toHaveLength(
      300 + added.length,
    );
  });

  it('gives the same list object while nothing changed', () => {
    const store = createAppStore();
    const mirror = createMirror(store);
    mirror.receiveSummaries([summary(), summary()]);
    const select = createListSelector();
    const first = select(store.getState());
    store.setState({ saveStatus: { state: 'unsaved' } });
    expect(select(store.getState())).toBe(first);
    store.setState({ sort: 'headline' });
    expect(select(store.getState())).not.toBe(first);
  });
});

describe('the save status', () => {
  it('shows unsaved after the keystroke has painted, once, and never over a later status', async () => {
    vi.useFakeTimers();
    try {
      const store = createAppStore();
      const seen: string[] = [];
      store.subscribe((state, before) => {
        if (state.saveStatus !== before.saveStatus) seen.push(state.saveStatus.state);
      });
      for (let key = 0; key < 5; key += 1) setSaveStatus(store, { state: 'unsaved' });
      expect(store.getState().saveStatus.state).toBe('saved');
      await vi.runAllTimersAsync();
      expect(seen).toEqual(['unsaved']);
      setSaveStatus(store, { state: 'unsaved' });
      setSaveStatus(store, { state: 'saving' });
      setSaveStatus(store, { state: 'saved', at: new Date() });
      // A keystroke, and the save that carries it lands before the frame.
      setSaveStatus(store, { state: 'unsaved' });
      setSaveStatus(store, { state: 'saving' });
      await vi.runAllTimersAsync();
      expect(seen).toEqual(['unsaved', 'saving', 'saved', 'saving']);
      expect(store.getState().saveStatus.state).toBe('saving');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('events into the store', () => {
  const harness = () => {
    const store = createAppStore();
    const mirror = createMirror(store);
    let listener: ((message: EventMessage) => void) | null = null;
    const queued: (() => void)[] = [];
    const storeChanges: string[] = [];
    const stop = connectEvents(
      mirror,
      (l) => {
        listener = l;
        return () => {
          listener = null;
        };
      },
      { schedule: (work) => queued.push(work), onStoreChanged: (path) => storeChanges.push(path) },
    );
    const send = (message: EventMessage) => listener?.(message);
    const frame = () => queued.splice(0).forEach((work) => work());
    return { store, mirror, send, frame, queued, storeChanges, stop };
  };

  it('applies a burst of library:changed events once, on the next frame', () => {
    const { store, send, frame, queued } = harness();
    let renders = 0;
    store.subscribe((state, previous) => {
      if (state.library !== previous.library) renders += 1;
    });
    const imported = Array.from({ length: 1000 }, () => summary());
    for (const s of imported)
      send({
        event: 'library:changed',
        payload: { change: 'imported', summaries: [s] },
        origin: null,
      });
    expect(store.getState().library.byId.size).toBe(0);
    expect(queued).toHaveLength(1);
    frame();
    expect(store.getState().library.byId.size).toBe(1000);
    expect(renders).toBe(1);
  });

  it('upserts release:saved, keeps an answer newer than a late event, moves trashed releases', () => {
    const { store, mirror, send, frame } = harness();
    const s = summary();
    mirror.receiveSummaries([s]);
    const answer = later(later(s), { headline: 'From the answer' });
    mirror.receiveSummaries([answer]);
    send({ event: 'release:saved', payload: { summary: later(s) }, origin: 'me' });
    frame();
    expect(store.getState().library.byId.get(s.id)?.summary.headline).toBe('From the answer');

    const trashed = { ...answer, trashedAt: '2026-06-01T00:00:00.000Z' };
    send({
      event: 'library:changed',
      payload: { change: 'trashed', summaries: [trashed] },
      origin: null,
    });
    frame();
    const state = store.getState();
    expect(deriveList(state.library, 'trash', 'last-change').items[0]?.summary.id).toBe(s.id);
    expect(deriveList(state.library, 'active', 'last-change').items).toEqual([]);
  });

  it('keeps what events said while a snapshot was on its way', () => {
    const { store, mirror, send, frame } = harness();
    const s = summary({ headline: 'In the snapshot' });
    mirror.expectSnapshot();
    send({
      event: 'release:saved',
      payload: { summary: later(s, { headline: 'Saved meanwhile' }) },
      origin: null,
    });
    frame();
    mirror.receiveSnapshot({
      storePath: '/store',
      taxonomies: { contentTypes: [], fieldsOfWork: [], countries: [], sources: [], places: [] },
      summaries: [s],
      templates: [],
    });
    expect(store.getState().library.byId.get(s.id)?.summary.headline).toBe('Saved meanwhile');
    expect(store.getState().storePath).toBe('/store');
  });

  it('drops summaries of a store that moved and asks for everything once', () => {
    const { store, send, frame, storeChanges } = harness();
    send({ event: 'release:saved', payload: { summary: summary() }, origin: null });
    send({ event: 'store:changed', payload: { storePath: '/elsewhere' }, origin: null });
    frame();
    expect(store.getState().library.byId.size).toBe(0);
    expect(storeChanges).toEqual(['/elsewhere']);
  });

  it('takes preferences and templates as they come', () => {
    const { store, send, stop } = harness();
    send({ event: 'templates:changed', payload: { templates: [] }, origin: null });
    send({
      event: 'preferences:changed',
      payload: {
        preferences: {
          officerName: 'Anna',
          storeDir: null,
          defaultPlaceId: null,
          defaultSourceId: null,
          spellcheckLanguage: 'release',
          theme: 'dark',
          activeStorePath: '/store',
          canMoveStore: false,
          canChooseSpellcheckLanguage: false,
        },
      },
      origin: null,
    });
    expect(store.getState().preferences?.officerName).toBe('Anna');
    stop();
    send({ event: 'templates:changed', payload: { templates: [] }, origin: null });
  });
});
