import {
  MAIN_EVENT_BRIDGE_KEY,
  type MainEvent,
  type MainEventBridge,
  type MainEventPayload,
} from '../../../shared/main-events';

const bridge = (): MainEventBridge | undefined =>
  (window as unknown as Record<string, MainEventBridge | undefined>)[MAIN_EVENT_BRIDGE_KEY];

/**
 * Listens to one of main's events. Browser mode has one window and no preload: nothing arrives
 * and this does nothing.
 */
export const onMainEvent = <E extends MainEvent>(
  event: E,
  listener: (payload: MainEventPayload<E>) => void,
): (() => void) => bridge()?.on(event, listener) ?? (() => undefined);
