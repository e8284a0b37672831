import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { channels } from '../../shared/contract';
import { isTrustedSender, registerIpc } from '../../main/ipc';
import { APP_ENTRY, CONTENT_SECURITY_POLICY, resolveAppPath } from '../../main/security';
import { denyAllPermissions, guardWebContents, secureWindowOptions } from '../../main/window';
import type { Handlers } from '../../main/handlers';

// Electron's types, reached through our own functions: unit tests import nothing from electron.
type WebContents = Parameters<typeof guardWebContents>[0];
type Session = Parameters<typeof denyAllPermissions>[0];
type IpcMain = Parameters<typeof registerIpc>[0];
type IpcMainInvokeEvent = Parameters<typeof isTrustedSender>[0];

describe('the desktop window', () => {
  it('isolates the page: context isolation and sandbox on, no Node, no webviews', () => {
    const prefs = secureWindowOptions('/app/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('has a strict Content-Security-Policy: nothing inline, nothing from elsewhere', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('denies navigation away from the app, new windows and webviews', () => {
    const contents = new EventEmitter() as EventEmitter & {
      windowOpenHandler?: () => { action: string };
    };
    Object.assign(contents, {
      setWindowOpenHandler: (handler: () => { action: string }) =>
        (contents.windowOpenHandler = handler),
    });
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
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' });
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
    const handlers: Handlers = {
      'app:info': async () => {
        called += 1;
        return { storePath: '/s', version: '1' };
      },
    };
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
