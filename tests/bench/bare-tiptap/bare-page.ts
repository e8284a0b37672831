/**
 * Builds the bare Tiptap page (index.html + main.ts here) with vite into a temp folder and
 * serves it, with the document to hold as doc.json, from a tiny node:http server on 127.0.0.1.
 */
import { readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { RichNode } from '../../../shared/schemas';
import { makeTempDir } from '../browser-support';

const here = path.dirname(fileURLToPath(import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

export interface BarePage {
  url: string;
  close(): Promise<void>;
}

export const serveBarePage = async (doc: RichNode): Promise<BarePage> => {
  const outDir = await makeTempDir('bare-tiptap');
  await build({
    configFile: false,
    root: here,
    base: './',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, minify: true },
  });
  const docJson = JSON.stringify(doc);
  const server = createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (name === '/doc.json') {
      response.writeHead(200, { 'content-type': TYPES['.json'] }).end(docJson);
      return;
    }
    const file = path.join(outDir, name === '/' ? 'index.html' : name);
    if (!file.startsWith(outDir + path.sep)) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) =>
        response
          .writeHead(200, {
            'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          })
          .end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(outDir, { recursive: true, force: true });
    },
  };
};
