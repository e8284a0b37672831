import type {
  BrowserWindow as ElectronBrowserWindow,
  BrowserWindowConstructorOptions,
  Rectangle,
  Session,
  WebContents,
} from 'electron';
import { isAppUrl } from '../services/security';

type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => ElectronBrowserWindow;

export interface WindowPlacement {
  bounds: Partial<Rectangle>;
}

/**
 * Opens a window whose page gets no Node, no Electron, and a separate JavaScript world: only the
 * preload's API. The options are written out literally in the `new BrowserWindow(...)` call so
 * that electronegativity (tests/security) can read them; the class comes in as a parameter so
 * unit tests can check them with a fake.
 */
export const createSecureWindow = (
  BrowserWindow: BrowserWindowClass,
  preloadPath: string,
  placement: WindowPlacement = { bounds: {} },
): ElectronBrowserWindow =>
  new BrowserWindow({
    width: 1360,
    height: 880,
    ...placement.bounds,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Newsroom',
    backgroundColor: '#f4f5f7',
    webPreferences: {
      // Reviewed: the preload exposes one object, the contract's requests and one event feed.
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // A middle click would otherwise open a link in a new window (which we deny anyway).
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  });

/**
 * Keeps a window on the app's own pages: no navigation away, no new windows, no webviews.
 *
 * Nothing the page does itself opens a link outside the app. Neither `will-navigate` nor the
 * window-open handler says whether a person asked for the navigation (Electron passes no user
 * gesture; `disposition`, `referrer` and `features` are the page's to choose), and Chromium lets
 * script navigate without one. The editor never follows a link on click either (Tiptap's
 * `openOnClick: false`), so a navigation away or a `window.open` is only ever the page's own doing
 * — a pasted or imported release trying to reach the system's URL handlers. Links leave the app
 * only from the context menu's "Open Link in Browser": a native menu the page cannot click for
 * the user (see context-menu.ts and external-links.ts).
 */
export const guardWebContents = (contents: WebContents): void => {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
};

/** Camera, microphone, notifications, geolocation…: a press-release editor needs none. */
export const denyAllPermissions = (session: Session): void => {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
};
