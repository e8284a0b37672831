import fs from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import {
  DraftSchema,
  summarize,
  TaxonomiesSchema,
  type Draft,
  type Taxonomies,
} from '../../shared/schemas';
import { parseJsonText, readStoreText } from './atomic-json-file';
import { describeError, errorCode, isTempFile } from './durable-write';
import { JournalEntrySchema } from './journal';
import { LibraryFileSchema, readLog, type IndexEntry } from './library-index';
import { QUARANTINE_MARK } from './quarantine';
import { MERGING_FILE, REVIEW_DIR, REVIEW_DOC_FILE, reviewDocProblem } from './review-doc-files';
import {
  DRAFT_FILE,
  DRAFTS_DIR,
  JOURNAL_DIR,
  LIBRARY_FILE,
  LIBRARY_LOG,
  STORE_FILE,
  STORE_SCHEMA_VERSION,
  StoreInfoSchema,
  TAXONOMIES_FILE,
} from './store-info';
import { inspectStoreLock } from './store-lock';
import { TEMPLATES_FILE, TemplateFileSchema } from './template-store';

export interface CheckFinding {
  /** A problem fails the check; a warning is worth knowing but heals itself or is harmless. */
  level: 'problem' | 'warning';
  file: string;
  message: string;
}

export interface CheckOptions {
  /** Checks a draft against rules the store does not know (terms exist, body fits the editor). */
  validateDraft?: (draft: Draft, taxonomies: Taxonomies) => string | null;
}

export interface CheckResult {
  findings: CheckFinding[];
  drafts: number;
}

/** A file's text; null when missing. A folder in its place, or no permission, is a CorruptFileError. */
const readText = (file: string): Promise<string | null> => readStoreText(file);

const listDir = async (dir: string): Promise<string[]> => {
  try {
    return (await fs.readdir(dir)).sort();
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
};

/**
 * `newsroom check`: reads every file of a store without changing any, and says what does not
 * parse, does not fit its schema, or disagrees with another file. Safe on a store in use.
 */
export const checkStore = async (
  storeDir: string,
  options: CheckOptions = {},
): Promise<CheckResult> => {
  const dir = path.resolve(storeDir);
  const findings: CheckFinding[] = [];
  const problem = (file: string, message: string) =>
    findings.push({ level: 'problem', file, message });
  const warning = (file: string, message: string) =>
    findings.push({ level: 'warning', file, message });

  /** Files that exist but could not be used, so "missing" is never said of them. */
  const unusable = new Set<string>();
  const parseFile = async <T>(name: string, schema: z.ZodType<T>): Promise<T | null> => {
    const file = path.join(dir, name);
    try {
      const text = await readText(file);
      return text === null ? null : parseJsonText(file, text, schema);
    } catch (error) {
      unusable.add(name);
      problem(name, describeError(error));
      return null;
    }
  };
  const missing = async (name: string): Promise<boolean> =>
    !unusable.has(name) && (await readText(path.join(dir, name)).catch(() => '')) === null;

  const info = await parseFile(STORE_FILE, StoreInfoSchema);
  if (!info && (await missing(STORE_FILE))) {
    problem(STORE_FILE, `no release store in ${dir} (store.json is missing)`);
    return { findings, drafts: 0 };
  }
  if (info && info.schemaVersion > STORE_SCHEMA_VERSION) {
    problem(STORE_FILE, `store format ${info.schemaVersion} is newer than this version reads`);
  } else if (info && info.schemaVersion < STORE_SCHEMA_VERSION) {
    warning(STORE_FILE, `store format ${info.schemaVersion}; it is updated on the next open`);
  }
  const taxonomies = await parseFile(TAXONOMIES_FILE, TaxonomiesSchema);
  if (!taxonomies && (await missing(TAXONOMIES_FILE))) {
    problem(TAXONOMIES_FILE, 'missing');
  }

  // An officer's own templates: none is fine, a damaged file is not.
  await parseFile(TEMPLATES_FILE, TemplateFileSchema);

  const lock = await inspectStoreLock(dir);
  // After a crash (or while the app runs) the index may lag the drafts; opening fixes it.
  const mayLag = lock !== null;
  if (lock?.stale) {
    warning('store.lock', 'the store was not closed properly; the next open checks its drafts');
  } else if (lock?.info) {
    warning('store.lock', `in use by ${lock.info.holder} (process ${lock.info.pid})`);
  }

  let index: Map<string, IndexEntry> | null = null;
  const current = info?.schemaVersion === STORE_SCHEMA_VERSION;
  if (current) {
    const library = await parseFile(LIBRARY_FILE, LibraryFileSchema);
    if (library) {
      index = new Map(Object.entries(library.drafts));
      const log = await readLog(path.join(dir, LIBRARY_LOG), library.generation).catch(
        (error: unknown) => {
          // Set aside and checked against the release files on the next open.
          warning(LIBRARY_LOG, `${describeError(error)} The next open checks the library.`);
          return { lines: [], damaged: false };
        },
      );
      if (log.damaged) {
        (mayLag ? warning : problem)(LIBRARY_LOG, 'has lines that do not parse');
      }
      for (const line of log.lines) {
        if (line.e) index.set(line.id, line.e);
        else index.delete(line.id);
      }
    } else if (await missing(LIBRARY_FILE)) {
      warning(LIBRARY_FILE, 'missing; it is rebuilt from the releases on the next open');
    }
  }

  const draftsDir = path.join(dir, DRAFTS_DIR);
  const seen = new Set<string>();
  for (const name of await listDir(draftsDir)) {
    const rel = `${DRAFTS_DIR}/${name}`;
    if (name.includes(QUARANTINE_MARK)) {
      warning(rel, 'a damaged file kept aside for rescue; the release was restored or reported');
      continue;
    }
    if (isTempFile(name)) {
      if (!lock?.info || lock.stale) warning(rel, 'left over from an interrupted write');
      continue;
    }
    const id = DRAFT_FILE.exec(name)?.[1];
    if (!id) {
      warning(rel, 'not a release file');
      continue;
    }
    const draft = await parseFile(rel, DraftSchema);
    if (!draft) continue;
    seen.add(id);
    if (draft.id !== id) {
      problem(rel, `holds release ${draft.id}, not ${id}`);
      continue;
    }
    if (taxonomies && options.validateDraft) {
      const why = options.validateDraft(draft, taxonomies);
      if (why) problem(rel, why);
    }
    if (index) {
      const entry = index.get(id);
      if (!entry) {
        (mayLag ? warning : problem)(rel, 'missing from the library index');
      } else if (!isDeepStrictEqual(entry.summary, summarize(draft))) {
        (mayLag ? warning : problem)(rel, 'its library summary is out of date');
      }
    }
  }
  for (const [id, entry] of index ?? []) {
    const damaged = entry.summary.damaged;
    if (damaged && !seen.has(id)) {
      problem(
        `${DRAFTS_DIR}/${id}.json`,
        `the release “${entry.summary.headline || 'untitled'}” is damaged (${damaged.reason}) and no good copy exists; its file is kept as ${path.relative(dir, damaged.keptAs) || damaged.keptAs}`,
      );
    } else if (!seen.has(id)) {
      (mayLag ? warning : problem)(LIBRARY_FILE, `lists release ${id}, which has no file`);
    }
  }

  for (const name of await listDir(path.join(dir, REVIEW_DIR))) {
    const rel = `${REVIEW_DIR}/${name}`;
    const id = REVIEW_DOC_FILE.exec(name)?.[1];
    if (name.includes(QUARANTINE_MARK)) {
      warning(rel, 'a damaged review history kept aside for rescue');
    } else if (isTempFile(name)) {
      if (!lock?.info || lock.stale) warning(rel, 'left over from an interrupted write');
    } else if (MERGING_FILE.test(name)) {
      warning(
        rel,
        'a review merge cut short: the next time the store opens, it is finished or undone',
      );
    } else if (!id) {
      warning(rel, 'not a review history file');
    } else {
      try {
        const text = await readText(path.join(dir, rel));
        const why = text === null ? null : reviewDocProblem(rel, text, id);
        if (why) problem(rel, `the review history does not decode: ${why}`);
        else if (!seen.has(id) && !index?.get(id)?.summary.damaged)
          problem(rel, `the review history of release ${id}, which the store does not have`);
      } catch (error) {
        problem(rel, describeError(error));
      }
    }
  }

  for (const name of await listDir(path.join(dir, JOURNAL_DIR))) {
    const rel = `${JOURNAL_DIR}/${name}`;
    if (name.includes(QUARANTINE_MARK)) {
      warning(rel, 'a damaged file kept aside for rescue');
    } else if (!isTempFile(name)) {
      const entry = await parseFile(rel, JournalEntrySchema);
      if (entry) warning(rel, 'unsaved changes that the next open recovers');
    }
  }
  for (const name of await listDir(dir)) {
    if (name.includes(QUARANTINE_MARK)) warning(name, 'a damaged file kept aside for rescue');
  }
  return { findings, drafts: seen.size };
};
