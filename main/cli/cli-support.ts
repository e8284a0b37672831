import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { events as eventSchemas } from '../../shared/contract';
import type { Publish } from '../services/event-bus';
import { openServices, type OpenedServices } from '../services/index';
import { explicitStoreDir, STORE_ENV } from '../store/store-location';

/** Where a command writes: the process's streams, or a test's buffers. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** The user asked for something this tool does not understand: exit code 2, like most CLIs. */
export class UsageError extends Error {}

export const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export const errorCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

/** parseArgs throws plain TypeErrors for unknown or malformed options; those are usage errors. */
export const parse = <O extends Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>>(
  args: string[],
  options: O,
  allowPositionals: boolean,
) => {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    if (errorCode(error)?.startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(describe(error), { cause: error });
    }
    throw error;
  }
};

export const requireValue = (value: string | undefined, flag: string): string => {
  if (!value) throw new UsageError(`Missing ${flag}`);
  return value;
};

/** The store folder from --store or the environment; neither is a usage error. */
export const requireStoreDir = (storeFlag: string | undefined): string => {
  const storeDir = explicitStoreDir(storeFlag);
  if (!storeDir) throw new UsageError(`No store given: pass --store DIR or set ${STORE_ENV}`);
  return storeDir;
};

/**
 * Every repair the store makes while a command runs, on stderr as it happens: a command that
 * quarantines or restores a file must never exit saying nothing. The store also keeps them, so
 * the app opened afterwards shows them once.
 */
export const printRepairs =
  (io: Pick<CliIo, 'stderr'>): Publish =>
  (event, payload) => {
    if (event !== 'store:repaired') return;
    for (const repair of eventSchemas['store:repaired'].parse(payload).events) {
      io.stderr.write(`newsroom: the store repaired something: ${repair.message}\n`);
    }
  };

/**
 * Opens the store for one command. Only `import` may create a store: listing or exporting from a
 * mistyped folder should say so, not leave an empty store behind.
 */
export const withServices = async <T>(
  storeFlag: string | undefined,
  mayCreate: boolean,
  task: (services: OpenedServices) => Promise<T>,
  /** Where repairs are told; the process's stderr unless a test captures it. */
  io: Pick<CliIo, 'stderr'> = process,
): Promise<T> => {
  const storeDir = requireStoreDir(storeFlag);
  if (!mayCreate) {
    try {
      await fs.access(path.join(storeDir, 'store.json'));
    } catch {
      throw new Error(`No release store in ${storeDir}`);
    }
  }
  const services = await openServices({
    storeDir,
    holder: 'newsroom (the command-line tool)',
    publish: printRepairs(io),
  });
  try {
    return await task(services);
  } finally {
    await services.close();
  }
};
