import { memo, type Ref } from 'react';
import type { DraftSummary } from '../../../shared/schemas';
import { formatEmbargoLine, isEmbargoPast } from '../../../shared/embargo';
import { headlineOrUntitled, houseDate, sinceLabel } from '../../lib/format';

interface LibraryRowProps {
  ref: Ref<HTMLLIElement>;
  summary: DraftSummary;
  index: number;
  setSize: number;
  /** Where the row sits in the virtual list, in pixels from its top. */
  start: number;
  typeLabel: string | undefined;
  isOpen: boolean;
  /** The row the keyboard is on: its controls are the list's one stop for Tab. */
  isActive: boolean;
  /** Selecting for export: the row has a checkbox. */
  selecting: boolean;
  checked: boolean;
  inTrash: boolean;
  /** The id the row's headline has, which names its checkbox. */
  headlineId: string;
  onOpen: (id: string) => void;
  onCheck: (id: string, checked: boolean) => void;
  onRestore: (id: string) => void;
}

/** Formatting a date makes an Intl formatter: each date is formatted once, for every row showing it. */
const dates = new Map<string, string>();
const rowDate = (isoDate: string | null): string => {
  if (isoDate === null) return houseDate(isoDate);
  let text = dates.get(isoDate);
  if (text === undefined) {
    text = houseDate(isoDate);
    if (dates.size > 2_000) dates.clear();
    dates.set(isoDate, text);
  }
  return text;
};

/** Past this, "Edited …" names the day, which stays the same: worked out once per moment. */
const DAY_AND_MORE_MS = 25 * 60 * 60 * 1000;
const edits = new Map<string, string>();
const editedLabel = (iso: string): string => {
  const now = new Date();
  if (!(now.getTime() - Date.parse(iso) > DAY_AND_MORE_MS)) return sinceLabel(iso, now);
  let text = edits.get(iso);
  if (text === undefined) {
    text = sinceLabel(iso, now);
    if (edits.size > 2_000) edits.clear();
    edits.set(iso, text);
  }
  return text;
};

/** One release in the library. Memoised: moving the keyboard or a save re-renders two rows, not all. */
export const LibraryRow = memo(function LibraryRow({
  ref,
  summary,
  index,
  setSize,
  start,
  typeLabel,
  isOpen,
  isActive,
  selecting,
  checked,
  inTrash,
  headlineId,
  onOpen,
  onCheck,
  onRestore,
}: LibraryRowProps) {
  const tabIndex = isActive ? 0 : -1;
  return (
    <li
      ref={ref}
      data-index={index}
      data-id={summary.id}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      className={isOpen ? 'library-item open' : 'library-item'}
      style={{ transform: `translateY(${start}px)` }}
    >
      {selecting && (
        <input
          type="checkbox"
          className="library-check"
          tabIndex={tabIndex}
          aria-labelledby={headlineId}
          checked={checked}
          onChange={(event) => onCheck(summary.id, event.target.checked)}
        />
      )}
      <button
        type="button"
        className="library-open"
        tabIndex={tabIndex}
        aria-current={isOpen ? 'true' : undefined}
        // Named by its headline, as it reads; the type, date and status describe it.
        aria-labelledby={headlineId}
        aria-describedby={`${headlineId}-details`}
        onClick={() => onOpen(summary.id)}
      >
        <span className="item-headline" id={headlineId}>
          {headlineOrUntitled(summary.headline)}
        </span>
        <span className="item-details" id={`${headlineId}-details`}>
          <span className="item-meta">
            <span>{summary.contentTypeId ? (typeLabel ?? summary.contentTypeId) : 'No type'}</span>
            <span aria-hidden="true">·</span>
            <span>{rowDate(summary.date)}</span>
          </span>
          {summary.embargo && (
            <span
              className={
                isEmbargoPast(summary.embargo, new Date()) ? 'item-embargo past' : 'item-embargo'
              }
            >
              {formatEmbargoLine(summary.embargo, summary.language)}
            </span>
          )}
          {summary.damaged && (
            <span className="item-damaged">
              Damaged: its file could not be read and no good copy was found. Kept as{' '}
              {summary.damaged.keptAs}
            </span>
          )}
          <span className="item-meta">
            <span className={`status status-${summary.status}`}>
              {summary.status === 'ready' ? 'Ready' : 'Draft'}
            </span>
            <span className="item-updated">
              <time dateTime={summary.updatedAt}>Edited {editedLabel(summary.updatedAt)}</time>
            </span>
          </span>
        </span>
      </button>
      {inTrash && (
        <button
          type="button"
          className="button small"
          tabIndex={tabIndex}
          aria-describedby={headlineId}
          onClick={() => onRestore(summary.id)}
        >
          Restore
        </button>
      )}
    </li>
  );
});
