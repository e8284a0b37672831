import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY, channels, type DesktopBridge } from '../shared/contract';

// One function per contract channel and nothing else: no raw ipcRenderer, no generic invoke.
const bridge = Object.fromEntries(
  channels.map((channel) => [channel, (payload: unknown) => ipcRenderer.invoke(channel, payload)]),
) as DesktopBridge;

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
