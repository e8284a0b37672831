import type { BrowserWindow, Dialog } from 'electron';

/** How long the page gets to save its last edits before the user is asked what to do. */
export const UNSAVED_GRACE_MS = 4000;

export const UNSAVED_CHOICES = ['Keep Editing', 'Close Without Saving'] as const;

/**
 * Closing a window whose release has unsaved edits: the page refuses the first close
 * (`beforeunload`), saves, and closes itself. Only when that has not happened after a grace
 * period (the store is failing) is the user asked; the default answer keeps the window, and
 * with it the edits, open.
 */
export const watchUnsavedClose = (
  window: Pick<BrowserWindow, 'webContents' | 'isDestroyed' | 'destroy'>,
  dialog: Pick<Dialog, 'showMessageBox'>,
  graceMs: number = UNSAVED_GRACE_MS,
  schedule: (run: () => void, ms: number) => void = (run, ms) => void setTimeout(run, ms),
): void => {
  let asking = false;
  window.webContents.on('will-prevent-unload', () => {
    if (asking) return;
    asking = true;
    schedule(() => {
      if (window.isDestroyed()) return;
      void dialog
        .showMessageBox({
          type: 'warning',
          message: 'This release has changes that are not saved yet.',
          detail:
            'The editor keeps trying to save them. Keep the window open until it says “Saved”, or close it and lose the latest changes.',
          buttons: [...UNSAVED_CHOICES],
          defaultId: 0,
          cancelId: 0,
          noLink: true,
        })
        .then(({ response }) => {
          asking = false;
          if (response === 1 && !window.isDestroyed()) window.destroy();
        });
    }, graceMs);
  });
};
