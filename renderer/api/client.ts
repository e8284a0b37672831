import {
  API_PATH,
  BRIDGE_KEY,
  EVENTS_PATH,
  ORIGIN_HEADER,
  channels,
  parseEventMessage,
  requests,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type DesktopBridge,
  type EventMessage,
  type EventName,
  type EventPayload,
} from '../../shared/contract';
import { ResultEnvelopeSchema, type ErrorCode } from '../../shared/result';

/** How the page's event stream stands: the first connection made, or a later one after a drop. */
export type StreamState = 'connected' | 'reconnected' | 'lost';

/** Sends requests and hears main's events, whatever carries them (Electron's preload or HTTP). */
export interface Transport {
  kind: 'desktop' | 'browser';
  send(channel: Channel, payload: unknown, options?: { keepalive?: boolean }): Promise<unknown>;
  /** The one subscription to main's events; `onState` hears the stream connect and drop. */
  subscribe(
    listener: (message: EventMessage) => void,
    onState: (state: StreamState) => void,
  ): () => void;
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'TRANSPORT',
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * This window's id, sent with each request. Events carry the id of the window whose request
 * caused them, so a window can tell its own save from another's.
 */
export const clientId: string = crypto.randomUUID();

const desktopBridge = (): DesktopBridge | undefined =>
  (window as unknown as Record<string, DesktopBridge | undefined>)[BRIDGE_KEY];

const desktopTransport = (bridge: DesktopBridge): Transport => ({
  kind: 'desktop',
  send: (channel, payload) => bridge.request[channel](payload, clientId),
  // IPC is there from the first line the page runs and never drops.
  subscribe: (listener, onState) => {
    const stop = bridge.subscribe(listener);
    queueMicrotask(() => onState('connected'));
    return stop;
  },
});

/**
 * Browser mode's event stream. EventSource reconnects by itself after a drop (a laptop asleep,
 * the host busy), but what was published meanwhile is gone: a reconnection is reported so the
 * window reads the store again. A stream the host refuses for good (a new token) is `lost`.
 */
const browserEvents: Transport['subscribe'] = (listener, onState) => {
  if (typeof EventSource === 'undefined') return () => undefined;
  const source = new EventSource(EVENTS_PATH, { withCredentials: true });
  let opened = false;
  source.onopen = () => {
    onState(opened ? 'reconnected' : 'connected');
    opened = true;
  };
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) onState('lost');
  };
  source.onmessage = (event: MessageEvent<string>) => {
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    const message = parseEventMessage(data);
    if (message) listener(message);
  };
  return () => source.close();
};

const browserTransport = (): Transport => ({
  kind: 'browser',
  async send(channel, payload, options) {
    let response: Response;
    try {
      response = await fetch(`${API_PATH}${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [ORIGIN_HEADER]: clientId },
        body: JSON.stringify(payload),
        credentials: 'same-origin',
        keepalive: options?.keepalive ?? false,
      });
    } catch {
      throw new ApiError(
        'TRANSPORT',
        'The editor lost its connection to the store. Is the browser-mode host still running?',
      );
    }
    if (response.status === 403) {
      throw new ApiError(
        'TRANSPORT',
        'The browser-mode host refused this page: open the URL that `npm run start:web` printed.',
      );
    }
    return response.json();
  },
  subscribe: browserEvents,
});

export const detectTransport = (): Transport => {
  const bridge = desktopBridge();
  return bridge ? desktopTransport(bridge) : browserTransport();
};

export type Api = {
  [C in Channel]: (
    input: ChannelInput<C>,
    options?: { keepalive?: boolean },
  ) => Promise<ChannelOutput<C>>;
};

/** One typed function per request channel; answers are checked against the contract too. */
export const createApi = (transport: Pick<Transport, 'send'>): Api => {
  const call = async (channel: Channel, input: unknown, options?: { keepalive?: boolean }) => {
    const envelope = ResultEnvelopeSchema.safeParse(await transport.send(channel, input, options));
    if (!envelope.success) throw new ApiError('INTERNAL', `Malformed answer to ${channel}`);
    if (!envelope.data.ok)
      throw new ApiError(envelope.data.error.code, envelope.data.error.message);
    const output = requests[channel].output.safeParse(envelope.data.value);
    if (!output.success) throw new ApiError('INTERNAL', `Unexpected answer to ${channel}`);
    return output.data;
  };
  return Object.fromEntries(
    channels.map((channel) => [
      channel,
      (input: unknown, options?: { keepalive?: boolean }) => call(channel, input, options),
    ]),
  ) as Api;
};

export const transport = detectTransport();

/** The desktop shell's menu catches the app's shortcuts and sends them as `menu:command`. */
export const shellCatchesShortcuts: boolean = transport.kind === 'desktop';
export const api = createApi(transport);

/**
 * The page's one subscription to main's events, shared by every listener: each message is
 * checked once, and the stream's state is told to whoever asks.
 */
const hub = (() => {
  const listeners = new Set<(message: EventMessage) => void>();
  const stateListeners = new Set<(state: StreamState) => void>();
  let connected: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (connected = resolve));
  let stop: (() => void) | null = null;
  const ensure = () => {
    stop ??= transport.subscribe(
      (message) => {
        for (const listener of [...listeners]) listener(message);
      },
      (state) => {
        if (state === 'connected') connected();
        for (const listener of [...stateListeners]) listener(state);
      },
    );
  };
  return {
    ready: (): Promise<void> => {
      ensure();
      return ready;
    },
    on(listener: (message: EventMessage) => void): () => void {
      ensure();
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    onState(listener: (state: StreamState) => void): () => void {
      ensure();
      stateListeners.add(listener);
      return () => void stateListeners.delete(listener);
    },
    /** Hands listeners a message this window made up itself (a save found on reconnecting). */
    deliver(message: EventMessage): void {
      for (const listener of [...listeners]) listener(message);
    },
  };
})();

/** Resolves once main's events reach this page: what is read after that misses none of them. */
export const eventsConnected = (): Promise<void> => hub.ready();

/** The event stream dropped and came back, or was lost for good. */
export const onStreamState = (listener: (state: StreamState) => void): (() => void) =>
  hub.onState(listener);

export const deliverLocally = (message: EventMessage): void => hub.deliver(message);

/** Every event main sends, whole (name, payload, origin). */
export const onAnyEvent = (listener: (message: EventMessage) => void): (() => void) =>
  hub.on(listener);

/** One of main's events: its payload, and whether this window's own request caused it. */
export const onEvent = <E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>, fromHere: boolean) => void,
): (() => void) =>
  hub.on((message) => {
    // The message's name decides its payload's type; zod has checked it against that schema.
    if (message.event === event)
      listener(message.payload as EventPayload<E>, message.origin === clientId);
  });
