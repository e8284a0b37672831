import { AsyncLocalStorage } from 'node:async_hooks';
import {
  events,
  type EventMessage,
  type EventName,
  type EventPayload,
} from '../../shared/contract';

/** How a service tells the windows that something changed, at the moment it changed. */
export type Publish = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface EventBus {
  publish: Publish;
  /** Every event from now on; returns the unsubscribe. Forwarders (IPC, browser mode) use this. */
  subscribe(listener: (message: EventMessage) => void): () => void;
}

const requestOrigin = new AsyncLocalStorage<string | null>();

/**
 * Runs `work` as the request of the window `origin`: what it publishes carries that origin, so
 * the window can tell its own changes from another's without main sniffing answers.
 */
export const asRequestOf = <T>(origin: string | null, work: () => Promise<T>): Promise<T> =>
  requestOrigin.run(origin, work);

/** The window whose request is running here, or null outside a request. */
export const currentOrigin = (): string | null => requestOrigin.getStore() ?? null;

export const createEventBus = (): EventBus => {
  const listeners = new Set<(message: EventMessage) => void>();
  return {
    publish(event, payload) {
      // A payload that does not fit its schema is a bug in main. It is published after the
      // change is on disk, so it must not turn that success into a failed answer: it is left
      // out, loudly, and the windows read the change the next time they read the store.
      const parsed = events[event].safeParse(payload);
      if (!parsed.success) {
        console.error(
          `Event ${event} not sent: its payload does not fit the contract`,
          parsed.error,
        );
        return;
      }
      const message = { event, payload: parsed.data, origin: currentOrigin() };
      for (const listener of [...listeners]) {
        try {
          // The payload was parsed by its own event's schema just above.
          listener(message as EventMessage);
        } catch {
          // One forwarder failing (a closed window) must not keep the event from the others.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
};

/** For code paths that have nobody to tell (the CLI, tests that do not listen). */
export const publishNowhere: Publish = () => undefined;
