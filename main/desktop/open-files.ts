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
  /** Shows the release: in the window that shows it already, else in a window of its own. */
  openRelease(id: string): void;
  /**
   * Before a merge: every window saves what it holds and takes no input until the function
   * it resolves to is called, so what was typed is in the store before the file merges and
   * nothing typed meanwhile can be saved over the merge (see holdWindows).
   */
  holdWindows(): Promise<() => void>;
}

/** A window as holdWindows needs it: Electron's BrowserWindow, or a fake in tests. */
export interface HeldWindow {
  setEnabled(enabled: boolean): void;
  isDestroyed(): boolean;
  /** Asks the page to save its pending edits now (the menu's Save Now, `release:save`). */
  save(): void;
}

export interface HoldTiming {
  /** How long no save may have landed before the windows count as saved. */
  quietMs: number;
  /** The longest the merge waits for them (a failing store keeps retrying). */
  maxMs: number;
}

export const HOLD_TIMING: HoldTiming = { quietMs: 500, maxMs: 5000 };

/**
 * The windows' part of a merge started by the OS (double click, a second launch), which runs
 * in main: the contract has no event that could hand a window the file, so main does what a
 * window does before `review:open` itself. It takes the windows' input away (nothing can be
 * typed from here on), asks each page to save (`release:save`), and waits until no save has
 * landed for `quietMs` (an open release with pending edits saves at once; one with none saves
 * nothing). The merged release then reaches each clean window as a `release:saved` from
 * elsewhere, which reloads it. Should a save still arrive after the merge (a store slower than
 * `maxMs`), the window's conflict handling keeps the merged version, review included, as a
 * copy: nothing is lost either way.
 */
export const holdWindows = async (
  windows: readonly HeldWindow[],
  onSaved: (listener: () => void) => () => void,
  timing: HoldTiming = HOLD_TIMING,
): Promise<() => void> => {
  const live = windows.filter((window) => !window.isDestroyed());
  for (const window of live) window.setEnabled(false);
  await new Promise<void>((done) => {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    let stop: () => void = () => undefined;
    const finish = () => {
      clearTimeout(quiet);
      clearTimeout(limit);
      stop();
      done();
    };
    const limit = setTimeout(finish, timing.maxMs);
    const wait = () => {
      clearTimeout(quiet);
      quiet = setTimeout(finish, timing.quietMs);
    };
    stop = onSaved(wait);
    wait();
    for (const window of live) if (!window.isDestroyed()) window.save();
  });
  let released = false;
  return () => {
    if (released) return;
    released = true;
    for (const window of live) if (!window.isDestroyed()) window.setEnabled(true);
  };
};

/** `review:open` with the windows saved first and held until the merge is in. */
const openHeld = async (
  deps: ReviewFileDeps,
  file: { name: string; text: string; asNew?: boolean },
): Promise<ReviewOpenResult> => {
  const release = await deps.holdWindows();
  try {
    return await deps.openReview(file);
  } finally {
    release();
  }
};

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
    let result = await openHeld(deps, { name, text });
    if (result.status === 'unknown-release') {
      if (!(await deps.confirmImport(name, result.headline))) return;
      result = await openHeld(deps, { name, text, asNew: true });
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
