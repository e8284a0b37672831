import { useEffect } from 'react';

/**
 * Closing the window (or tab) while edits are not yet in the store: refuse the first close, save,
 * and close again once saved. The desktop shell asks the user only if saving keeps failing
 * (main/desktop/unsaved-close.ts); a browser shows its own "Leave site?" question. Both
 * functions are read when the window is closing, so nothing re-renders as the status changes.
 */
export const useCloseGuard = (unsaved: () => boolean, save: () => Promise<boolean>): void => {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!unsaved()) return;
      event.preventDefault();
      // Chromium still wants returnValue set to hold the page.
      event.returnValue = '';
      void save().then((saved) => {
        if (saved) window.close();
      });
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [unsaved, save]);
};
