import { useEffect, useState } from 'react';
import type { StoreEvent } from '../../../shared/schemas';
import { api } from '../../api/client';

/**
 * Tells the officer, once, what the store did on its own when it opened: unsaved text recovered
 * after a crash, a damaged file moved aside and restored. Silent when there is nothing to say.
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
  const recovered = events.some((event) => event.kind === 'recovered-draft');
  return (
    <div className="banner store-report" role="alert" aria-label="Store recovery">
      <div>
        <strong>
          {recovered
            ? 'Your unsaved work was recovered.'
            : 'The store repaired itself when it opened.'}
        </strong>
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
