import { contextBridge, ipcRenderer } from 'electron';
import {
  COMMAND_BRIDGE_KEY,
  COMMAND_EVENT,
  isRendererCommand,
  type CommandBridge,
} from '../shared/commands';
import { BRIDGE_KEY, channels, type DesktopBridge } from '../shared/contract';

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
