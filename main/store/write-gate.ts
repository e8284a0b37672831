import { ServiceError } from '../../shared/result';
import { ioReason, isFullDisk } from './save-errors';

/**
 * Whether the store may be written. A store that opens on a full disk (after a crash, say)
 * opens read-only instead of not at all: every release can still be read and exported, and
 * each attempt to save says why it cannot, in words.
 */
export class WriteGate {
  private why: string | null = null;

  /** Why the store is read-only, or null when it may be written. */
  get readOnly(): string | null {
    return this.why;
  }

  /**
   * A write failed while the store opened: on a full disk the store carries on read-only
   * (answers true, and the caller makes do with what it has in memory); otherwise false, and
   * the caller throws.
   */
  refuse(error: unknown, doing: string): boolean {
    if (!isFullDisk(error)) return false;
    this.why ??= `${ioReason(error)} while ${doing}`;
    return true;
  }

  /** Throws, in words, when nothing may be written. */
  assertWritable(what: string): void {
    if (this.why === null) return;
    throw new ServiceError(
      'IO_ERROR',
      `Could not save ${what}: the store is open read-only, because ${this.why}. ` +
        'Every release can still be read and exported. Free some space on the disk and open the store again to save.',
    );
  }
}
