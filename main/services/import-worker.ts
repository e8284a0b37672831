import { parentPort } from 'node:worker_threads';
import { z } from 'zod';
import { ServiceError } from '../../shared/result';
import { TaxonomiesSchema } from '../../shared/schemas';
import { parseImportFile } from './import-file';

/**
 * The import parser's thread (see import-off-thread.ts): it reads one file at a time, as the
 * main thread asks, and answers with the release or the reason it could not read it. It
 * writes nothing; the main thread checks the answer and stores it.
 */

const RequestSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  text: z.string(),
  taxonomies: TaxonomiesSchema,
});

const port = parentPort;
if (!port) throw new Error('import-worker.ts runs as a worker thread, not on its own');

// Loaded: the main thread starts each file's time limit from here, not from the loading.
port.postMessage({ ready: true });

port.on('message', (message: unknown) => {
  const request = RequestSchema.safeParse(message);
  if (!request.success) {
    port.postMessage({ id: -1, ok: false, code: 'INTERNAL', message: 'malformed import request' });
    return;
  }
  const { id, name, text, taxonomies } = request.data;
  try {
    port.postMessage({ id, ok: true, release: parseImportFile(name, text, taxonomies) });
  } catch (error) {
    port.postMessage({
      id,
      ok: false,
      code: error instanceof ServiceError ? error.code : 'INTERNAL',
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
