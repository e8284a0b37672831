import type { StoreEvent } from '../../../shared/schemas';

/** What the store could not put right on its own: a file set aside, lost changes, no backup. */
const NEEDS_ATTENTION: ReadonlySet<StoreEvent['kind']> = new Set([
  'damaged-file',
  'lost-draft',
  'backup-failed',
  'read-only',
]);

export const headingFor = (events: readonly StoreEvent[]): string => {
  if (events.some((event) => event.kind === 'read-only')) {
    return 'The store is open for reading only.';
  }
  if (events.some((event) => NEEDS_ATTENTION.has(event.kind))) {
    return 'Some store files need your attention.';
  }
  if (events.some((event) => event.kind === 'recovered-draft')) {
    return 'Your unsaved work was recovered.';
  }
  return 'The store repaired itself.';
};

export const keyOf = (event: StoreEvent): string => `${event.at}-${event.kind}-${event.message}`;

/** `Earlier, newsroom (the command-line tool): …` for what another run repaired. */
export const lineFor = (event: StoreEvent): string =>
  event.earlierRun ? `Earlier${event.by ? `, ${event.by}` : ''}: ${event.message}` : event.message;

/** Adds what is new after what is shown, in the order it happened; a repair heard twice shows once. */
export const mergeEvents = (
  shown: readonly StoreEvent[],
  arrived: readonly StoreEvent[],
): StoreEvent[] => {
  const seen = new Set(shown.map(keyOf));
  return [...shown, ...arrived.filter((event) => !seen.has(keyOf(event)))];
};

export interface StoreReportSources {
  /** The report of what the store repaired so far (`store:report`). */
  report(): Promise<{ events: StoreEvent[] }>;
  /** Every repair from now on, as it happens (`store:repaired`); answers the unsubscribe. */
  onRepaired(listener: (events: StoreEvent[]) => void): () => void;
}

/**
 * Follows what the store repairs: the report once, and each repair as it arrives, listening
 * first so that one made while the report is on its way is not missed. `show` is called with
 * the whole list each time it grows. Answers the unsubscribe.
 */
export const followStoreReport = (
  sources: StoreReportSources,
  show: (change: (shown: StoreEvent[]) => StoreEvent[]) => void,
): (() => void) => {
  let live = true;
  const stop = sources.onRepaired((events) => show((shown) => mergeEvents(shown, events)));
  sources
    .report()
    .then((report) => {
      if (live) show((shown) => mergeEvents(report.events, shown));
    })
    // Not being able to ask is no reason to stop the editor from opening.
    .catch(() => undefined);
  return () => {
    live = false;
    stop();
  };
};
