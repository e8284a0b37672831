import { contextBridge, ipcRenderer } from 'electron';
import {
  COMMAND_BRIDGE_KEY,
  COMMAND_EVENT,
  isRendererCommand,
  type CommandBridge,
} from '../../shared/commands';
import { BRIDGE_KEY, channels, type DesktopBridge } from '../../shared/contract';
import {
  isMainEvent,
  MAIN_EVENT_BRIDGE_KEY,
  mainEventChannel,
  parseMainEvent,
  type MainEventBridge,
} from '../../shared/main-events';

// One function per contract channel and nothing else: no raw ipcRenderer, no generic invoke.
const bridge = Object.fromEntries(
  channels.map((channel) => [channel, (payload: unknown) => ipcRenderer.invoke(channel, payload)]),
) as DesktopBridge;

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);

// The one main→renderer event: menu commands, by name, checked against the shared list. The page
// gets the command name only, never the IPC event (which would carry `sender`).
const commands: CommandBridge = {
  onCommand: (listener) => {
    const forward = (_event: unknown, command: unknown) => {
      if (isRendererCommand(command)) listener(command);
    };
    ipcRenderer.on(COMMAND_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(COMMAND_EVENT, forward);
    };
  },
};

contextBridge.exposeInMainWorld(COMMAND_BRIDGE_KEY, commands);

// Main's other events (a release saved in another window), by name from the shared list, each
// payload parsed against its schema; the page never sees the IPC event or an unknown name.
const events: MainEventBridge = {
  on: (event, listener) => {
    if (!isMainEvent(event)) return () => undefined;
    const channel = mainEventChannel(event);
    const forward = (_event: unknown, payload: unknown) => {
      const parsed = parseMainEvent(event, payload);
      if (parsed) listener(parsed);
    };
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
};

contextBridge.exposeInMainWorld(MAIN_EVENT_BRIDGE_KEY, events);
