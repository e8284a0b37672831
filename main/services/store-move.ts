import fs from 'node:fs/promises';
import path from 'node:path';
import { ServiceError } from '../../shared/result';
import type { StoreMoveResult } from '../../shared/preferences-schema';
import { validateDraft } from './draft-checks';
import type { OpenedServices } from './index';
import { checkStore } from '../store/check';
import { errorCode, isTempFile, syncDirectory } from '../store/durable-write';
import { isStore } from '../store/release-store';
import { LOCK_FILE } from '../store/store-lock';

/** Files a desktop puts in any folder; a folder holding only these counts as empty. */
const DESKTOP_LITTER = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

export type TargetKind = 'empty' | 'store' | 'other';

/** What a chosen folder is: empty (or missing), a release store, or something else. */
export const inspectTarget = async (dir: string): Promise<TargetKind> => {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'empty';
    if (errorCode(error) === 'ENOTDIR') return 'other';
    throw error;
  }
  if (await isStore(dir)) return 'store';
  return names.every((name) => DESKTOP_LITTER.has(name)) ? 'empty' : 'other';
};

const isInside = (child: string, parent: string): boolean => {
  const relative = path.relative(parent, child);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
};

/**
 * Copies a closed store file by file, each flushed to disk, then every folder flushed, so the
 * copy is on disk before anything points at it. The lock and half-written temp files stay behind.
 */
export const copyStoreDurably = async (from: string, to: string): Promise<void> => {
  const folders: string[] = [];
  const walk = async (source: string, target: string): Promise<void> => {
    await fs.mkdir(target, { recursive: true });
    folders.push(target);
    for (const entry of await fs.readdir(source, { withFileTypes: true })) {
      if (entry.name === LOCK_FILE || isTempFile(entry.name)) continue;
      const src = path.join(source, entry.name);
      const dest = path.join(target, entry.name);
      if (entry.isDirectory()) await walk(src, dest);
      else if (entry.isFile()) {
        await fs.copyFile(src, dest, fs.constants.COPYFILE_EXCL);
        const handle = await fs.open(dest, 'r+');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
      }
      // A store holds no links or devices; anything else is not the store's and stays behind.
    }
  };
  await walk(from, to);
  for (const folder of folders.reverse()) await syncDirectory(folder);
  await syncDirectory(path.dirname(to));
};

/** The store's own check (`newsroom check`); problems fail it, warnings do not. */
export const verifyStore = async (dir: string): Promise<string[]> => {
  const result = await checkStore(dir, { validateDraft });
  return result.findings
    .filter((finding) => finding.level === 'problem')
    .map((finding) => `${finding.file}: ${finding.message}`);
};

export interface StoreMoveSteps {
  /** The folder the app has open now. */
  from: string;
  /** The folder the officer chose. */
  to: string;
  /** Saves pending work and releases the store (its lock), so the copy is complete. */
  closeCurrent(): Promise<void>;
  /** Opens the store in `dir` and makes it the one every window uses. */
  openStore(dir: string): Promise<void>;
  /** Records the store folder for the next start (null: the default folder). */
  rememberStore(dir: string | null): Promise<void>;
  /** The preference before the move, restored if the move fails. */
  previousPreference: string | null;
  verify?: (dir: string) => Promise<string[]>;
}

/**
 * Moves the store safely: copy to the new folder, check the copy with the store's own check,
 * then switch to it. The old folder is kept, untouched, for the officer to remove. A folder that
 * already holds a store is opened, never overwritten; any other non-empty folder is refused. On
 * any failure the app goes back to the old store and the half-made copy is removed.
 */
export const moveStore = async (steps: StoreMoveSteps): Promise<StoreMoveResult> => {
  const from = path.resolve(steps.from);
  const to = path.resolve(steps.to);
  const verify = steps.verify ?? verifyStore;
  if (to === from) throw new ServiceError('INVALID_INPUT', `The store is already in ${to}.`);
  if (isInside(to, from))
    throw new ServiceError(
      'INVALID_INPUT',
      `${to} is inside the current store; choose a folder outside it.`,
    );
  const kind = await inspectTarget(to);
  if (kind === 'other')
    throw new ServiceError(
      'INVALID_INPUT',
      `${to} is not empty and holds no release store. Choose an empty folder (the store is copied there) or an existing store (it is opened as it is).`,
    );

  const existed = await fs.stat(to).then(
    () => true,
    () => false,
  );
  let copied = false;
  await steps.closeCurrent();
  try {
    if (kind === 'empty') {
      copied = true;
      await copyStoreDurably(from, to);
    }
    const problems = await verify(to);
    if (problems.length > 0)
      throw new ServiceError(
        'CORRUPT_FILE',
        `The store in ${to} did not pass its check (${problems.slice(0, 3).join('; ')}); the store stays in ${from}.`,
      );
    await steps.rememberStore(to);
    await steps.openStore(to);
  } catch (error) {
    await steps.rememberStore(steps.previousPreference).catch(() => undefined);
    if (copied) await removeCopy(to, existed);
    await steps.openStore(from);
    throw error;
  }
  return { status: 'moved', storePath: to, previousPath: from, openedExisting: kind === 'store' };
};

/** Takes back a copy this move made: the folder itself only if the move created it. */
const removeCopy = async (dir: string, folderExisted: boolean): Promise<void> => {
  if (!folderExisted) return fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => !DESKTOP_LITTER.has(name))
      .map((name) => fs.rm(path.join(dir, name), { recursive: true, force: true })),
  ).catch(() => undefined);
};

/**
 * The services every handler uses, behind a switch: moving the store swaps what is behind it
 * while the handlers keep the same object.
 */
export const switchableServices = (
  initial: OpenedServices,
): { services: OpenedServices; swap(next: OpenedServices): void } => {
  let current = initial;
  const services: OpenedServices = {
    get storePath() {
      return current.storePath;
    },
    get publish() {
      return current.publish;
    },
    get version() {
      return current.version;
    },
    get drafts() {
      return current.drafts;
    },
    get reviewDocs() {
      return current.reviewDocs;
    },
    get review() {
      return current.review;
    },
    get taxonomies() {
      return current.taxonomies;
    },
    get exports() {
      return current.exports;
    },
    get templates() {
      return current.templates;
    },
    get workflow() {
      return current.workflow;
    },
    storeReport: () => current.storeReport(),
    close: () => current.close(),
  };
  return { services, swap: (next) => void (current = next) };
};
