import { EventEmitter } from 'node:events';
import { stubHandlers } from '../support/stub-handlers';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { channels } from '../../shared/contract';
import { isTrustedSender, registerIpc } from '../../main/desktop/ipc';
import { APP_ENTRY, CONTENT_SECURITY_POLICY, resolveAppPath } from '../../main/services/security';
import {
  createSecureWindow,
  denyAllPermissions,
  guardWebContents,
} from '../../main/desktop/window';
import type { Handlers } from '../../main/services/handlers';

// Electron's types, reached through our own functions: unit tests import nothing from electron.
type WebContents = Parameters<typeof guardWebContents>[0];
type Session = Parameters<typeof denyAllPermissions>[0];
type IpcMain = Parameters<typeof registerIpc>[0];
type IpcMainInvokeEvent = Parameters<typeof isTrustedSender>[0];
type BrowserWindowClass = Parameters<typeof createSecureWindow>[0];
type WindowOptions = ConstructorParameters<BrowserWindowClass>[0];

/** A stand-in for BrowserWindow that only remembers the options it was built with. */
const openWith = (...rest: [string, Parameters<typeof createSecureWindow>[2]?]): WindowOptions => {
  let seen: WindowOptions | undefined;
  const FakeWindow = function (this: unknown, options: WindowOptions) {
    seen = options;
  };
  createSecureWindow(FakeWindow as unknown as BrowserWindowClass, ...rest);
  if (!seen) throw new Error('no window was created');
  return seen;
};

const fakeContents = () => {
  const contents = new EventEmitter() as EventEmitter & {
    windowOpenHandler?: (details: { url: string }) => { action: string };
  };
  Object.assign(contents, {
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) =>
      (contents.windowOpenHandler = handler),
  });
  return contents;
};

describe('the desktop window', () => {
  it('isolates the page: context isolation and sandbox on, no Node, no webviews', () => {
    const prefs = openWith('/app/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
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
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('restores a saved place without letting it loosen the page’s settings', () => {
    const options = openWith('/p.cjs', { bounds: { x: 10, y: 20, width: 1000, height: 700 } });
    expect(options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, show: false });
    expect(options.webPreferences?.sandbox).toBe(true);
  });

  it('has a strict Content-Security-Policy: nothing inline, nothing from elsewhere', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('repeats the policy in the page itself, so it holds wherever the page is opened', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const withoutFrameAncestors = CONTENT_SECURITY_POLICY.split('; ')
      .filter((d) => !d.startsWith('frame-ancestors'))
      .join('; ');
    expect(meta).toBe(withoutFrameAncestors);
  });

  it('denies navigation away from the app, new windows and webviews', () => {
    const contents = fakeContents();
    guardWebContents(contents as unknown as WebContents);
    const navigate = (event: string, url: string) => {
      let prevented = false;
      contents.emit(event, { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(navigate('will-navigate', `${APP_ENTRY}#release`)).toBe(false);
    expect(navigate('will-attach-webview', APP_ENTRY)).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://osce.org/' })).toEqual({ action: 'deny' });
  });

  it('loads the app from its own protocol, not from file://', () => {
    expect(APP_ENTRY).toBe('app://newsroom/index.html');
    const index = readFileSync('main/desktop/windows.ts', 'utf8');
    expect(index).toContain('loadURL(');
    expect(index).not.toMatch(/loadFile\(|file:\/\//);
  });

  it('runs a current Electron, pinned to one exact version', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const version = pkg.devDependencies.electron ?? '';
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    // Electron supports its latest three major lines; 45 is the floor this app was checked on.
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(45);
  });

  it('denies every permission request and check', () => {
    let requestHandler:
      ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof requestHandler) => (requestHandler = h),
      setPermissionCheckHandler: (h: typeof checkHandler) => (checkHandler = h),
    };
    denyAllPermissions(session as unknown as Session);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      requestHandler?.(null, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(checkHandler?.()).toBe(false);
  });

  it('serves only files inside the renderer folder from app://', () => {
    expect(resolveAppPath('app://newsroom/index.html')).toBe('index.html');
    expect(resolveAppPath('app://newsroom/')).toBe('index.html');
    expect(resolveAppPath('app://newsroom/assets/index-abc.js')).toBe('assets/index-abc.js');
    // The URL parser folds dot segments into the folder; encoded slashes cannot smuggle them out.
    expect(resolveAppPath('app://newsroom/%2e%2e/%2e%2e/etc/passwd')).toBe('etc/passwd');
    expect(resolveAppPath('app://newsroom/assets/..%2f..%2fmain%2findex.js')).toBeNull();
    expect(resolveAppPath('app://newsroom/assets/..%5c..%5cmain.js')).toBeNull();
    expect(resolveAppPath('app://other/index.html')).toBeNull();
    expect(resolveAppPath('file:///etc/passwd')).toBeNull();
  });
});

describe('IPC', () => {
  const appFrame = { url: `${APP_ENTRY}` };
  const event = (frame: { url: string } | null, mainFrame: unknown = frame) =>
    ({ senderFrame: frame, sender: { mainFrame } }) as unknown as IpcMainInvokeEvent;

  it('trusts only the app’s own top-level frame', () => {
    expect(isTrustedSender(event(appFrame))).toBe(true);
    expect(isTrustedSender(event({ url: 'https://evil.example/' }))).toBe(false);
    expect(isTrustedSender(event({ url: APP_ENTRY }, { url: APP_ENTRY }))).toBe(false);
    expect(isTrustedSender(event(null))).toBe(false);
  });

  it('registers every contract channel, and a foreign sender reaches no service', async () => {
    const registered = new Map<string, (e: IpcMainInvokeEvent, payload: unknown) => unknown>();
    const ipcMain = {
      handle: (channel: string, fn: (e: IpcMainInvokeEvent, payload: unknown) => unknown) =>
        registered.set(channel, fn),
    };
    let called = 0;
    const handlers: Handlers = stubHandlers({
      'app:info': async () => {
        called += 1;
        return { storePath: '/s', version: '1' };
      },
    });
    registerIpc(ipcMain as unknown as IpcMain, handlers);
    expect([...registered.keys()].sort()).toEqual([...channels].sort());

    const info = registered.get('app:info');
    expect(await info?.(event({ url: 'https://evil.example/' }), {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(called).toBe(0);
    expect(await info?.(event(appFrame), { extra: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(called).toBe(0);
    expect(await info?.(event(appFrame), {})).toEqual({
      ok: true,
      value: { storePath: '/s', version: '1' },
    });
    expect(called).toBe(1);
  });
});
