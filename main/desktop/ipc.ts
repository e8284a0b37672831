import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { channels, type Channel } from '../../shared/contract';
import type { Result } from '../../shared/result';
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

/** Told of every successful answer, so the shell can follow along (e.g. the release's language). */
export type AnswerObserver = (channel: Channel, value: unknown, sender: WebContents) => void;

/** Registers one handler per contract channel; every payload goes through `dispatch`. */
export const registerIpc = (
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  observe?: AnswerObserver,
): void => {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event)) return forbidden;
      const result = await dispatch(handlers, channel, payload);
      if (result.ok && observe) {
        try {
          observe(channel, result.value, event.sender);
        } catch {
          // An observer is a convenience; it never turns a good answer into a failure.
        }
      }
      return result;
    });
  }
};
