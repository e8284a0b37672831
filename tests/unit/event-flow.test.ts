import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, type EventMessage } from '../../shared/contract';
import { DEFAULT_PREFERENCES } from '../../shared/preferences-schema';
import { startHost, type RunningHost } from '../../main/cli/http-host';
import { forwardEvents } from '../../main/desktop/ipc';
import { createEventBus, type EventBus } from '../../main/services/event-bus';
import { createHandlers, dispatch, type Handlers } from '../../main/services/handlers';
import { openServices, type OpenedServices } from '../../main/services';
import type { Draft } from '../../shared/schemas';
import { saveRequest } from '../support/handlers-fixture';

/**
 * Main owns the data and says when it changes: every service publishes on one bus at the moment
 * of change, and the two forwarders (IPC to each window, server-sent events to each page) pass
 * every event on. Nothing is learnt by reading another window's answer.
 */
let dir: string;
let bus: EventBus;
let services: OpenedServices;
let handlers: Handlers;
let draft: Draft;
let heard: EventMessage[];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-events-'));
  bus = createEventBus();
  services = await openServices({ storeDir: dir, publish: bus.publish });
  let preferences = DEFAULT_PREFERENCES;
  handlers = createHandlers(services, undefined, {
    preferences: {
      get: () => preferences,
      update: async (patch) => (preferences = { ...preferences, ...patch }),
    },
  });
  draft = await services.drafts.create();
  heard = [];
  bus.subscribe((message) => heard.push(message));
});

afterEach(async () => {
  await services.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const names = () => heard.map((message) => message.event);

describe('the event bus', () => {
  it('publishes a save once, with its summary and the window that asked, to every subscriber', async () => {
    const second: EventMessage[] = [];
    bus.subscribe((message) => second.push(message));
    const answer = await dispatch(handlers, 'drafts:save', saveRequest(draft), 'window-a');
    expect(answer.ok).toBe(true);
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({
      event: 'release:saved',
      origin: 'window-a',
      payload: { summary: { id: draft.id, headline: 'Headline', revision: 1 } },
    });
    expect(second).toEqual(heard);
  });

  it('publishes nothing for a save that fails, and nothing for reads', async () => {
    await dispatch(handlers, 'drafts:save', saveRequest(draft, { baseRevision: 7 }), 'w');
    await dispatch(handlers, 'drafts:save', saveRequest(draft, { body: { type: 'nope' } }), 'w');
    await dispatch(handlers, 'drafts:save', { id: draft.id }, 'w');
    await dispatch(handlers, 'drafts:get', { id: draft.id }, 'w');
    await dispatch(handlers, 'drafts:list', { view: 'active' }, 'w');
    await dispatch(handlers, 'drafts:journal', saveRequest(draft), 'w');
    expect(heard).toEqual([]);
    expect((await services.drafts.get(draft.id)).revision).toBe(0);
  });

  it('tells of every change to the library as it happens', async () => {
    await dispatch(handlers, 'drafts:create', {}, 'w');
    await dispatch(handlers, 'drafts:trash', { id: draft.id }, 'w');
    await dispatch(handlers, 'drafts:restore', { id: draft.id }, 'w');
    await dispatch(
      handlers,
      'import:files',
      { files: [{ name: 'a.md', text: '# Imported\n\nBody.' }] },
      'w',
    );
    const changes = heard.flatMap((message) =>
      message.event === 'library:changed' ? [message.payload.change] : [],
    );
    expect(changes).toEqual(['created', 'trashed', 'restored', 'imported']);
    const trashed = heard[1];
    expect(
      trashed?.event === 'library:changed' && trashed.payload.summaries[0]?.trashedAt,
    ).toBeTruthy();
  });

  it('tells of templates and preferences, with their new state', async () => {
    await dispatch(handlers, 'drafts:save', saveRequest(draft), 'w');
    heard.length = 0;
    await dispatch(handlers, 'templates:save', { draftId: draft.id, name: 'Weekly note' }, 'w');
    await dispatch(handlers, 'preferences:set', { officerName: 'A. Officer' }, 'w');
    expect(names()).toEqual(['templates:changed', 'preferences:changed']);
    const [templates, preferences] = heard;
    expect(
      templates?.event === 'templates:changed' &&
        templates.payload.templates.some((t) => t.name === 'Weekly note'),
    ).toBe(true);
    expect(
      preferences?.event === 'preferences:changed' && preferences.payload.preferences.officerName,
    ).toBe('A. Officer');
  });

  it('sends no payload its schema refuses, and keeps a failing subscriber from the rest', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => bus.publish('store:changed', { storePath: '' })).not.toThrow();
    expect(heard).toEqual([]);
    expect(logged).toHaveBeenCalledTimes(1);
    const later: string[] = [];
    bus.subscribe(() => {
      throw new Error('a closed window');
    });
    bus.subscribe((message) => later.push(message.event));
    bus.publish('store:changed', { storePath: '/new/place' });
    expect(later).toEqual(['store:changed']);
    expect(heard.map((message) => message.origin)).toEqual([null]);
    logged.mockRestore();
  });
});

describe('the desktop forwarder', () => {
  it('sends every event to every open window on the one event channel, skipping closed ones', async () => {
    const window = (destroyed: boolean) => {
      const sent: [string, unknown][] = [];
      return {
        sent,
        target: {
          isDestroyed: () => destroyed,
          send: (channel: string, message: unknown) => void sent.push([channel, message]),
        },
      };
    };
    const [a, b, closed] = [window(false), window(false), window(true)];
    forwardEvents(bus, () => [a.target, b.target, closed.target]);
    await dispatch(handlers, 'drafts:save', saveRequest(draft), 'window-a');
    expect(a.sent).toHaveLength(1);
    expect(a.sent[0]?.[0]).toBe(EVENT_CHANNEL);
    expect(b.sent).toEqual(a.sent);
    expect(closed.sent).toEqual([]);
  });
});

describe('the browser-mode event stream', () => {
  let host: RunningHost;
  let rendererDir: string;

  beforeEach(async () => {
    rendererDir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-events-page-'));
    await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
    host = await startHost({ handlers, events: bus, rendererDir });
  });
  afterEach(async () => {
    await host.close();
    await fs.rm(rendererDir, { recursive: true, force: true });
  });

  const cookie = () => `${host.cookieName}=${host.token}`;

  /** Reads `data:` lines from one page's stream until `count` have come. */
  const listen = async (count: number, headers: Record<string, string> = {}) => {
    const response = await fetch(`${host.origin}/events`, {
      headers: { cookie: cookie(), ...headers },
    });
    const reader = response.body?.getReader();
    const messages: unknown[] = [];
    const done = (async () => {
      let buffer = '';
      while (reader && messages.length < count) {
        const chunk = await reader.read();
        if (chunk.done) break;
        buffer += new TextDecoder().decode(chunk.value);
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith('data: ')) messages.push(JSON.parse(block.slice(6)));
        }
      }
      await reader?.cancel();
      return messages;
    })();
    return { status: response.status, done };
  };

  it('streams each event to every page, stamped with the page whose request caused it', async () => {
    const first = await listen(1);
    const second = await listen(1);
    expect(first.status).toBe(200);
    const saved = await fetch(`${host.origin}/api/drafts:save`, {
      method: 'POST',
      headers: {
        cookie: cookie(),
        'content-type': 'application/json',
        'x-newsroom-origin': 'tab-1',
      },
      body: JSON.stringify(saveRequest(draft)),
    });
    expect(((await saved.json()) as { ok: boolean }).ok).toBe(true);
    for (const page of [first, second]) {
      expect(await page.done).toEqual([
        expect.objectContaining({ event: 'release:saved', origin: 'tab-1' }),
      ]);
    }
  });

  it('opens no stream without the token', async () => {
    const response = await fetch(`${host.origin}/events`);
    expect(response.status).toBe(403);
  });
});
