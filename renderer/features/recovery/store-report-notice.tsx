import { useEffect, useState } from 'react';
import type { StoreEvent } from '../../../shared/schemas';
import { api, onEvent } from '../../api/client';
import { followStoreReport, headingFor, keyOf, lineFor } from './store-report';

/**
 * Tells the officer what the store did on its own: what it repaired when it opened (and what the
 * CLI or an earlier run repaired that nobody was shown), and every repair it makes while the
 * window is open, as it happens (`store:repaired`): unsaved text recovered after a crash, a
 * damaged release put back as last saved, a file set aside. The heading says when something
 * could not be put right. Silent when there is nothing to say.
 */
export function StoreReportNotice() {
  const [events, setEvents] = useState<StoreEvent[]>([]);

  useEffect(
    () =>
      followStoreReport(
        {
          report: () => api['store:report']({}),
          onRepaired: (listener) =>
            onEvent('store:repaired', (payload) => listener(payload.events)),
        },
        setEvents,
      ),
    [],
  );

  if (events.length === 0) return null;
  return (
    <div className="banner store-report" role="alert" aria-label="Store recovery">
      <div>
        <strong>{headingFor(events)}</strong>
        <ul>
          {events.map((event) => (
            <li key={keyOf(event)}>{lineFor(event)}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="button small" onClick={() => setEvents([])}>
        Dismiss
      </button>
    </div>
  );
}
