import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import type { LibraryEntry, LibraryView } from '../../app/reducers';
import { ErrorBoundary } from '../../components/error-boundary';
import { LibraryRow } from './library-row';

/** A row's usual height (two lines of headline); each row is measured once it is drawn. */
const ROW_ESTIMATE = 88;
const PAGE = 10;

/** Which of a row's controls had focus, so the keyboard keeps to it from row to row. */
type Part = 'open' | 'check' | 'restore';
const PART_SELECTOR: Record<Part, string> = {
  open: '.library-open',
  check: '.library-check',
  restore: '.button',
};
const partOf = (element: Element): Part =>
  element.classList.contains('library-check')
    ? 'check'
    : element.classList.contains('library-open')
      ? 'open'
      : 'restore';

interface LibraryListProps {
  items: readonly LibraryEntry[];
  /** The same number while the items' ids stay the same, in the same order. */
  order: number;
  view: LibraryView;
  label: string;
  emptyText: string;
  openId: string | null;
  typeLabels: ReadonlyMap<string, string>;
  selecting: boolean;
  selected: ReadonlySet<string>;
  onOpen: (id: string) => void;
  onCheck: (id: string, checked: boolean) => void;
  onRestore: (id: string) => void;
}

/**
 * The releases, drawn only where the officer can see them (10,000 scroll as smoothly as 10).
 * Memoised: a keystroke in the search box re-renders the box; the list follows its results.
 * One Tab stop: the active row. Arrow keys, Page Up/Down, Home and End move it, Enter opens.
 * The active row is always drawn, even scrolled away, so focus never falls out of the list.
 */
export const LibraryList = memo(function LibraryList({
  items,
  order,
  view,
  label,
  emptyText,
  openId,
  typeLabels,
  selecting,
  selected,
  onOpen,
  onCheck,
  onRestore,
}: LibraryListProps) {
  const headlineId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  // Set by a key press; the row it names takes focus once it is drawn.
  const focusNext = useRef<{ id: string; part: Part } | null>(null);

  const activeIndex = useMemo(() => {
    const byId = (id: string | null) =>
      id === null ? -1 : items.findIndex((entry) => entry.summary.id === id);
    const index = byId(activeId);
    if (index >= 0) return index;
    return Math.max(byId(openId), 0);
  }, [items, activeId, openId]);

  // Follows the order, not the array: an autosave that changes one row's contents in place
  // keeps the keys, so the virtualizer keeps its 10,000 row positions instead of rebuilding them.
  // The array it closes over may be an earlier one with the same order: the same ids.
  const getItemKey = useCallback(
    (index: number) => items[index]?.summary.id ?? index,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the order stands for the ids
    [order],
  );
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex < range.count && !indexes.includes(activeIndex)) {
        indexes.push(activeIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [activeIndex],
  );
  // The virtualizer keeps its own measurements and re-renders this component as it scrolls.
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey,
    rangeExtractor,
    overscan: 6,
    paddingStart: 6,
    paddingEnd: 6,
    scrollPaddingStart: 6,
    scrollPaddingEnd: 6,
  });

  useLayoutEffect(() => {
    const next = focusNext.current;
    if (!next) return;
    const row = listRef.current?.querySelector(`[data-id="${next.id}"]`);
    const target =
      row?.querySelector<HTMLElement>(PART_SELECTOR[next.part]) ??
      row?.querySelector<HTMLElement>(PART_SELECTOR.open);
    if (!target) return;
    focusNext.current = null;
    target.focus({ preventScroll: true });
  });

  const moveTo = (index: number, part: Part) => {
    const at = Math.min(Math.max(index, 0), items.length - 1);
    const entry = items[at];
    if (!entry) return;
    focusNext.current = { id: entry.summary.id, part };
    setActiveId(entry.summary.id);
    virtualizer.scrollToIndex(at, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    if (!target.closest('.library-item')) return;
    const steps: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + PAGE,
      PageUp: activeIndex - PAGE,
      Home: 0,
      End: items.length - 1,
    };
    const next = steps[event.key];
    if (next === undefined) return;
    event.preventDefault();
    moveTo(next, partOf(target));
  };

  // A click or Tab into a row makes it the active one.
  const onFocus = (event: FocusEvent<HTMLUListElement>) => {
    const id = event.target.closest<HTMLElement>('.library-item')?.dataset.id;
    if (id && id !== items[activeIndex]?.summary.id) setActiveId(id);
  };

  if (items.length === 0) {
    return (
      <div className="library-scroll">
        <ul className="library-list" aria-label={label}>
          <li className="library-empty">{emptyText}</li>
        </ul>
      </div>
    );
  }

  return (
    <div className="library-scroll" ref={scrollRef}>
      <ul
        ref={listRef}
        className="library-list virtual"
        aria-label={label}
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const entry = items[row.index];
          if (!entry) return null;
          const { summary } = entry;
          return (
            <ErrorBoundary
              key={summary.id}
              resetKey={`${summary.id}@${summary.revision}`}
              fallback={() => (
                <li
                  ref={virtualizer.measureElement}
                  data-index={row.index}
                  className="library-item"
                  style={{ transform: `translateY(${row.start}px)` }}
                >
                  <span className="item-damaged">
                    This release cannot be shown in the list ({summary.id}).
                  </span>
                </li>
              )}
            >
              <LibraryRow
                ref={virtualizer.measureElement}
                summary={summary}
                index={row.index}
                setSize={items.length}
                start={row.start}
                typeLabel={
                  summary.contentTypeId ? typeLabels.get(summary.contentTypeId) : undefined
                }
                isOpen={summary.id === openId}
                isActive={row.index === activeIndex}
                selecting={selecting}
                checked={selected.has(summary.id)}
                inTrash={view === 'trash'}
                headlineId={`${headlineId}-${summary.id}`}
                onOpen={onOpen}
                onCheck={onCheck}
                onRestore={onRestore}
              />
            </ErrorBoundary>
          );
        })}
      </ul>
    </div>
  );
});
