import {
  BRIDGE_KEY,
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

/** Sends requests and hears main's events, whatever carries them (Electron's preload or HTTP). */
export interface Transport {
  kind: 'desktop' | 'browser';
  send(channel: Channel, payload: unknown, options?: { keepalive?: boolean }): Promise<unknown>;
  subscribe(listener: (message: EventMessage) => void): () => void;
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

/** The header browser mode reads the window's id from. */
export const ORIGIN_HEADER = 'x-newsroom-origin';

const desktopBridge = (): DesktopBridge | undefined =>
  (window as unknown as Record<string, DesktopBridge | undefined>)[BRIDGE_KEY];

const desktopTransport = (bridge: DesktopBridge): Transport => ({
  kind: 'desktop',
  send: (channel, payload) => bridge.request[channel](payload, clientId),
  subscribe: (listener) => bridge.subscribe(listener),
});

/** One event stream per page, opened on the first subscription and shared by all listeners. */
const browserEvents = () => {
  const listeners = new Set<(message: EventMessage) => void>();
  let source: EventSource | null = null;
  return (listener: (message: EventMessage) => void): (() => void) => {
    listeners.add(listener);
    if (!source && typeof EventSource !== 'undefined') {
      source = new EventSource('events', { withCredentials: true });
      source.onmessage = (event: MessageEvent<string>) => {
        let data: unknown;
        try {
          data = JSON.parse(event.data);
        } catch {
          return;
        }
        const message = parseEventMessage(data);
        if (message) for (const each of [...listeners]) each(message);
      };
    }
    return () => {
      listeners.delete(listener);
    };
  };
};

const browserTransport = (): Transport => ({
  kind: 'browser',
  async send(channel, payload, options) {
    let response: Response;
    try {
      response = await fetch(`api/${encodeURIComponent(channel)}`, {
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
  subscribe: browserEvents(),
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

/** Every event main sends, whole (name, payload, origin). */
export const onAnyEvent = (listener: (message: EventMessage) => void): (() => void) =>
  transport.subscribe(listener);

/** One of main's events: its payload, and whether this window's own request caused it. */
export const onEvent = <E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>, fromHere: boolean) => void,
): (() => void) =>
  transport.subscribe((message) => {
    // The message's name decides its payload's type; zod has checked it against that schema.
    if (message.event === event)
      listener(message.payload as EventPayload<E>, message.origin === clientId);
  });
