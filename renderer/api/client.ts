import {
  BRIDGE_KEY,
  channels,
  contract,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type DesktopBridge,
} from '../../shared/contract';
import { ResultEnvelopeSchema, type ErrorCode } from '../../shared/result';

/** Sends one request and answers with the raw result envelope, whatever carries it. */
export interface Transport {
  kind: 'desktop' | 'browser';
  send(channel: Channel, payload: unknown, options?: { keepalive?: boolean }): Promise<unknown>;
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

const desktopBridge = (): DesktopBridge | undefined =>
  (window as unknown as Record<string, DesktopBridge | undefined>)[BRIDGE_KEY];

const desktopTransport = (bridge: DesktopBridge): Transport => ({
  kind: 'desktop',
  send: (channel, payload) => bridge[channel](payload),
});

const browserTransport = (): Transport => ({
  kind: 'browser',
  async send(channel, payload, options) {
    let response: Response;
    try {
      response = await fetch(`api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
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

/** One typed function per contract channel; answers are checked against the contract too. */
export const createApi = (transport: Transport): Api => {
  const call = async (channel: Channel, input: unknown, options?: { keepalive?: boolean }) => {
    const envelope = ResultEnvelopeSchema.safeParse(await transport.send(channel, input, options));
    if (!envelope.success) throw new ApiError('INTERNAL', `Malformed answer to ${channel}`);
    if (!envelope.data.ok)
      throw new ApiError(envelope.data.error.code, envelope.data.error.message);
    const output = contract[channel].output.safeParse(envelope.data.value);
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
export const api = createApi(transport);
