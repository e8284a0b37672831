import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { isAppUrl } from './security';

/** The renderer gets no Node, no Electron, and a separate JavaScript world: only the preload's API. */
export const secureWindowOptions = (preloadPath: string): BrowserWindowConstructorOptions => ({
  width: 1360,
  height: 880,
  minWidth: 960,
  minHeight: 600,
  show: false,
  title: 'Newsroom',
  backgroundColor: '#f4f5f7',
  webPreferences: {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  },
});

/** Keeps a window on the app's own pages: no navigation away, no new windows, no webviews. */
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
