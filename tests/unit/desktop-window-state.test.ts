import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  placeOnScreen,
  readWindowState,
  WindowSession,
  writeWindowState,
  type WindowEntry,
} from '../../main/desktop/window-state';
import { watchUnsavedClose } from '../../main/desktop/unsaved-close';
import { EventEmitter } from 'node:events';

type UnsavedWindow = Parameters<typeof watchUnsavedClose>[0];
type Dialog = Parameters<typeof watchUnsavedClose>[1];

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const monitor = { x: 1440, y: 0, width: 2560, height: 1440 };

const entry = (x: number, releaseId: string | null = null): WindowEntry => ({
  bounds: { x, y: 50, width: 1200, height: 800 },
  maximized: false,
  releaseId,
});

describe('window placement', () => {
  it('puts a window back where it was when that place is still on a screen', () => {
    expect(placeOnScreen({ x: 1600, y: 100, width: 1200, height: 800 }, [laptop, monitor])).toEqual(
      { x: 1600, y: 100, width: 1200, height: 800 },
    );
  });

  it('brings a window back from a monitor that is gone, keeping only its size', () => {
    expect(placeOnScreen({ x: 1600, y: 100, width: 1200, height: 800 }, [laptop])).toEqual({
      width: 1200,
      height: 800,
    });
  });

  it('shrinks a window to its screen and pulls a half-hidden one in', () => {
    expect(placeOnScreen({ x: 1000, y: -10, width: 3000, height: 2000 }, [laptop])).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 900,
    });
  });
});

describe('window state file', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('round-trips, and reads a missing or damaged file as "no windows"', async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsroom-state-'));
    const file = join(dir, 'nested', 'window-state.json');
    expect(await readWindowState(file)).toEqual({ windows: [] });
    await writeWindowState(file, { windows: [entry(10, 'abcdefgh12')] });
    expect(await readWindowState(file)).toEqual({ windows: [entry(10, 'abcdefgh12')] });
    await writeFile(file, '{"windows": [{"bounds": "nonsense"}]}');
    expect(await readWindowState(file)).toEqual({ windows: [] });
    await writeFile(file, 'not json');
    expect(await readWindowState(file)).toEqual({ windows: [] });
    expect(await readFile(file, 'utf8')).toBe('not json');
  });
});

describe('which windows come back', () => {
  it('closing windows one by one keeps the last one', () => {
    const session = new WindowSession();
    session.closed(entry(1, 'aaaaaaaaaa'), 1);
    session.closed(entry(2, 'bbbbbbbbbb'), 0);
    expect(session.snapshot()).toEqual({ windows: [entry(2, 'bbbbbbbbbb')] });
  });

  it('quitting with several windows open keeps them all, each with its release', () => {
    const session = new WindowSession();
    session.closed(entry(1), 2);
    session.beginQuit();
    session.closed(entry(2, 'bbbbbbbbbb'), 1);
    session.closed(entry(3, 'cccccccccc'), 0);
    expect(session.snapshot().windows.map((w) => w.releaseId)).toEqual([
      'bbbbbbbbbb',
      'cccccccccc',
    ]);
  });
});

describe('closing with unsaved edits', () => {
  const setup = (answer: number) => {
    const contents = new EventEmitter();
    const state = { destroyed: false, asked: 0 };
    const window = {
      webContents: contents,
      isDestroyed: () => state.destroyed,
      destroy: () => (state.destroyed = true),
    } as unknown as UnsavedWindow;
    const dialog = {
      showMessageBox: async (options: { buttons: string[]; defaultId: number }) => {
        state.asked += 1;
        expect(options.buttons[options.defaultId]).toBe('Keep Editing');
        return { response: answer, checkboxChecked: false };
      },
    } as unknown as Dialog;
    const timers: (() => void)[] = [];
    watchUnsavedClose(window, dialog, 10, (run) => timers.push(run));
    return { contents, state, timers };
  };

  it('gives the page time to save, and asks only if it could not', async () => {
    const { contents, state, timers } = setup(0);
    contents.emit('will-prevent-unload', { preventDefault: () => undefined });
    contents.emit('will-prevent-unload', { preventDefault: () => undefined });
    expect(timers).toHaveLength(1);
    timers[0]?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state.asked).toBe(1);
    expect(state.destroyed).toBe(false);
  });

  it('closes only when the user says to lose the changes', async () => {
    const { contents, state, timers } = setup(1);
    contents.emit('will-prevent-unload', {});
    timers[0]?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state.destroyed).toBe(true);
  });

  it('does not ask about a window that saved and closed itself meanwhile', async () => {
    const { contents, state, timers } = setup(1);
    contents.emit('will-prevent-unload', {});
    state.destroyed = true;
    timers[0]?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state.asked).toBe(0);
  });
});
