import { useCallback, useId, useMemo, useState } from 'react';
import { exportMany, openRelease, restoreRelease, setSort, switchView } from '../../app/actions';
import {
  createEntryFilter,
  isLibrarySort,
  LIBRARY_SORTS,
  type LibraryEntry,
  type LibraryView,
} from '../../app/reducers';
import { createListSelector, selectOpenId, useApp } from '../../app/store';
import { LibraryList } from './library-list';

export type { LibraryView };

const open = (id: string) => void openRelease(id);
const restore = (id: string) => void restoreRelease(id);
/** A search's results, each array a number of its own (below every list's). */
const searchOrders = new WeakMap<readonly LibraryEntry[], number>();
let lastSearchOrder = 0;
const searchOrder = (shown: readonly LibraryEntry[]): number => {
  let known = searchOrders.get(shown);
  if (known === undefined) {
    known = lastSearchOrder -= 1;
    searchOrders.set(shown, known);
  }
  return known;
};

const ids = (entries: readonly LibraryEntry[]) => entries.map((entry) => entry.summary.id);

function ViewTabs({ view }: { view: LibraryView }) {
  return (
    <div className="segmented" role="tablist" aria-label="Library view">
      <button
        type="button"
        role="tab"
        aria-selected={view === 'active'}
        onClick={() => switchView('active')}
      >
        Releases
      </button>
      <button
        type="button"
        role="tab"
        aria-selected={view === 'trash'}
        onClick={() => switchView('trash')}
      >
        Trash
      </button>
    </div>
  );
}

function SortControl() {
  const sortId = useId();
  const sort = useApp((state) => state.sort);
  return (
    <div className="library-sort">
      <label htmlFor={sortId} className="field-label">
        Sort by
      </label>
      <select
        id={sortId}
        className="text-input"
        value={sort}
        onChange={(event) => {
          if (isLibrarySort(event.target.value)) setSort(event.target.value);
        }}
      >
        {LIBRARY_SORTS.map(({ value, label }) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The library: releases or the trash, searched and sorted, each opened with a click or the
 * keyboard; in the releases view, a selection (held here, not in the page) to export together.
 */
export function LibraryPanel() {
  const filterId = useId();
  const view = useApp((state) => state.view);
  const openId = useApp(selectOpenId);
  const typeLabels = useApp((state) => state.typeLabels);
  // Its own selector: it keeps the list it derived last, to patch rather than sort anew.
  const [selectList] = useState(createListSelector);
  const list = useApp(selectList);
  const [filter, setFilter] = useState('');
  // Remembers recent queries' results, and narrows the last result as a query grows: a
  // keystroke filters in a fraction of a millisecond, so the list follows in the same frame as
  // the box (a deferred pass cost a second render and often a second frame).
  const [filterList] = useState(createEntryFilter);
  const shown = useMemo(() => filterList(list.items, filter), [filterList, list, filter]);
  // Unfiltered, the list's own order number (the same after an autosave in place); a search's
  // results are told apart by their array.
  const order = useMemo(
    () => (shown === list.items ? list.order : searchOrder(shown)),
    [shown, list],
  );
  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const check = useCallback(
    (id: string, checked: boolean) =>
      setSelected((current) => {
        const next = new Set(current);
        if (checked) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );

  return (
    <nav className="library" aria-label="Library">
      <div className="library-head">
        <ViewTabs view={view} />
        <label htmlFor={filterId} className="field-label">
          Search releases
        </label>
        <input
          id={filterId}
          type="search"
          className="text-input"
          value={filter}
          placeholder="Headline or type"
          onChange={(event) => setFilter(event.target.value)}
        />
        <SortControl />
      </div>
      {view === 'active' && (
        <div className="library-select-bar">
          {selecting ? (
            <>
              <span className="count" role="status">
                {selected.size} selected
              </span>
              <button
                type="button"
                className="button small"
                onClick={() => setSelected(new Set(ids(shown)))}
              >
                Select all shown
              </button>
              <button
                type="button"
                className="button small primary"
                disabled={selected.size === 0}
                onClick={() =>
                  void exportMany(ids(shown.filter((entry) => selected.has(entry.summary.id))))
                }
              >
                Export selected…
              </button>
              <button
                type="button"
                className="button small subtle"
                onClick={() => {
                  setSelecting(false);
                  setSelected(new Set());
                }}
              >
                Done
              </button>
            </>
          ) : (
            <>
              <span className="count">
                {shown.length.toLocaleString('en')} release{shown.length === 1 ? '' : 's'}
                {filter ? ' match' : ''}
              </span>
              <button type="button" className="button small" onClick={() => setSelecting(true)}>
                Select
              </button>
              <button
                type="button"
                className="button small"
                disabled={shown.length === 0}
                onClick={() => void exportMany(ids(shown))}
              >
                Export all…
              </button>
            </>
          )}
        </div>
      )}
      <LibraryList
        items={shown}
        order={order}
        view={view}
        label={view === 'trash' ? 'Releases in the trash' : 'Releases'}
        emptyText={
          filter
            ? 'No release matches.'
            : view === 'trash'
              ? 'The trash is empty.'
              : 'No releases yet. Create one with “New release”.'
        }
        openId={openId}
        typeLabels={typeLabels}
        selecting={selecting && view === 'active'}
        selected={selected}
        onOpen={open}
        onCheck={check}
        onRestore={restore}
      />
    </nav>
  );
}
