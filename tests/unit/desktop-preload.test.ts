import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_KEY, channels } from '../../shared/contract';
import { COMMAND_BRIDGE_KEY, COMMAND_EVENT, type CommandBridge } from '../../shared/commands';
import {
  MAIN_EVENT_BRIDGE_KEY,
  mainEventChannel,
  type MainEventBridge,
} from '../../shared/main-events';

/**
 * The preload runs against a stand-in for Electron's renderer modules (unit tests never load
 * Electron): what it exposes to the page is exactly what the fake contextBridge receives.
 */
const exposed = new Map<string, Record<string, unknown>>();
const invoked: [string, unknown][] = [];
const listeners = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>();

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: async (channel: string, payload: unknown) => {
      invoked.push([channel, payload]);
      return { ok: true, value: null };
    },
    on: (event: string, fn: (event: unknown, ...args: unknown[]) => void) =>
      listeners.set(event, [...(listeners.get(event) ?? []), fn]),
    removeListener: (event: string, fn: (event: unknown, ...args: unknown[]) => void) =>
      listeners.set(
        event,
        (listeners.get(event) ?? []).filter((f) => f !== fn),
      ),
  },
}));

beforeAll(async () => {
  await import('../../main/desktop/preload');
});

describe('the preload', () => {
  it('exposes three objects: the contract’s functions and two narrow subscriptions', () => {
    expect([...exposed.keys()].sort()).toEqual(
      [BRIDGE_KEY, COMMAND_BRIDGE_KEY, MAIN_EVENT_BRIDGE_KEY].sort(),
    );
    expect(Object.keys(exposed.get(MAIN_EVENT_BRIDGE_KEY) ?? {})).toEqual(['on']);
    expect(Object.keys(exposed.get(BRIDGE_KEY) ?? {}).sort()).toEqual([...channels].sort());
    expect(Object.keys(exposed.get(COMMAND_BRIDGE_KEY) ?? {})).toEqual(['onCommand']);
    for (const api of exposed.values()) {
      for (const value of Object.values(api)) expect(typeof value).toBe('function');
      expect(api).not.toHaveProperty('invoke');
      expect(api).not.toHaveProperty('send');
      expect(api).not.toHaveProperty('ipcRenderer');
    }
  });

  it('sends each contract function on its own channel only', async () => {
    const bridge = exposed.get(BRIDGE_KEY) as Record<string, (p: unknown) => Promise<unknown>>;
    await bridge['drafts:list']?.({ view: 'active' });
    expect(invoked).toEqual([['drafts:list', { view: 'active' }]]);
  });

  it('passes on known command names only, without the IPC event, and unsubscribes', () => {
    const bridge = exposed.get(COMMAND_BRIDGE_KEY) as unknown as CommandBridge;
    const heard: unknown[] = [];
    const stop = bridge.onCommand((command) => heard.push(command));
    const emit = (...args: unknown[]) =>
      listeners.get(COMMAND_EVENT)?.forEach((fn) => fn({ sender: 'ipc internals' }, ...args));
    emit('release:new');
    emit('shell:rm-rf');
    emit({ toString: () => 'release:new' });
    expect(heard).toEqual(['release:new']);
    stop();
    emit('release:save');
    expect(heard).toEqual(['release:new']);
    expect(listeners.get(COMMAND_EVENT)).toEqual([]);
  });

  it('passes on main’s events by name, payloads checked, without the IPC event', () => {
    const bridge = exposed.get(MAIN_EVENT_BRIDGE_KEY) as unknown as MainEventBridge;
    const heard: unknown[] = [];
    const stop = bridge.on('release:saved', (payload) => heard.push(payload));
    const channel = mainEventChannel('release:saved');
    const emit = (payload: unknown) =>
      listeners.get(channel)?.forEach((fn) => fn({ sender: 'ipc internals' }, payload));
    emit({ id: 'release-0001', revision: 3 });
    emit({ id: 'release-0001', revision: -1 });
    emit({ id: '../../etc', revision: 3 });
    emit({ id: 'release-0001', revision: 4, sender: 'smuggled' });
    expect(heard).toEqual([{ id: 'release-0001', revision: 3 }]);
    // A name outside the shared list subscribes to nothing.
    const unknown = bridge.on('shell:anything' as 'release:saved', () => heard.push('no'));
    expect(listeners.has('event:shell:anything')).toBe(false);
    unknown();
    stop();
    expect(listeners.get(channel)).toEqual([]);
  });
});
