import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  BRIDGE_KEY,
  channels,
  EVENT_CHANNEL,
  type DesktopBridge,
  type EventMessage,
} from '../../shared/contract';

/**
 * The preload runs against a stand-in for Electron's renderer modules (unit tests never load
 * Electron): what it exposes to the page is exactly what the fake contextBridge receives.
 */
const exposed = new Map<string, Record<string, unknown>>();
const invoked: unknown[][] = [];
const listeners = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>();

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
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

const bridge = (): DesktopBridge => exposed.get(BRIDGE_KEY) as unknown as DesktopBridge;

const summary = {
  id: 'release-0001',
  headline: 'Talks resume',
  status: 'draft',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:05:00.000Z',
  trashedAt: null,
  revision: 3,
  contentTypeId: null,
  date: null,
  embargo: null,
  language: 'en',
};

describe('the preload', () => {
  it('exposes one object: a function per request channel and one event subscription', () => {
    expect([...exposed.keys()]).toEqual([BRIDGE_KEY]);
    const api = exposed.get(BRIDGE_KEY) ?? {};
    expect(Object.keys(api).sort()).toEqual(['request', 'subscribe']);
    expect(typeof api.subscribe).toBe('function');
    expect(Object.keys(bridge().request).sort()).toEqual([...channels].sort());
    for (const value of Object.values(bridge().request)) expect(typeof value).toBe('function');
    for (const forbidden of ['invoke', 'send', 'ipcRenderer', 'on'])
      expect(api).not.toHaveProperty(forbidden);
  });

  it('sends each request on its own channel only, with the window’s id', async () => {
    await bridge().request['drafts:list']({ view: 'active' }, 'window-a');
    expect(invoked).toEqual([['drafts:list', { view: 'active' }, 'window-a']]);
  });

  it('passes on events that fit the contract, without the IPC event, and unsubscribes', () => {
    const heard: EventMessage[] = [];
    const stop = bridge().subscribe((message) => heard.push(message));
    const emit = (message: unknown) =>
      listeners.get(EVENT_CHANNEL)?.forEach((fn) => fn({ sender: 'ipc internals' }, message));
    emit({ event: 'release:saved', payload: { summary }, origin: 'window-a' });
    emit({ event: 'release:saved', payload: { summary: { ...summary, revision: -1 } } });
    emit({ event: 'shell:rm-rf', payload: {} });
    emit({ event: 'menu:command', payload: { command: 'release:new' }, origin: null });
    emit({ event: 'menu:command', payload: { command: 'shell:rm-rf' }, origin: null });
    emit('release:new');
    expect(heard.map((message) => message.event)).toEqual(['release:saved', 'menu:command']);
    expect(heard[0]).toEqual({ event: 'release:saved', payload: { summary }, origin: 'window-a' });
    stop();
    emit({ event: 'menu:command', payload: { command: 'release:save' }, origin: null });
    expect(heard).toHaveLength(2);
    expect(listeners.get(EVENT_CHANNEL)).toEqual([]);
  });
});
