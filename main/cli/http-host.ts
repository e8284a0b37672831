import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { API_PATH, EVENTS_PATH, ORIGIN_HEADER, originOf } from '../../shared/contract';
import { REVIEW_FILE_MAX_BYTES } from '../../shared/review-file';
import type { EventBus } from '../services/event-bus';
import { dispatch, type Handlers } from '../services/handlers';
import { CONTENT_SECURITY_POLICY, mediaTypeFor } from '../services/security';

/**
 * Browsers keep cookies per host name, not per port, so two browser-mode hosts on 127.0.0.1 would
 * overwrite each other's token and the first window's saves would be refused. The port in the
 * name gives each host its own cookie.
 */
const cookieNameFor = (port: number): string => `newsroom_token_${port}`;
const MAX_BODY_BYTES = 16 * 1024 * 1024;
/**
 * A review file may be 20 MB, and travels as a JSON string inside the request: escaping its
 * quotes, backslashes and line breaks takes at most two bytes for one, so twice its limit (and
 * room for the rest of the request) lets every file the service accepts reach it.
 */
const MAX_REVIEW_BODY_BYTES = 2 * REVIEW_FILE_MAX_BYTES + 64 * 1024;
const bodyLimitFor = (channel: string): number =>
  channel === 'review:open' ? MAX_REVIEW_BODY_BYTES : MAX_BODY_BYTES;
/**
 * After a 413 the rest of an oversized body is still read and thrown away, so the client finishes
 * sending and reads the answer instead of a connection reset; past this much more, the host stops
 * listening to it.
 */
const MAX_DISCARD_BYTES = 256 * 1024 * 1024;
const LOOPBACK = '127.0.0.1';

export interface HostOptions {
  handlers: Handlers;
  /** What the services publish; each page hears it on `GET /events` (server-sent events). */
  events?: Pick<EventBus, 'subscribe'>;
  rendererDir: string;
  port?: number;
  /** Fixed only by tests; a real run draws a fresh secret each time. */
  token?: string;
}

export interface RunningHost {
  url: string;
  origin: string;
  port: number;
  token: string;
  /** The cookie the token travels in: one name per host, so hosts on other ports leave it be. */
  cookieName: string;
  server: Server;
  close(): Promise<void>;
}

const sameSecret = (given: string | undefined, token: string): boolean => {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

const cookieToken = (request: IncomingMessage, cookieName: string): string | undefined => {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === cookieName) return rest.join('=');
  }
  return undefined;
};

const baseHeaders = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

const send = (
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): void => {
  response.writeHead(status, { ...baseHeaders, 'content-type': type, ...extra });
  response.end(body);
};

const pageIdOf = (request: IncomingMessage): string | null =>
  originOf(request.headers[ORIGIN_HEADER]);

/** Keeps idle proxies and the browser from dropping a quiet stream. */
const HEARTBEAT_MS = 25_000;

/**
 * One page's event stream: every event the services publish, as one `data:` line of JSON each,
 * until the page goes away. EventSource reconnects by itself after `retry`.
 */
const streamEvents = (
  request: IncomingMessage,
  response: ServerResponse,
  events: Pick<EventBus, 'subscribe'>,
): void => {
  response.writeHead(200, {
    ...baseHeaders,
    'content-type': 'text/event-stream; charset=utf-8',
    connection: 'keep-alive',
  });
  response.write('retry: 1000\n\n');
  const unsubscribe = events.subscribe((message) => {
    response.write(`data: ${JSON.stringify(message)}\n\n`);
  });
  const heartbeat = setInterval(() => response.write(': still here\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  request.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
};

const TOO_LARGE = Symbol('too large');

/**
 * The body as text, or TOO_LARGE as soon as it passes the limit. Then the rest is drained (not
 * kept) rather than the socket destroyed: a reset while the client is still sending would reach
 * it before the 413 does.
 */
const readBody = (request: IncomingMessage, limit: number): Promise<string | typeof TOO_LARGE> =>
  new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number.isFinite(declared) && declared > limit;
    if (tooLarge) resolve(TOO_LARGE);
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge) {
        if (size > limit + MAX_DISCARD_BYTES) request.destroy();
        return;
      }
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        resolve(TOO_LARGE);
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

/** A path's percent-encoding decoded, or null where it is malformed (`%zz`, a cut-off `%E0%A4%A`). */
const decodePath = (encoded: string): string | null => {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
};

const refusal = (message: string): string =>
  JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message } });

/**
 * Browser mode: the built renderer and the same services as the desktop app, over HTTP on the
 * loopback interface only. A page must first present the per-run token (from the printed URL),
 * which becomes a same-site cookie; foreign Host and Origin headers are refused, which stops
 * DNS-rebinding and cross-site requests from other pages in the same browser.
 */
export const startHost = async (options: HostOptions): Promise<RunningHost> => {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let cookieName = cookieNameFor(0);
  let allowedHosts = new Set<string>();
  let origin = '';

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!allowedHosts.has(request.headers.host ?? '')) {
      return send(response, 421, 'text/plain; charset=utf-8', 'Unknown host\n');
    }
    const requestOrigin = request.headers.origin;
    if (
      requestOrigin !== undefined &&
      requestOrigin !== origin &&
      requestOrigin !== origin.replace(LOOPBACK, 'localhost')
    ) {
      return send(response, 403, 'text/plain; charset=utf-8', 'Foreign origin\n');
    }
    let url: URL;
    try {
      url = new URL(request.url ?? '/', origin);
    } catch {
      return send(response, 400, 'text/plain; charset=utf-8', 'Malformed URL\n');
    }

    // The printed URL carries the token once; it becomes an HttpOnly cookie and leaves the address bar.
    const offered = url.searchParams.get('token');
    if (request.method === 'GET' && url.pathname === '/' && offered !== null) {
      if (!sameSecret(offered, token))
        return send(response, 403, 'text/plain; charset=utf-8', 'Wrong token\n');
      response.writeHead(303, {
        ...baseHeaders,
        location: '/',
        'set-cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
      response.end();
      return;
    }
    if (!sameSecret(cookieToken(request, cookieName), token)) {
      return send(
        response,
        403,
        'text/plain; charset=utf-8',
        'This is the Newsroom editor in browser mode. Open the URL that `npm run start:web` printed: it carries this run’s token.\n',
      );
    }

    if (url.pathname === `/${EVENTS_PATH}`) {
      if (request.method !== 'GET')
        return send(response, 405, 'text/plain; charset=utf-8', 'GET only\n', { allow: 'GET' });
      if (!options.events) return send(response, 404, 'text/plain; charset=utf-8', 'No events\n');
      return streamEvents(request, response, options.events);
    }

    if (url.pathname.startsWith(`/${API_PATH}`)) {
      if (request.method !== 'POST')
        return send(response, 405, 'text/plain; charset=utf-8', 'POST only\n', { allow: 'POST' });
      if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(response, 415, 'text/plain; charset=utf-8', 'JSON only\n');
      }
      const channel = decodePath(url.pathname.slice(`/${API_PATH}`.length));
      if (channel === null) {
        return send(
          response,
          400,
          'application/json',
          refusal('The request’s address has malformed percent-encoding.'),
        );
      }
      let payload: unknown;
      try {
        const limit = bodyLimitFor(channel);
        const text = await readBody(request, limit);
        if (text === TOO_LARGE) {
          return send(
            response,
            413,
            'application/json',
            refusal(
              `This request is larger than ${limit / (1024 * 1024)} MB, the most the editor takes at once. Send fewer or smaller files at a time.`,
            ),
          );
        }
        payload = text === '' ? undefined : JSON.parse(text);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return send(response, 400, 'application/json', refusal(`Unreadable request: ${message}`));
      }
      const result = await dispatch(options.handlers, channel, payload, pageIdOf(request));
      return send(response, 200, 'application/json', JSON.stringify(result));
    }

    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'text/plain; charset=utf-8', 'Not allowed\n');
    const path = decodePath(url.pathname);
    if (path === null)
      return send(response, 400, 'text/plain; charset=utf-8', 'Malformed percent-encoding\n');
    const segments = path.split('/').filter(Boolean);
    if (segments.some((s) => s === '..' || s === '.' || s.includes('\\') || s.includes('\0'))) {
      return send(response, 404, 'text/plain; charset=utf-8', 'Not found\n');
    }
    const relative = segments.length === 0 ? 'index.html' : segments.join('/');
    try {
      const body = await readFile(join(options.rendererDir, relative));
      return send(response, 200, mediaTypeFor(relative), body);
    } catch {
      return send(response, 404, 'text/plain; charset=utf-8', 'Not found\n');
    }
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!response.headersSent)
        send(response, 500, 'text/plain; charset=utf-8', `Internal error: ${message}\n`);
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${LOOPBACK}:${port}`;
  cookieName = cookieNameFor(port);
  allowedHosts = new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    cookieName,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
