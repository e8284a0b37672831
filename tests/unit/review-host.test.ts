import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../main/cli/http-host';
import { stubHandlers } from '../support/stub-handlers';

const ID = '6f1c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';

describe('browser mode takes review files up to their own limit', () => {
  let host: RunningHost;
  let dir: string;
  let cookie = '';
  let received = 0;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsroom-review-host-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Newsroom</title>');
    const handlers = stubHandlers({
      'review:open': async ({ text }) => {
        received = text.length;
        return { status: 'unknown-release', id: ID, headline: 'Big' };
      },
    });
    host = await startHost({ handlers, rendererDir: dir });
    const login = await fetch(`${host.url}`, { redirect: 'manual' });
    cookie = String(login.headers.get('set-cookie')).split(';')[0] ?? '';
  });
  afterAll(async () => {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  });

  const post = (channel: string, payload: unknown) =>
    fetch(`http://127.0.0.1:${host.port}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(payload),
    });

  it('passes a 19 MB review file, whose request is larger than 16 MB, to the service', async () => {
    // Quotes and line breaks, as a review file has them: escaped, the request grows past 16 MB.
    const text = '{"a":"b"}\n'.repeat(1_900_000);
    const reply = await post('review:open', { name: 'big.newsroom-review', text });
    expect(reply.status).toBe(200);
    expect(await reply.json()).toMatchObject({ ok: true, value: { status: 'unknown-release' } });
    expect(received).toBe(text.length);
  });

  it('keeps the 16 MB limit for every other request', async () => {
    const reply = await post('import:files', {
      files: [{ name: 'a.md', text: 'x'.repeat(17_000_000) }],
    });
    expect(reply.status).toBe(413);
  });
});
