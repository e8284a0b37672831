import type { ImportSummary } from '../../../shared/export/transfer-schemas';

/**
 * How much one `import:files` request may carry. The contract takes at most 200 files a
 * request and browser mode's host at most 16 MiB a body (JSON escaping can grow the text), so
 * a part stays well inside both and the window can show progress between parts.
 */
export interface PartLimits {
  maxFiles: number;
  maxBytes: number;
}
export const PART_LIMITS: PartLimits = { maxFiles: 50, maxBytes: 4 * 1024 * 1024 };

/** The importer's own limit per file (main/services/import-file.ts says the same). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** The contract's limit on a file's name. */
const MAX_NAME_LENGTH = 255;
const IMPORTABLE = /\.(md|markdown|html?)$/i;

/** Only what a File tells without being read, so planning costs nothing per byte. */
export interface FileHandle {
  name: string;
  size: number;
}

export interface ImportPlan<F extends FileHandle> {
  /** Files to send, part by part, in the order they were picked. */
  parts: F[][];
  /** Files refused here, never read: the wrong kind, or far too big to read in a window. */
  refused: ImportSummary['failed'];
}

/**
 * Cuts a list into parts of at most `maxFiles` items and `maxBytes` bytes, in order. An item
 * bigger than `maxBytes` on its own goes alone in a part, so it never holds others back.
 */
export const splitIntoParts = <T extends { size: number }>(
  items: readonly T[],
  limits: PartLimits = PART_LIMITS,
): T[][] => {
  const parts: T[][] = [];
  let part: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const full = part.length >= limits.maxFiles || bytes + item.size > limits.maxBytes;
    if (part.length > 0 && full) {
      parts.push(part);
      part = [];
      bytes = 0;
    }
    part.push(item);
    bytes += item.size;
  }
  if (part.length > 0) parts.push(part);
  return parts;
};

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Why this file is not sent at all, or null to send it. */
const refusal = (file: FileHandle): string | null => {
  if (!IMPORTABLE.test(file.name)) return `${file.name}: only .md and .html files can be imported.`;
  // Reading 50 MB only to refuse it would hang the window; main checks the rest per file.
  if (file.size > MAX_IMPORT_BYTES)
    return `${file.name} is ${megabytes(file.size)} MB; a release file may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`;
  if (file.name.length > MAX_NAME_LENGTH)
    return `${file.name.slice(0, 60)}…: the file name is longer than ${MAX_NAME_LENGTH} characters.`;
  return null;
};

/** Which files go in which part, and which are refused before anything is read. */
export const planImport = <F extends FileHandle>(
  files: readonly F[],
  limits: PartLimits = PART_LIMITS,
): ImportPlan<F> => {
  const wanted: F[] = [];
  const refused: ImportSummary['failed'] = [];
  for (const file of files) {
    const why = refusal(file);
    if (why) refused.push({ name: file.name, error: why });
    else wanted.push(file);
  }
  return { parts: splitIntoParts(wanted, limits), refused };
};

/** What came of an import in parts: every part's summary, and why it stopped early if it did. */
export interface ImportOutcome extends ImportSummary {
  /** The error that stopped the import (a lost connection) and the files it left unsent. */
  stopped: { reason: string; notSent: string[] } | null;
}

/** The outcome as one summary, the files left unsent among the failed. */
export const outcomeSummary = ({ imported, failed, stopped }: ImportOutcome): ImportSummary => ({
  imported,
  failed: [
    ...failed,
    ...(stopped?.notSent ?? []).map((name) => ({
      name,
      error: `${name} was not imported: ${stopped?.reason ?? ''}`,
    })),
  ],
});

export const mergeSummaries = (into: ImportSummary, part: ImportSummary): ImportSummary => ({
  imported: [...into.imported, ...part.imported],
  failed: [...into.failed, ...part.failed],
});

const count = new Intl.NumberFormat('en');

/** The progress bar's label, which is also its accessible name. */
export const progressLabel = (done: number, total: number): string =>
  total === 1
    ? 'Importing 1 file…'
    : `Importing ${count.format(done)} of ${count.format(total)} files…`;

/** A notice names at most this many failures and this many warnings, then counts the rest. */
const LISTED = 10;

const listed = (lines: readonly string[], more: (rest: string) => string): string[] =>
  lines.length > LISTED
    ? [...lines.slice(0, LISTED), more(count.format(lines.length - LISTED))]
    : [...lines];

/** The one notice that sums up every part: counts first, then what went wrong, then warnings. */
export const outcomeText = (outcome: ImportOutcome): string => {
  const { stopped } = outcome;
  const failed = outcome.failed.length + (stopped?.notSent.length ?? 0);
  const warnings = outcome.imported.flatMap((row) =>
    row.warnings.map((warning) => `${row.name}: ${warning}`),
  );
  const unsent = stopped?.notSent ?? [];
  return [
    `${count.format(outcome.imported.length)} imported, ${count.format(failed)} failed.`,
    ...(stopped
      ? [
          `The import stopped: ${stopped.reason}`,
          `Not imported: ${unsent.slice(0, LISTED).join(', ')}${
            unsent.length > LISTED ? ` and ${count.format(unsent.length - LISTED)} more.` : '.'
          }`,
        ]
      : []),
    ...listed(
      outcome.failed.map((row) => row.error),
      (rest) => `…and ${rest} more not imported.`,
    ),
    ...listed(warnings, (rest) => `…and ${rest} more warnings.`),
  ].join('\n');
};
