import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JournalThrottle } from '../../renderer/features/recovery/journal-throttle';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('JournalThrottle', () => {
  it('journals at most once a second during unbroken typing', async () => {
    const send = vi.fn(() => Promise.resolve());
    const journal = new JournalThrottle(send, 1000);
    for (let ms = 0; ms < 3500; ms += 100) {
      journal.changed();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('never sends while a save is running, and drops what the save carries', async () => {
    let finish: () => void = () => undefined;
    const send = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const journal = new JournalThrottle(send, 1000);
    journal.changed();
    await vi.advanceTimersByTimeAsync(1000);
    expect(send).toHaveBeenCalledTimes(1);

    // The save waits for the journal entry in flight, so the two cannot arrive out of order.
    let saveStarted = false;
    const save = journal.beforeSave().then(() => (saveStarted = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(saveStarted).toBe(false);
    finish();
    await save;
    expect(saveStarted).toBe(true);

    journal.changed();
    await vi.advanceTimersByTimeAsync(3000);
    expect(send).toHaveBeenCalledTimes(1);
    journal.afterSave();
    await vi.advanceTimersByTimeAsync(1000);
    expect(send).toHaveBeenCalledTimes(2);
    journal.dispose();
  });
});
