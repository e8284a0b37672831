import type { EventMessage } from '../../shared/contract';
import type { DraftSummary } from '../../shared/schemas';
import type { Mirror } from './store';

/** Runs `work` soon, once, however many times it is asked before it runs. */
export type Schedule = (work: () => void) => void;

interface EventOptions {
  /** When a batch of summaries is put in: the next animation frame in the window. */
  schedule: Schedule;
  /** The store moved: read everything again, once. */
  onStoreChanged: (storePath: string) => void;
}

/**
 * Feeds main's events into the mirror. Summaries are gathered and put in once per `schedule`
 * (an import of 1,000 files publishes 1,000 events: one map copy and one render, not 1,000).
 * Returns the unsubscribe function.
 */
export const connectEvents = (
  mirror: Mirror,
  subscribe: (listener: (message: EventMessage) => void) => () => void,
  { schedule, onStoreChanged }: EventOptions,
): (() => void) => {
  let pending: DraftSummary[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const batch = pending;
    pending = [];
    mirror.receiveSummaries(batch);
  };
  const queue = (summaries: readonly DraftSummary[]) => {
    for (const summary of summaries) pending.push(summary);
    if (!scheduled) {
      scheduled = true;
      schedule(flush);
    }
  };

  return subscribe((message) => {
    switch (message.event) {
      case 'release:saved':
        queue([message.payload.summary]);
        break;
      case 'library:changed':
        queue(message.payload.summaries);
        break;
      case 'preferences:changed':
        mirror.receivePreferences(message.payload.preferences);
        break;
      case 'templates:changed':
        mirror.receiveTemplates(message.payload.templates);
        break;
      case 'store:changed':
        // What was queued belongs to the old store.
        pending = [];
        onStoreChanged(message.payload.storePath);
        break;
      case 'export:progress':
      case 'menu:command':
        // Followed by the dialog and the command center that asked for them.
        break;
    }
  });
};

/**
 * The next animation frame, or a moment later in a window that draws no frames (hidden, or
 * minimised), so a background window's library is still current when it comes back.
 */
export const nextFrame: Schedule = (work) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    work();
  };
  // Typed by hand: this file also runs in Node's tests, which have no animation frames.
  (
    globalThis as { requestAnimationFrame?: (callback: () => void) => number }
  ).requestAnimationFrame?.(once);
  setTimeout(once, 100);
};
