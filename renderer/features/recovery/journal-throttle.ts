/**
 * Sends the open release to the store's recovery journal at most once per interval while the
 * officer keeps typing. Autosave waits for a pause; without this, a crash during a long unbroken
 * stretch of typing would lose all of it. Never overlaps a save, so a journal entry can never
 * land after (and look newer than) the save that superseded it.
 */
export class JournalThrottle {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private pending = false;
  private saving = false;
  private disposed = false;

  constructor(
    private readonly send: () => Promise<unknown>,
    private readonly intervalMs = 1000,
  ) {}

  changed(): void {
    this.pending = true;
    this.schedule();
  }

  /** A save is about to carry the current content: drop the pending entry, let one in flight land. */
  async beforeSave(): Promise<void> {
    this.saving = true;
    this.pending = false;
    await this.inFlight;
  }

  afterSave(): void {
    this.saving = false;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer !== undefined || this.disposed) return;
    this.timer = setTimeout(() => this.whenIdle(() => this.write()), this.intervalMs);
  }

  /**
   * Building the entry reads the whole body: do it in the idle time just after a frame, between
   * two keystrokes, rather than wherever the timer happens to fire (often just as a key arrives).
   */
  private whenIdle(work: () => void): void {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 500 });
    else work();
  }

  private write(): void {
    this.timer = undefined;
    if (!this.pending || this.disposed) return;
    if (this.saving) {
      this.schedule();
      return;
    }
    this.pending = false;
    // A failed journal write changes nothing: autosave reports and retries the real save.
    this.inFlight = this.send()
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        this.inFlight = undefined;
      });
  }
}
