import type { DraftSummary } from '../../shared/schemas';
import type { Template } from '../../shared/template-schema';
import { fold } from '../lib/terms';

/**
 * The renderer's mirror of the library, as pure functions: no DOM, no React, no requests, so
 * that what the window believes about the store can be tested in Node.
 */

export type LibraryView = 'active' | 'trash';
export type LibrarySort = 'last-change' | 'release-date' | 'headline';

export const LIBRARY_SORTS: readonly { value: LibrarySort; label: string }[] = [
  { value: 'last-change', label: 'Last change' },
  { value: 'release-date', label: 'Release date' },
  { value: 'headline', label: 'Headline' },
];

export const isLibrarySort = (value: unknown): value is LibrarySort =>
  LIBRARY_SORTS.some((sort) => sort.value === value);

/** A summary with what sorting and filtering need, worked out once when it arrives. */
export interface LibraryEntry {
  readonly summary: DraftSummary;
  /** Headline and content-type label, lower-cased and without accents: what the search matches. */
  readonly search: string;
  /** When it last changed, in ms: its content's last save, or for the trash when it went there. */
  readonly changedAt: number;
}

export interface LibraryChange {
  readonly id: string;
  /** The entry as it was before the batch (none for a release new to this window). */
  readonly before: LibraryEntry | undefined;
}

/** Entries a layered map holds on top of its base before it folds them into a new base. */
const OVERLAY_LIMIT = 256;

/**
 * An immutable map that takes a few changes without copying itself: a shared base and a small
 * overlay of the entries changed since. `with` copies the overlay only (at most OVERLAY_LIMIT
 * entries), then folds it into a fresh base: an autosave's one summary costs O(1) amortised,
 * not a copy of 10,000 entries. Earlier versions keep reading what they held.
 */
export class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  readonly size: number;

  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly overlay: ReadonlyMap<K, V>,
    /** How many overlay keys the base lacks. */
    added: number,
  ) {
    this.size = base.size + added;
  }

  static of<K, V>(entries: ReadonlyMap<K, V>): LayeredMap<K, V> {
    return entries instanceof LayeredMap ? entries : new LayeredMap(entries, new Map(), 0);
  }

  /** A new map with these entries set; this one is left as it was. */
  with(changes: ReadonlyMap<K, V>): LayeredMap<K, V> {
    const overlay = new Map(this.overlay);
    for (const [key, value] of changes) overlay.set(key, value);
    if (overlay.size > OVERLAY_LIMIT) {
      const base = new Map(this.base);
      for (const [key, value] of overlay) base.set(key, value);
      return new LayeredMap(base, new Map(), 0);
    }
    let added = 0;
    for (const key of overlay.keys()) if (!this.base.has(key)) added += 1;
    return new LayeredMap(this.base, overlay, added);
  }

  get(key: K): V | undefined {
    return this.overlay.has(key) ? this.overlay.get(key) : this.base.get(key);
  }

  has(key: K): boolean {
    return this.overlay.has(key) || this.base.has(key);
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.base)
      yield [key, this.overlay.has(key) ? (this.overlay.get(key) as V) : value];
    for (const [key, value] of this.overlay) if (!this.base.has(key)) yield [key, value];
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}

export interface LibraryState {
  readonly byId: ReadonlyMap<string, LibraryEntry>;
  /** Goes up with every batch that changed something. */
  readonly version: number;
  /**
   * What the latest batch changed, and the version it started from: a list derived from that
   * version moves those few entries instead of sorting everything again.
   */
  readonly lastBatch: { readonly from: number; readonly changes: readonly LibraryChange[] } | null;
}

export const emptyLibrary = (): LibraryState => ({ byId: new Map(), version: 0, lastBatch: null });

export const viewOf = (summary: Pick<DraftSummary, 'trashedAt'>): LibraryView =>
  summary.trashedAt === null ? 'active' : 'trash';

const parseTime = (iso: string | null): number => {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? 0 : ms;
};

export const toEntry = (
  summary: DraftSummary,
  typeLabels: ReadonlyMap<string, string>,
): LibraryEntry => {
  const type = summary.contentTypeId ? (typeLabels.get(summary.contentTypeId) ?? '') : '';
  return {
    summary,
    search: fold(`${summary.headline} ${type}`),
    changedAt: parseTime(summary.trashedAt ?? summary.updatedAt),
  };
};

const sameEmbargo = (a: DraftSummary['embargo'], b: DraftSummary['embargo']): boolean =>
  a === b ||
  (a !== null && b !== null && a.localDateTime === b.localDateTime && a.timeZone === b.timeZone);

/** The same summary, field for field: a repeat of what the window already holds changes nothing. */
export const sameSummary = (a: DraftSummary, b: DraftSummary): boolean =>
  a.id === b.id &&
  a.revision === b.revision &&
  a.headline === b.headline &&
  a.status === b.status &&
  a.updatedAt === b.updatedAt &&
  a.createdAt === b.createdAt &&
  a.trashedAt === b.trashedAt &&
  a.contentTypeId === b.contentTypeId &&
  a.date === b.date &&
  a.language === b.language &&
  sameEmbargo(a.embargo, b.embargo) &&
  // A release marked damaged (or mended) keeps its revision: the mark itself is the news.
  a.damaged?.reason === b.damaged?.reason &&
  a.damaged?.keptAs === b.damaged?.keptAs;

/** The whole library as one answer gave it: the start, or a store that moved. */
export const replaceLibrary = (
  previous: LibraryState,
  summaries: readonly DraftSummary[],
  typeLabels: ReadonlyMap<string, string>,
): LibraryState => {
  const byId = new Map<string, LibraryEntry>();
  for (const summary of summaries) {
    const held = byId.get(summary.id);
    if (!held || summary.revision >= held.summary.revision)
      byId.set(summary.id, toEntry(summary, typeLabels));
  }
  return { byId, version: previous.version + 1, lastBatch: null };
};

/**
 * Summaries from answers and events, as many as arrived since the last frame, put in at once:
 * the map is layered (see LayeredMap), so a batch of a few costs what it holds, not the library. A summary older than the one held (a lower
 * revision: an event overtaken by a later answer) is ignored. Trashing and restoring keep the
 * revision, so an equal revision is taken: the later word wins.
 */
export const upsertSummaries = (
  library: LibraryState,
  summaries: readonly DraftSummary[],
  typeLabels: ReadonlyMap<string, string>,
): LibraryState => {
  const set = new Map<string, LibraryEntry>();
  const changes = new Map<string, LibraryChange>();
  for (const summary of summaries) {
    const held = set.get(summary.id) ?? library.byId.get(summary.id);
    if (held && (summary.revision < held.summary.revision || sameSummary(held.summary, summary)))
      continue;
    if (!changes.has(summary.id)) changes.set(summary.id, { id: summary.id, before: held });
    set.set(summary.id, toEntry(summary, typeLabels));
  }
  if (set.size === 0) return library;
  return {
    byId: LayeredMap.of(library.byId).with(set),
    version: library.version + 1,
    lastBatch: { from: library.version, changes: [...changes.values()] },
  };
};

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

type Compare = (a: LibraryEntry, b: LibraryEntry) => number;

const newestFirst: Compare = (a, b) => b.changedAt - a.changedAt;
const byId: Compare = (a, b) =>
  a.summary.id < b.summary.id ? -1 : a.summary.id > b.summary.id ? 1 : 0;

/**
 * Each order is total (it ends on the id), so a binary search finds an entry's one place and a
 * list patched entry by entry equals the list sorted whole.
 */
export const COMPARE: Record<LibrarySort, Compare> = {
  'last-change': (a, b) => newestFirst(a, b) || byId(a, b),
  // Newest release date first; releases without a date after those with one.
  'release-date': (a, b) => {
    const x = a.summary.date ?? '';
    const y = b.summary.date ?? '';
    return (x === y ? 0 : x < y ? 1 : -1) || newestFirst(a, b) || byId(a, b);
  },
  // A to Z as the officer reads it (accents and case aside, numbers by value); untitled last.
  headline: (a, b) => {
    const x = a.summary.headline.trim();
    const y = b.summary.headline.trim();
    if (!x !== !y) return x ? -1 : 1;
    return collator.compare(x, y) || newestFirst(a, b) || byId(a, b);
  },
};

export interface LibraryList {
  readonly view: LibraryView;
  readonly sort: LibrarySort;
  /** The library version this list was derived from. */
  readonly version: number;
  /**
   * Goes up whenever the releases listed or their order change; the same while only entries'
   * contents did (an autosave in place), so a view can keep what it worked out per position.
   */
  readonly order: number;
  readonly items: readonly LibraryEntry[];
}

/** Up to this many changed entries are moved into place; more, and the list is sorted anew. */
const PATCH_LIMIT = 64;

/** Where `entry` goes in `items` (sorted by `compare`): the first index not before it. */
const placeOf = (items: readonly LibraryEntry[], entry: LibraryEntry, compare: Compare): number => {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const item = items[middle];
    if (item && compare(item, entry) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
};

let orders = 0;
/** An order number no list had before: a list sorted whole may differ in any way. */
const nextOrder = (): number => (orders += 1_000_000);

const sortWhole = (library: LibraryState, view: LibraryView, sort: LibrarySort): LibraryList => {
  const items: LibraryEntry[] = [];
  for (const entry of library.byId.values()) if (viewOf(entry.summary) === view) items.push(entry);
  items.sort(COMPARE[sort]);
  return { view, sort, version: library.version, order: nextOrder(), items };
};

const patch = (
  previous: LibraryList,
  library: LibraryState,
  changes: readonly LibraryChange[],
): LibraryList => {
  const compare = COMPARE[previous.sort];
  const items = previous.items.slice();
  let moved = false;
  for (const { id, before } of changes) {
    const now = library.byId.get(id);
    const shows = now !== undefined && viewOf(now.summary) === previous.view;
    if (before && viewOf(before.summary) === previous.view) {
      const at = placeOf(items, before, compare);
      // Not where it should be: the list does not hold what it was derived from after all.
      if (items[at] !== before) return sortWhole(library, previous.view, previous.sort);
      // The usual autosave: the entry keeps its place (its neighbours still before and after
      // it), so it is put in that slot and the list keeps its order.
      const left = items[at - 1];
      const right = items[at + 1];
      if (shows && (!left || compare(left, now) < 0) && (!right || compare(now, right) < 0)) {
        items[at] = now;
        continue;
      }
      items.splice(at, 1);
      moved = true;
    }
    if (shows) {
      items.splice(placeOf(items, now, compare), 0, now);
      moved = true;
    }
  }
  return {
    ...previous,
    version: library.version,
    order: moved ? previous.order + 1 : previous.order,
    items,
  };
};

/**
 * The releases a view shows, in the chosen order. Given the list it derived last time, it
 * returns that very list when nothing changed, and moves only the changed entries when one
 * batch (an autosave, a trashed release) separates the two: no sorting of 10,000 releases
 * after each save.
 */
export const deriveList = (
  library: LibraryState,
  view: LibraryView,
  sort: LibrarySort,
  previous: LibraryList | null = null,
): LibraryList => {
  if (previous && previous.view === view && previous.sort === sort) {
    if (previous.version === library.version) return previous;
    const batch = library.lastBatch;
    if (batch && batch.from === previous.version && batch.changes.length <= PATCH_LIMIT)
      return patch(previous, library, batch.changes);
  }
  return sortWhole(library, view, sort);
};

const queryWords = (query: string): string[] => fold(query).split(/\s+/).filter(Boolean);

/** Every word typed must appear in the headline or the type; the order stays the list's. */
export const filterEntries = (
  items: readonly LibraryEntry[],
  query: string,
): readonly LibraryEntry[] => {
  const words = queryWords(query);
  if (words.length === 0) return items;
  return items.filter((entry) => words.every((word) => entry.search.includes(word)));
};

/** Whether every entry matching `words` also matches `earlier`: each earlier word is inside one of them. */
const refines = (words: readonly string[], earlier: readonly string[]): boolean =>
  earlier.every((old) => words.some((word) => word.includes(old)));

/**
 * filterEntries for a search box, with the same answers: it remembers the last few queries'
 * results on the same list, so deleting a letter answers at once with the very array shown
 * before, and a query that only narrows an earlier one (one more letter, one more word)
 * filters that earlier result instead of the whole library.
 */
export const createEntryFilter = (remember = 32) => {
  let source: readonly LibraryEntry[] | null = null;
  const results = new Map<string, { words: readonly string[]; found: readonly LibraryEntry[] }>();
  return (items: readonly LibraryEntry[], query: string): readonly LibraryEntry[] => {
    if (items !== source) {
      source = items;
      results.clear();
    }
    const words = queryWords(query);
    if (words.length === 0) return items;
    const key = words.join(' ');
    const held = results.get(key);
    if (held) {
      // The most recently used last, so the oldest goes first when the memory is full.
      results.delete(key);
      results.set(key, held);
      return held.found;
    }
    let base = items;
    for (const earlier of results.values())
      if (earlier.found.length < base.length && refines(words, earlier.words)) base = earlier.found;
    const narrowed = base.filter((entry) => words.every((word) => entry.search.includes(word)));
    // Nothing dropped out (the next letter of a word every result has): the same array, so
    // what shows it has nothing to render.
    const found = narrowed.length === base.length ? base : narrowed;
    results.set(key, { words, found });
    if (results.size > remember) {
      const oldest = results.keys().next();
      if (!oldest.done) results.delete(oldest.value);
    }
    return found;
  };
};

/** A template saved or changed here: put in place of the one with its id, or added. */
export const upsertTemplate = (
  templates: readonly Template[],
  template: Template,
): readonly Template[] =>
  templates.some((t) => t.id === template.id)
    ? templates.map((t) => (t.id === template.id ? template : t))
    : [...templates, template];

export const removeTemplate = (templates: readonly Template[], id: string): readonly Template[] =>
  templates.filter((t) => t.id !== id);

export interface Notice {
  id: number;
  tone: 'info' | 'success' | 'error';
  text: string;
  action?: { label: string; run: () => void };
}

/** The newest few notices: an old one makes room rather than covering the window. */
export const addNotice = (notices: readonly Notice[], notice: Notice): readonly Notice[] => [
  ...notices.slice(-3),
  notice,
];
