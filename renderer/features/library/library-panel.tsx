import { useId, useMemo, useState } from 'react';
import type { DraftSummary, Taxonomies } from '../../../shared/schemas';
import { formatEmbargoLine, isEmbargoPast } from '../../../shared/embargo';
import { headlineOrUntitled, houseDate, sinceLabel } from '../../lib/format';

export type LibraryView = 'active' | 'trash';

interface LibraryPanelProps {
  view: LibraryView;
  onView: (view: LibraryView) => void;
  items: readonly DraftSummary[];
  taxonomies: Taxonomies;
  openId: string | null;
  onOpen: (id: string) => void;
  onRestore: (id: string) => void;
  /** Export these releases together (the library's selection, or all it shows). */
  onExport: (ids: string[]) => void;
}

export function LibraryPanel({
  view,
  onView,
  items,
  taxonomies,
  openId,
  onOpen,
  onRestore,
  onExport,
}: LibraryPanelProps) {
  const filterId = useId();
  const itemId = useId();
  const [filter, setFilter] = useState('');
  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const now = new Date();
  const typeLabel = useMemo(
    () => new Map(taxonomies.contentTypes.map((t) => [t.id, t.label])),
    [taxonomies],
  );
  const shown = useMemo(() => {
    const words = filter.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return items;
    return items.filter((item) => {
      const text =
        `${item.headline} ${item.contentTypeId ? typeLabel.get(item.contentTypeId) : ''}`.toLocaleLowerCase();
      return words.every((word) => text.includes(word));
    });
  }, [items, filter, typeLabel]);

  return (
    <nav className="library" aria-label="Library">
      <div className="library-head">
        <div className="segmented" role="tablist" aria-label="Library view">
          <button
            type="button"
            role="tab"
            aria-selected={view === 'active'}
            onClick={() => onView('active')}
          >
            Releases
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={view === 'trash'}
            onClick={() => onView('trash')}
          >
            Trash
          </button>
        </div>
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
                onClick={() => setSelected(new Set(shown.map((item) => item.id)))}
              >
                Select all shown
              </button>
              <button
                type="button"
                className="button small primary"
                disabled={selected.size === 0}
                onClick={() =>
                  onExport(shown.filter((item) => selected.has(item.id)).map((item) => item.id))
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
                {shown.length} release{shown.length === 1 ? '' : 's'}
                {filter ? ' match' : ''}
              </span>
              <button type="button" className="button small" onClick={() => setSelecting(true)}>
                Select
              </button>
              <button
                type="button"
                className="button small"
                disabled={shown.length === 0}
                onClick={() => onExport(shown.map((item) => item.id))}
              >
                Export all…
              </button>
            </>
          )}
        </div>
      )}
      <ul
        className="library-list"
        aria-label={view === 'trash' ? 'Releases in the trash' : 'Releases'}
      >
        {shown.length === 0 && (
          <li className="library-empty">
            {filter
              ? 'No release matches.'
              : view === 'trash'
                ? 'The trash is empty.'
                : 'No releases yet. Create one with “New release”.'}
          </li>
        )}
        {shown.map((item) => (
          <li key={item.id} className={item.id === openId ? 'library-item open' : 'library-item'}>
            {selecting && view === 'active' && (
              <input
                type="checkbox"
                className="library-check"
                aria-labelledby={`${itemId}-${item.id}`}
                checked={selected.has(item.id)}
                onChange={(event) =>
                  setSelected((current) => {
                    const next = new Set(current);
                    if (event.target.checked) next.add(item.id);
                    else next.delete(item.id);
                    return next;
                  })
                }
              />
            )}
            <button
              type="button"
              className="library-open"
              aria-current={item.id === openId ? 'true' : undefined}
              onClick={() => onOpen(item.id)}
            >
              <span className="item-headline" id={`${itemId}-${item.id}`}>
                {headlineOrUntitled(item.headline)}
              </span>
              <span className="item-meta">
                <span>
                  {item.contentTypeId
                    ? (typeLabel.get(item.contentTypeId) ?? item.contentTypeId)
                    : 'No type'}
                </span>
                <span aria-hidden="true">·</span>
                <span>{houseDate(item.date)}</span>
              </span>
              {item.embargo && (
                <span
                  className={
                    isEmbargoPast(item.embargo, now) ? 'item-embargo past' : 'item-embargo'
                  }
                >
                  {formatEmbargoLine(item.embargo, item.language)}
                </span>
              )}
              <span className="item-meta">
                <span className={`status status-${item.status}`}>
                  {item.status === 'ready' ? 'Ready' : 'Draft'}
                </span>
                <span className="item-updated">
                  <time dateTime={item.updatedAt}>Edited {sinceLabel(item.updatedAt)}</time>
                </span>
              </span>
            </button>
            {view === 'trash' && (
              <button type="button" className="button small" onClick={() => onRestore(item.id)}>
                Restore
              </button>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
