import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Rectangle } from 'electron';
import { z } from 'zod';
import { DraftIdSchema } from '../../shared/schemas';
import { writeFileDurably } from '../store/durable-write';

const BoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(150).max(20_000),
});

const WindowEntrySchema = z.object({
  bounds: BoundsSchema,
  maximized: z.boolean().default(false),
  /** The release the window showed, reopened in it at the next start. */
  releaseId: DraftIdSchema.nullable().default(null),
});
export type WindowEntry = z.infer<typeof WindowEntrySchema>;

export const WindowStateSchema = z.object({
  windows: z.array(WindowEntrySchema).max(8),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const EMPTY_STATE: WindowState = { windows: [] };

/** How much of a window's top edge must lie on a screen for it to be reachable with the mouse. */
const MIN_VISIBLE = { width: 120, height: 40 };

const overlap = (a: Rectangle, b: Rectangle): { width: number; height: number } => ({
  width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
  height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
});

/**
 * Where to put a restored window: its saved place when its title bar is still on one of today's
 * screens (a monitor may have been unplugged since), shrunk to fit that screen; otherwise only
 * its size, and the system centres it.
 */
export const placeOnScreen = (
  saved: Rectangle,
  workAreas: readonly Rectangle[],
): Partial<Rectangle> => {
  const titleBar = { ...saved, height: Math.min(saved.height, MIN_VISIBLE.height) };
  const screen = workAreas.find((area) => {
    const seen = overlap(titleBar, area);
    return seen.width >= MIN_VISIBLE.width && seen.height >= Math.min(titleBar.height, 20);
  });
  if (!screen) {
    const biggest = workAreas[0];
    return biggest
      ? {
          width: Math.min(saved.width, biggest.width),
          height: Math.min(saved.height, biggest.height),
        }
      : { width: saved.width, height: saved.height };
  }
  const width = Math.min(saved.width, screen.width);
  const height = Math.min(saved.height, screen.height);
  return {
    x: Math.max(screen.x, Math.min(saved.x, screen.x + screen.width - width)),
    y: Math.max(screen.y, Math.min(saved.y, screen.y + screen.height - height)),
    width,
    height,
  };
};

/** The saved windows, or none when the file is missing or unreadable: a layout is not worth an error. */
export const readWindowState = async (file: string): Promise<WindowState> => {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : EMPTY_STATE;
  } catch {
    return EMPTY_STATE;
  }
};

export const writeWindowState = async (file: string, state: WindowState): Promise<void> => {
  await mkdir(dirname(file), { recursive: true });
  await writeFileDurably(file, `${JSON.stringify(WindowStateSchema.parse(state), null, 2)}\n`);
};

/**
 * Decides which windows the next start reopens. Closing windows one by one leaves the last one;
 * quitting with several open keeps them all. Fed by each window's `close` event.
 */
export class WindowSession {
  private quitting = false;
  private closedWhileQuitting: WindowEntry[] = [];
  private last: WindowEntry | null = null;

  beginQuit(): void {
    this.quitting = true;
  }

  /** A window is closing; `othersOpen` counts the windows that stay. */
  closed(entry: WindowEntry, othersOpen: number): void {
    if (this.quitting) this.closedWhileQuitting.push(entry);
    else if (othersOpen === 0) this.last = entry;
  }

  snapshot(): WindowState {
    if (this.closedWhileQuitting.length > 0)
      return { windows: this.closedWhileQuitting.slice(0, 8) };
    return { windows: this.last ? [this.last] : [] };
  }
}
