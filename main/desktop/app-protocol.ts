import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Protocol } from 'electron';
import {
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  mediaTypeFor,
  resolveAppPath,
} from '../services/security';

/** Must run before the app is ready: app:// behaves like a secure https origin. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Serves the built renderer from app://newsroom/, never a file outside its folder. */
export const serveRenderer = (protocol: Protocol, rendererDir: string): void => {
  protocol.handle(APP_SCHEME, async (request) => {
    const relative = resolveAppPath(request.url);
    if (!relative) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(join(rendererDir, relative));
      return new Response(body, {
        headers: {
          'content-type': mediaTypeFor(relative),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
};
