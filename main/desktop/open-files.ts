import path from 'node:path';
import type { ImportSummary } from '../../shared/export/transfer-schemas';

/** The review packages' extension, registered with the OS in electron-builder.yml. */
export const REVIEW_EXTENSION = '.newsroom-review';

/** Files a command line asks the app to open (the OS passes them as plain arguments). */
export const reviewFilesIn = (argv: readonly string[], workingDirectory?: string): string[] =>
  argv
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(REVIEW_EXTENSION))
    .map((arg) => (workingDirectory ? path.resolve(workingDirectory, arg) : path.resolve(arg)));

/**
 * Review packages are not defined yet. A file with the extension that is really one of the
 * Markdown or HTML files the importer reads (a renamed export) is imported as such.
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

export const LATER_VERSION_MESSAGE = {
  title: 'Review packages arrive in a later version',
  detail:
    'This version of Newsroom Editor cannot open review packages yet. Nothing was changed. ' +
    'To bring in a release now, use “Import files…” with its Markdown or HTML file.',
};

export interface ReviewFileDeps {
  /** The file's text, or an error for a file that cannot be read. */
  readText(file: string): Promise<string>;
  importFiles(files: { name: string; text: string }[]): Promise<ImportSummary>;
  showMessage(kind: 'info' | 'error', title: string, detail: string): void;
  /** Opens the imported release, e.g. in a window of its own. */
  openRelease(id: string): void;
}

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
  if (!kind)
    return deps.showMessage('info', LATER_VERSION_MESSAGE.title, LATER_VERSION_MESSAGE.detail);
  try {
    const base = name.slice(0, -REVIEW_EXTENSION.length) || 'release';
    const summary = await deps.importFiles([{ name: `${base}.${kind}`, text }]);
    const failed = summary.failed[0];
    if (failed) return deps.showMessage('error', `${name} could not be imported`, failed.error);
    for (const release of summary.imported) deps.openRelease(release.id);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    deps.showMessage('error', `${name} could not be imported`, why);
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
