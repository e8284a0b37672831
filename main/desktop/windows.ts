import {
  BrowserWindow,
  clipboard,
  dialog,
  Menu,
  nativeTheme,
  screen,
  type WebContents,
} from 'electron';
import { attachContextMenu } from './context-menu';
import { sendEvent } from './ipc';
import { APP_ENTRY } from '../services/security';
import { createSecureWindow } from './window';
import type { WindowSession } from './window-state';
import { placeOnScreen, type WindowEntry } from './window-state';
import { watchUnsavedClose } from './unsaved-close';

interface WindowDeps {
  preloadPath: string;
  session: WindowSession;
  spellcheck(): boolean;
  setSpellcheck(enabled: boolean): void;
  openExternal(url: string): void;
}

/** The app's windows: opening them where they were, and which release each one shows. */
export const createWindows = (deps: WindowDeps) => {
  /** The release each window shows, as that window told us (`window:showing`). */
  const showing = new Map<number, string | null>();

  const entryFor = (window: BrowserWindow): WindowEntry => ({
    bounds: window.getNormalBounds(),
    maximized: window.isMaximized(),
    releaseId: showing.get(window.webContents.id) ?? null,
  });

  const open = (saved?: WindowEntry): BrowserWindow => {
    const bounds = saved
      ? placeOnScreen(
          saved.bounds,
          screen.getAllDisplays().map((display) => display.workArea),
        )
      : {};
    const window = createSecureWindow(BrowserWindow, deps.preloadPath, { bounds });
    // The page paints its own theme; until then the window should not flash the other one.
    if (nativeTheme.shouldUseDarkColors) window.setBackgroundColor('#15191f');
    const contentsId = window.webContents.id;
    attachContextMenu(
      window.webContents,
      () => ({
        spellcheck: deps.spellcheck(),
        replaceMisspelling: (word) => window.webContents.replaceMisspelling(word),
        addToDictionary: (word) =>
          void window.webContents.session.addWordToSpellCheckerDictionary(word),
        setSpellcheck: deps.setSpellcheck,
        openLink: deps.openExternal,
        copyText: (text) => clipboard.writeText(text),
        comment: () =>
          sendEvent(window.webContents, {
            event: 'menu:command',
            payload: { command: 'review:comment' },
            origin: null,
          }),
      }),
      (template) => Menu.buildFromTemplate(template).popup({ window }),
    );
    watchUnsavedClose(window, dialog);
    let last = entryFor(window);
    window.on('close', () => {
      last = entryFor(window);
    });
    window.on('closed', () => {
      deps.session.closed(last, BrowserWindow.getAllWindows().length);
      showing.delete(contentsId);
    });
    window.once('ready-to-show', () => {
      if (saved?.maximized) window.maximize();
      window.show();
    });
    const release = saved?.releaseId;
    void window.loadURL(release ? `${APP_ENTRY}#release=${release}` : APP_ENTRY);
    return window;
  };

  /** A window for one release, a step down from the focused one (an imported review file). */
  const openOn = (releaseId: string): BrowserWindow => {
    const near = BrowserWindow.getFocusedWindow()?.getNormalBounds();
    const bounds = near
      ? { ...near, x: near.x + 24, y: near.y + 24 }
      : { x: 80, y: 80, width: 1360, height: 880 };
    return open({ bounds, maximized: false, releaseId });
  };

  return {
    open,
    openOn,
    setShowing: (contentsId: number, releaseId: string | null) =>
      void showing.set(contentsId, releaseId),
    focused: (): BrowserWindow | null => BrowserWindow.getFocusedWindow(),
    allContents: (): WebContents[] =>
      BrowserWindow.getAllWindows().map((window) => window.webContents),
  };
};
