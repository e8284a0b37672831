import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { ErrorCodeSchema, ServiceError } from '../../shared/result';
import {
  DocSchema,
  HeadlineSchema,
  ReleaseBlocksSchema,
  ReleaseMetaSchema,
  type Taxonomies,
} from '../../shared/schemas';
import type { ImportedRelease } from './import';
import { parseImportFile } from './import-file';

/**
 * Imports are parsed on a worker thread, so that a long one never holds up a save: the desktop
 * app and browser mode answer every request on their main thread. The worker gets a time
 * limit per file and a memory limit; a file that passes either is given up, with its name,
 * and the worker is replaced for the next one.
 */

/** Long enough for any real release (a few milliseconds) and for 5 MB of Markdown (seconds). */
export const IMPORT_TIME_LIMIT_MS = 30_000;
/** What one file may take to parse; jsdom needs about 20 KB an HTML element. */
const IMPORT_MEMORY_LIMIT_MB = 1536;
/** An idle worker is let go after this long, and its memory with it. */
const IDLE_MS = 60_000;

const ImportedReleaseSchema = z.object({
  headline: HeadlineSchema,
  body: DocSchema,
  meta: ReleaseMetaSchema,
  blocks: ReleaseBlocksSchema,
  warnings: z.array(z.string()),
});

const AnswerSchema = z.discriminatedUnion('ok', [
  z.object({ id: z.number(), ok: z.literal(true), release: z.unknown() }),
  z.object({ id: z.number(), ok: z.literal(false), code: ErrorCodeSchema, message: z.string() }),
]);

export type ParseImport = (
  name: string,
  text: string,
  taxonomies: Taxonomies,
) => Promise<ImportedRelease>;

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The worker's code. Built (electron-vite), it is `import-worker.js` beside the main bundle;
 * from the sources (browser mode, the CLI, tests), it is the `.ts` file, loaded through tsx.
 */
const startWorker = (): Worker => {
  const built = [path.join(here, 'import-worker.js'), path.join(here, '..', 'import-worker.js')];
  const found = built.find((file) => existsSync(file));
  const resourceLimits = { maxOldGenerationSizeMb: IMPORT_MEMORY_LIMIT_MB };
  if (found) return new Worker(found, { resourceLimits });
  const source = path.join(here, 'import-worker.ts');
  const boot = `import('tsx/esm/api').then((api) => api.tsImport(${JSON.stringify(
    source,
  )}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { eval: true, resourceLimits });
};

const ReadySchema = z.object({ ready: z.literal(true) });

interface Job {
  id: number;
  name: string;
  resolve(release: ImportedRelease): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * One worker, one file at a time (files queue), replaced when it has to be stopped. It keeps
 * the process alive only while it has work.
 */
export class ImportParser {
  private worker: Worker | undefined;
  /** Settles once the worker has loaded its code (or failed to). */
  private ready: Promise<void> | undefined;
  private job: Job | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private idle: NodeJS.Timeout | undefined;
  /** Set once a worker failed to start: later files are read here without trying again. */
  private warned = false;

  constructor(
    private readonly timeLimitMs = IMPORT_TIME_LIMIT_MS,
    /** How the worker is started; a test may start one that fails. */
    private readonly start: () => Worker = startWorker,
  ) {}

  /** The release in `text`, parsed on the worker; an INVALID_INPUT error names the file. */
  parse: ParseImport = (name, text, taxonomies) => {
    const run = this.queue.then(() => this.run(name, text, taxonomies));
    this.queue = run.catch(() => undefined);
    return run;
  };

  /** Stops the worker (a test's end, the app's quit); a file being read fails. */
  async close(): Promise<void> {
    this.fail(new ServiceError('INTERNAL', 'The import was stopped.'));
    await this.stop();
  }

  private async run(name: string, text: string, taxonomies: Taxonomies): Promise<ImportedRelease> {
    clearTimeout(this.idle);
    if (this.warned) return parseImportFile(name, text, taxonomies);
    const worker = this.ensureWorker();
    worker.ref();
    try {
      try {
        await this.ready;
      } catch (error) {
        // A shell that cannot start threads still imports, as it did before: on this thread.
        this.warnOnce(error);
        return parseImportFile(name, text, taxonomies);
      }
      return await this.post(worker, name, text, taxonomies);
    } finally {
      if (this.worker && !this.job) {
        this.worker.unref();
        this.idle = setTimeout(() => void this.stop(), IDLE_MS);
        this.idle.unref();
      }
    }
  }

  private warnOnce(error: unknown): void {
    if (this.warned) return;
    this.warned = true;
    const why = error instanceof Error ? error.message : String(error);
    console.warn(`Imports are read on the main thread: the import worker did not start (${why}).`);
  }

  private post(
    worker: Worker,
    name: string,
    text: string,
    taxonomies: Taxonomies,
  ): Promise<ImportedRelease> {
    const id = this.nextId++;
    return new Promise<ImportedRelease>((resolve, reject) => {
      const timer = setTimeout(() => {
        const seconds = Math.round(this.timeLimitMs / 100) / 10;
        this.fail(
          new ServiceError(
            'INVALID_INPUT',
            `${name} took longer than ${seconds} s to read, so it was left out; it may be damaged, or not a press release.`,
          ),
        );
        void this.stop();
      }, this.timeLimitMs);
      this.job = { id, name, resolve, reject, timer };
      worker.postMessage({ id, name, text, taxonomies });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.start();
    let started = (): void => undefined;
    let failed = (_error: Error): void => undefined;
    this.ready = new Promise<void>((resolve, reject) => {
      started = resolve;
      failed = reject;
    });
    // A failure before any file is read is reported by the file that waits for it.
    this.ready.catch(() => undefined);
    worker.on('message', (message: unknown) => {
      if (ReadySchema.safeParse(message).success) started();
      else this.answer(message);
    });
    worker.on('error', (error: Error) => {
      const job = this.job;
      const memory = 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      failed(new ServiceError('INTERNAL', `The import could not start: ${error.message}`));
      this.fail(
        memory && job
          ? new ServiceError(
              'INVALID_INPUT',
              `${job.name} needs more memory to read than an import may take, so it was left out.`,
            )
          : new ServiceError(
              'INTERNAL',
              `The import of ${job?.name ?? 'a file'} stopped: ${error.message}`,
            ),
      );
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
      failed(new ServiceError('INTERNAL', 'The import could not start.'));
      this.fail(
        new ServiceError('INTERNAL', `The import of ${this.job?.name ?? 'a file'} stopped.`),
      );
    });
    this.worker = worker;
    return worker;
  }

  private answer(message: unknown): void {
    const job = this.job;
    const answer = AnswerSchema.safeParse(message);
    if (!job || !answer.success || answer.data.id !== job.id) return;
    this.job = undefined;
    clearTimeout(job.timer);
    if (!answer.data.ok) {
      job.reject(new ServiceError(answer.data.code, answer.data.message));
      return;
    }
    const release = ImportedReleaseSchema.safeParse(answer.data.release);
    if (release.success) job.resolve(release.data);
    else
      job.reject(
        new ServiceError('INVALID_INPUT', `${job.name}: the text does not fit a release.`),
      );
  }

  private fail(error: Error): void {
    const job = this.job;
    if (!job) return;
    this.job = undefined;
    clearTimeout(job.timer);
    job.reject(error);
  }

  private async stop(): Promise<void> {
    clearTimeout(this.idle);
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }
}

let shared: ImportParser | undefined;

/** The process's import parser, started on first use. */
export const parseImportOffThread: ParseImport = (name, text, taxonomies) =>
  (shared ??= new ImportParser()).parse(name, text, taxonomies);
