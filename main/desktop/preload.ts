import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_KEY,
  channels,
  EVENT_CHANNEL,
  parseEventMessage,
  type DesktopBridge,
  type EventMessage,
} from '../../shared/contract';

/**
 * The one object the page gets: one function per request channel (no raw ipcRenderer, no generic
 * invoke), and a subscription to main's events on their one channel, each message checked
 * against the contract. The page never sees the IPC event, which would carry `sender`.
 */
const bridge: DesktopBridge = {
  request: Object.fromEntries(
    channels.map((channel) => [
      channel,
      (payload: unknown, origin: string) => ipcRenderer.invoke(channel, payload, origin),
    ]),
  ) as DesktopBridge['request'],
  subscribe: (listener: (message: EventMessage) => void) => {
    const forward = (_event: unknown, message: unknown) => {
      const parsed = parseEventMessage(message);
      if (parsed) listener(parsed);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
