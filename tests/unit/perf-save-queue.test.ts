import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SaveQueue, type SaveStatus } from '../../renderer/features/editor/save-queue';

/** Autosave keeps one timer per quiet spell; these check it still saves exactly as it did. */
describe('SaveQueue timing', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const queue = (save: () => Promise<void> = () => Promise.resolve()) => {
    const statuses: SaveStatus['state'][] = [];
    const saves = vi.fn(save);
    const q = new SaveQueue({
      save: saves,
      onStatus: (status) => statuses.push(status.state),
      debounceMs: 500,
      retryMs: [1000],
    });
    return { q, saves, statuses };
  };

  it('saves once, 500 ms after the last of many keystrokes, with one timer per spell', async () => {
    const { q, saves } = queue();
    const timers = vi.spyOn(globalThis, 'setTimeout');
    for (let key = 0; key < 30; key += 1) {
      q.changed();
      await vi.advanceTimersByTimeAsync(70);
    }
    // 30 keys in 2.1 s: the timer was re-armed a few times, not once a key.
    expect(timers.mock.calls.length).toBeLessThan(10);
    expect(saves).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(429);
    expect(saves).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toHaveBeenCalledTimes(1);
    expect(q.hasUnsavedChanges).toBe(false);
  });

  it('saves again for keystrokes that came during a save', async () => {
    let finish: () => void = () => undefined;
    const { q, saves, statuses } = queue(
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    );
    q.changed();
    await vi.advanceTimersByTimeAsync(500);
    expect(saves).toHaveBeenCalledTimes(1);
    q.changed();
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(saves).toHaveBeenCalledTimes(2);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('a keystroke after a failed save saves 500 ms after it, not at the retry', async () => {
    let fail = true;
    const { q, saves, statuses } = queue(() =>
      fail ? Promise.reject(new Error('disk full')) : Promise.resolve(),
    );
    q.changed();
    await vi.advanceTimersByTimeAsync(500);
    expect(statuses).toContain('error');
    fail = false;
    await vi.advanceTimersByTimeAsync(100);
    q.changed();
    await vi.advanceTimersByTimeAsync(499);
    expect(saves).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toHaveBeenCalledTimes(2);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('retries a failed save on its own when nothing is typed', async () => {
    let fail = true;
    const { q, saves } = queue(() =>
      fail ? Promise.reject(new Error('disk full')) : Promise.resolve(),
    );
    q.changed();
    await vi.advanceTimersByTimeAsync(500);
    fail = false;
    await vi.advanceTimersByTimeAsync(999);
    expect(saves).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toHaveBeenCalledTimes(2);
    expect(q.hasUnsavedChanges).toBe(false);
  });
});
