import { request } from 'node:http';
import { stubHandlers } from '../support/stub-handlers';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../main/cli/http-host';
import { unavailable, type Handlers } from '../../main/services/handlers';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP, so the test can forge the Host and Origin headers a browser would not let it. */
const send = (
  host: RunningHost,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    /** Several parts go out chunked, with no Content-Length, as a streamed upload would. */
    body?: string | Buffer | Buffer[];
  },
): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    for (const part of Array.isArray(options.body) ? options.body : [options.body ?? ''])
      req.write(part);
    req.end();
  });

describe('browser-mode host', () => {
  let host: RunningHost;
  let dir: string;
  let calls = 0;
  let cookie = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsroom-host-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Newsroom</title>');
    await writeFile(join(tmpdir(), 'secret-outside.txt'), 'outside');
    const handlers: Handlers = stubHandlers({
      'export:save': unavailable('export:save', 'in browser mode'),
      'app:info': async () => {
        calls += 1;
        return { storePath: '/store', version: '1.0.0' };
      },
    });
    host = await startHost({ handlers, rendererDir: dir });
    const hostHeader = `127.0.0.1:${host.port}`;
    const login = await send(host, {
      path: `/?token=${host.token}`,
      headers: { host: hostHeader },
    });
    cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
  });
  afterAll(async () => {
    await host.close();
    await rm(dir, { recursive: true, force: true });
    await rm(join(tmpdir(), 'secret-outside.txt'), { force: true });
  });

  const ok = () => ({ host: `127.0.0.1:${host.port}`, cookie });
  const api = (headers: Record<string, string>, body = '{}') =>
    send(host, {
      method: 'POST',
      path: '/api/app:info',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('listens on the loopback interface only', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('trades the token in the printed URL for an HttpOnly same-site cookie', async () => {
    const reply = await send(host, {
      path: `/?token=${host.token}`,
      headers: { host: `127.0.0.1:${host.port}` },
    });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    expect(String(reply.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await send(host, { path: '/', headers: ok() });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Newsroom</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses pages and calls without the token, or with a wrong one', async () => {
    expect(
      (await send(host, { path: '/', headers: { host: `127.0.0.1:${host.port}` } })).status,
    ).toBe(403);
    expect(
      (await send(host, { path: '/?token=wrong', headers: { host: `127.0.0.1:${host.port}` } }))
        .status,
    ).toBe(403);
    const before = calls;
    const reply = await api({
      host: `127.0.0.1:${host.port}`,
      cookie: `${host.cookieName}=forged`,
    });
    expect(reply.status).toBe(403);
    expect(calls).toBe(before);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const before = calls;
    const reply = await api({ ...ok(), host: `evil.example:${host.port}` });
    expect(reply.status).toBe(421);
    expect(calls).toBe(before);
  });

  it('refuses a foreign Origin (another site in the same browser) even with the cookie', async () => {
    const before = calls;
    const reply = await api({ ...ok(), origin: 'https://evil.example' });
    expect(reply.status).toBe(403);
    expect(calls).toBe(before);
  });

  it('refuses forged requests: an opaque or look-alike origin, the token in an API URL', async () => {
    const before = calls;
    expect((await api({ ...ok(), origin: 'null' })).status).toBe(403);
    expect((await api({ ...ok(), origin: `http://127.0.0.1:${host.port + 1}` })).status).toBe(403);
    expect((await api({ ...ok(), origin: `https://127.0.0.1:${host.port}` })).status).toBe(403);
    const tokenInUrl = await send(host, {
      method: 'POST',
      path: `/api/app:info?token=${host.token}`,
      headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(tokenInUrl.status).toBe(403);
    expect(calls).toBe(before);
  });

  it('answers API calls from its own origin with the result envelope', async () => {
    const reply = await api({ ...ok(), origin: host.origin });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({
      ok: true,
      value: { storePath: '/store', version: '1.0.0' },
    });
  });

  it('answers malformed JSON and bad payloads with a clear error', async () => {
    const broken = await api(ok(), '{"oops"');
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const extra = await api(ok(), '{"unexpected":1}');
    expect(JSON.parse(extra.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = await send(host, {
      method: 'POST',
      path: '/api/drafts:destroy-everything',
      headers: { ...ok(), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(JSON.parse(unknown.body)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  });

  it('does not offer desktop-only channels', async () => {
    const reply = await send(host, {
      method: 'POST',
      path: '/api/export:save',
      headers: { ...ok(), 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'abcdefgh12', format: 'md' }),
    });
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: expect.stringContaining('browser mode') },
    });
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of [
      '/../secret-outside.txt',
      '/%2e%2e/secret-outside.txt',
      '/..%2fsecret-outside.txt',
      '/%2e%2e%5csecret-outside.txt',
    ]) {
      const reply = await send(host, { path, headers: ok() });
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('outside');
    }
  });

  it('takes only POST with JSON on the API', async () => {
    expect((await send(host, { path: '/api/app:info', headers: ok() })).status).toBe(405);
    const form = await send(host, {
      method: 'POST',
      path: '/api/app:info',
      headers: { ...ok(), 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
  });
  it('answers a request over 16 MB with a 413 and a message, not a connection reset', async () => {
    const before = calls;
    const big = Buffer.alloc(17 * 1024 * 1024, 'a');
    const declared = await send(host, {
      method: 'POST',
      path: '/api/app:info',
      headers: { ...ok(), 'content-type': 'application/json' },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('larger than 16 MB') },
    });
    // Streamed with no declared length: the limit is found while reading, the answer is the same.
    const streamed = await send(host, {
      method: 'POST',
      path: '/api/app:info',
      headers: { ...ok(), 'content-type': 'application/json' },
      body: Array.from({ length: 17 }, () => Buffer.alloc(1024 * 1024, 'a')),
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(calls).toBe(before);
    // The host still answers afterwards.
    expect((await api(ok())).status).toBe(200);
  });

  it('answers malformed percent-encoding in a URL with a 400, not a 500', async () => {
    const apiReply = await send(host, {
      method: 'POST',
      path: '/api/%E0%A4%A',
      headers: { ...ok(), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(apiReply.status).toBe(400);
    expect(JSON.parse(apiReply.body)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('percent-encoding') },
    });
    for (const path of ['/%zz', '/assets/%E0%A4%A.js', '/%']) {
      const reply = await send(host, { path, headers: ok() });
      expect(reply.status, path).toBe(400);
      expect(reply.body, path).toMatch(/percent-encoding/);
    }
  });
});

/**
 * A browser's cookie jar keys cookies by host name and path, never by port: every cookie set by
 * any host on 127.0.0.1 goes to every other. This jar does the same, so the test sees what a
 * browser with two editors open would send.
 */
class HostNameCookieJar {
  private readonly cookies = new Map<string, string>();
  take(setCookie: string | string[] | undefined): void {
    for (const line of [setCookie ?? []].flat()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

describe('two browser-mode hosts in one browser', () => {
  it('each keeps its own token cookie, so opening the second leaves the first working', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsroom-two-hosts-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Newsroom</title>');
    const handlers = stubHandlers({
      'app:info': async () => ({ storePath: '/store', version: '1.0.0' }),
    });
    const first = await startHost({ handlers, rendererDir: dir });
    const second = await startHost({ handlers, rendererDir: dir });
    try {
      const jar = new HostNameCookieJar();
      const login = async (host: RunningHost) => {
        const reply = await send(host, {
          path: `/?token=${host.token}`,
          headers: { host: `127.0.0.1:${host.port}` },
        });
        jar.take(reply.headers['set-cookie']);
      };
      const call = (host: RunningHost) =>
        send(host, {
          method: 'POST',
          path: '/api/app:info',
          headers: {
            host: `127.0.0.1:${host.port}`,
            origin: host.origin,
            cookie: jar.header(),
            'content-type': 'application/json',
          },
          body: '{}',
        });
      await login(first);
      expect((await call(first)).status).toBe(200);
      await login(second);
      expect((await call(second)).status).toBe(200);
      expect((await call(first)).status).toBe(200);
    } finally {
      await first.close();
      await second.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
