import path from 'node:path';
import type { ImportSummary } from '../../shared/export/transfer-schemas';
import { REVIEW_FILE_EXTENSION, type ReviewOpenResult } from '../../shared/review-file';

/** The review files' extension, registered with the OS in electron-builder.yml. */
export const REVIEW_EXTENSION = REVIEW_FILE_EXTENSION;

/** Files a command line asks the app to open (the OS passes them as plain arguments). */
export const reviewFilesIn = (argv: readonly string[], workingDirectory?: string): string[] =>
  argv
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(REVIEW_EXTENSION))
    .map((arg) => (workingDirectory ? path.resolve(workingDirectory, arg) : path.resolve(arg)));

/**
 * A file with the extension that is really one of the Markdown or HTML files the importer reads
 * (a renamed export) is imported as such; anything else goes to the review service.
 */
export const disguiseOf = (text: string): 'md' | 'html' | null => {
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 64)
    .toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  if (/^---\r?\n/.test(head) || /^# \S/.test(head)) return 'md';
  return null;
};

export interface ReviewFileDeps {
  /** The file's text, or an error for a file that cannot be read. */
  readText(file: string): Promise<string>;
  importFiles(files: { name: string; text: string }[]): Promise<ImportSummary>;
  /** `review:open`; a refusal is thrown as an Error carrying the service's message. */
  openReview(file: { name: string; text: string; asNew?: boolean }): Promise<ReviewOpenResult>;
  /** Asks whether to import a release this store does not have; true to import it. */
  confirmImport(name: string, headline: string): Promise<boolean>;
  showMessage(kind: 'info' | 'error', title: string, detail: string): void;
  /** Opens the release, e.g. in a window of its own. */
  openRelease(id: string): void;
}

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;

/** What came in, as the notice says it: "Rita: 2 comments, 1 suggestion". */
export const describeReceived = (result: Extract<ReviewOpenResult, { status: 'merged' }>) =>
  result.unchanged || result.received.length === 0
    ? 'Nothing new: this review had been opened before.'
    : result.received
        .map(
          (by) =>
            `${by.author}: ${plural(by.comments, 'comment')}, ${plural(by.suggestions, 'suggestion')}`,
        )
        .join('\n');

const importDisguised = async (
  name: string,
  text: string,
  kind: 'md' | 'html',
  deps: ReviewFileDeps,
) => {
  const base = name.slice(0, -REVIEW_EXTENSION.length) || 'release';
  const summary = await deps.importFiles([{ name: `${base}.${kind}`, text }]);
  const failed = summary.failed[0];
  if (failed) return deps.showMessage('error', `${name} could not be imported`, failed.error);
  for (const release of summary.imported) deps.openRelease(release.id);
};

/** Handles one `.newsroom-review` file the OS asked the app to open. Never throws. */
export const openReviewFile = async (file: string, deps: ReviewFileDeps): Promise<void> => {
  const name = path.basename(file);
  let text: string;
  try {
    text = await deps.readText(file);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return deps.showMessage('error', `${name} could not be opened`, why);
  }
  const kind = disguiseOf(text);
  try {
    if (kind) return await importDisguised(name, text, kind, deps);
    let result = await deps.openReview({ name, text });
    if (result.status === 'unknown-release') {
      if (!(await deps.confirmImport(name, result.headline))) return;
      result = await deps.openReview({ name, text, asNew: true });
    }
    deps.openRelease(result.id);
    if (result.status === 'merged')
      deps.showMessage(
        'info',
        `Review of “${result.headline || 'Untitled release'}” opened`,
        describeReceived(result),
      );
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    deps.showMessage('error', `${name} could not be ${kind ? 'imported' : 'opened'}`, why);
  }
};

/**
 * Files arrive before the store is open (macOS `open-file` at launch, the first command line):
 * they wait until `ready`, then go through `open` in order.
 */
export class PendingFiles {
  private waiting: string[] = [];
  private handler: ((file: string) => void) | null = null;

  add(files: readonly string[]): void {
    for (const file of files) {
      if (this.handler) this.handler(file);
      else this.waiting.push(file);
    }
  }

  ready(handler: (file: string) => void): void {
    this.handler = handler;
    const queued = this.waiting;
    this.waiting = [];
    for (const file of queued) handler(file);
  }
}
