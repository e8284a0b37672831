import { useEffect, useState } from 'react';
import type { StoreEvent } from '../../../shared/schemas';
import { api } from '../../api/client';

/** What the store could not put right on its own: a file set aside, lost changes, no backup. */
const NEEDS_ATTENTION: ReadonlySet<StoreEvent['kind']> = new Set([
  'damaged-file',
  'lost-draft',
  'backup-failed',
]);

const headingFor = (events: readonly StoreEvent[]): string => {
  if (events.some((event) => NEEDS_ATTENTION.has(event.kind))) {
    return 'Some store files need your attention.';
  }
  if (events.some((event) => event.kind === 'recovered-draft')) {
    return 'Your unsaved work was recovered.';
  }
  return 'The store repaired itself when it opened.';
};

/**
 * Tells the officer, once, what the store did on its own when it opened: unsaved text recovered
 * after a crash, a damaged file moved aside and restored. The heading says when something could
 * not be put right (a file set aside, a backup not written). Silent when there is nothing to say.
 */
export function StoreReportNotice() {
  const [events, setEvents] = useState<StoreEvent[]>([]);

  useEffect(() => {
    api['store:report']({})
      .then((report) => setEvents(report.events))
      // Not being able to ask is no reason to stop the editor from opening.
      .catch(() => undefined);
  }, []);

  if (events.length === 0) return null;
  return (
    <div className="banner store-report" role="alert" aria-label="Store recovery">
      <div>
        <strong>{headingFor(events)}</strong>
        <ul>
          {events.map((event) => (
            <li key={`${event.at}-${event.kind}-${event.message}`}>{event.message}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="button small" onClick={() => setEvents([])}>
        Dismiss
      </button>
    </div>
  );
}
