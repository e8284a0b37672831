import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { channels, EVENT_CHANNEL, originOf, type EventMessage } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { EventBus } from '../services/event-bus';
import { dispatch, type Handlers } from '../services/handlers';
import { isAppUrl } from '../services/security';

/** Only the app's own top-level page may call the services. */
export const isTrustedSender = (
  event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>,
): boolean => {
  const frame = event.senderFrame;
  if (!frame) return false;
  return frame === event.sender.mainFrame && isAppUrl(frame.url);
};

const forbidden: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This page may not use the editor’s services.' },
};

/**
 * Registers one handler per request channel; every payload goes through `dispatch`. Answers the
 * window (its WebContents id) each origin id belongs to, for the shell to follow a window's
 * `window:showing`.
 */
export const registerIpc = (
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
): { contentsOf(origin: string | null): number | undefined } => {
  const windows = new Map<string, number>();
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, payload: unknown, given: unknown) => {
      if (!isTrustedSender(event)) return forbidden;
      const origin = originOf(given);
      if (origin) windows.set(origin, event.sender.id);
      return dispatch(handlers, channel, payload, origin);
    });
  }
  return { contentsOf: (origin) => (origin ? windows.get(origin) : undefined) };
};

type Target = Pick<WebContents, 'send' | 'isDestroyed'>;

/** Sends one event to one window, unless it is gone. */
export const sendEvent = (target: Target, message: EventMessage): void => {
  if (!target.isDestroyed()) target.send(EVENT_CHANNEL, message);
};

/**
 * The desktop's forwarder: every event the services publish goes to every window. A menu
 * command is not published: the shell sends it to the focused window alone (`sendEvent`).
 */
export const forwardEvents = (bus: Pick<EventBus, 'subscribe'>, windows: () => Target[]) =>
  bus.subscribe((message) => {
    for (const target of windows()) sendEvent(target, message);
  });
