import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channels } from '../shared/contract';
import type { Result } from '../shared/result';
import { dispatch, type Handlers } from './handlers';
import { isAppUrl } from './security';

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

/** Registers one handler per contract channel; every payload goes through `dispatch`. */
export const registerIpc = (ipcMain: Pick<IpcMain, 'handle'>, handlers: Handlers): void => {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      isTrustedSender(event) ? dispatch(handlers, channel, payload) : forbidden,
    );
  }
};
