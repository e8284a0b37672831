import { useEffect, useRef } from 'react';

/**
 * Closing the window (or tab) while edits are not yet in the store: refuse the first close, save,
 * and close again once saved. The desktop shell asks the user only if saving keeps failing
 * (main/unsaved-close.ts); a browser shows its own "Leave site?" question.
 */
export const useCloseGuard = (unsaved: boolean, save: () => Promise<boolean>): void => {
  const latest = useRef({ unsaved, save });
  useEffect(() => {
    latest.current = { unsaved, save };
  });
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!latest.current.unsaved) return;
      event.preventDefault();
      // Chromium still wants returnValue set to hold the page.
      event.returnValue = '';
      void latest.current.save().then((saved) => {
        if (saved) window.close();
      });
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
};
