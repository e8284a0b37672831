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
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
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
    if (options.body !== undefined) req.write(options.body);
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
    const reply = await api({ host: `127.0.0.1:${host.port}`, cookie: 'newsroom_token=forged' });
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
});
