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
      // Reviewed: the preload exposes the contract's functions and two narrow subscriptions.
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
 * Keeps a window on the app's own pages: no navigation away, no new windows, no webviews. A link
 * the user follows is handed to `openExternal`, which decides whether it may leave the app.
 */
export const guardWebContents = (
  contents: WebContents,
  openExternal: (url: string) => void = () => undefined,
): void => {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
};

/** Camera, microphone, notifications, geolocation…: a press-release editor needs none. */
export const denyAllPermissions = (session: Session): void => {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
};
