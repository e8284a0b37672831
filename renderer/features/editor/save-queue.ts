export type SaveStatus =
  | { state: 'saved'; at: Date | null }
  | { state: 'unsaved' }
  | { state: 'saving' }
  | { state: 'error'; message: string; retryInMs: number };

interface SaveQueueOptions {
  /** Writes the current content; resolves once the store has it. */
  save: () => Promise<void>;
  onStatus: (status: SaveStatus) => void;
  /** Quiet time after the last change before saving. */
  debounceMs?: number;
  retryMs?: readonly number[];
}

/**
 * Autosave for one open release: saves once typing pauses, never runs two saves at once, saves
 * again when edits arrive during a save, and keeps retrying a failed save (the edits stay in
 * memory meanwhile) until the store takes them.
 */
export class SaveQueue {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private dirty = false;
  /** When the content last changed (performance.now(), which never jumps): autosave waits for quiet. */
  private lastChange = 0;
  /** Whether the timer set is the debounce (else a retry, or the save due after a save). */
  private timerDebounced = false;
  private failures = 0;
  private disposed = false;
  private readonly debounceMs: number;
  private readonly retryMs: readonly number[];

  constructor(private readonly options: SaveQueueOptions) {
    this.debounceMs = options.debounceMs ?? 500;
    this.retryMs = options.retryMs ?? [1000, 2000, 5000, 10_000, 30_000];
  }

  get hasUnsavedChanges(): boolean {
    return this.dirty || this.running !== undefined;
  }

  changed(): void {
    this.dirty = true;
    this.lastChange = performance.now();
    this.options.onStatus({ state: 'unsaved' });
    // One timer per quiet spell, not one per keystroke: a timer that fires too early (keys came
    // after it was set) waits out the rest of the debounce from the last change.
    // A retry or a save due at once gives way to the debounce, as any keystroke's timer did.
    if (this.timer === undefined || !this.timerDebounced) this.schedule(this.debounceMs);
  }

  /** Saves now whatever is pending and resolves when everything is in the store. */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.running || this.dirty) {
      if (this.running) {
        await this.running.catch(() => undefined);
        continue;
      }
      await this.run();
      if (this.failures > 0) throw new Error('The release could not be saved');
    }
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private schedule(delay: number, debounced = true): void {
    this.clearTimer();
    this.timerDebounced = debounced;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const quietFor = performance.now() - this.lastChange;
      if (debounced && quietFor < this.debounceMs) {
        this.schedule(this.debounceMs - quietFor);
        return;
      }
      if (!this.running) void this.run();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private run(): Promise<void> {
    this.dirty = false;
    this.options.onStatus({ state: 'saving' });
    const attempt = this.options
      .save()
      .then(() => {
        this.failures = 0;
        if (this.dirty) {
          this.options.onStatus({ state: 'unsaved' });
          if (!this.disposed) this.schedule(0, false);
        } else {
          this.options.onStatus({ state: 'saved', at: new Date() });
        }
      })
      .catch((error: unknown) => {
        this.dirty = true;
        const retryInMs = this.retryMs[Math.min(this.failures, this.retryMs.length - 1)] ?? 30_000;
        this.failures += 1;
        const message = error instanceof Error ? error.message : String(error);
        this.options.onStatus({ state: 'error', message, retryInMs });
        if (!this.disposed) this.schedule(retryInMs, false);
      })
      .finally(() => {
        this.running = undefined;
      });
    this.running = attempt;
    return attempt;
  }
}
