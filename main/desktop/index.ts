import { readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  screen,
  session,
  shell,
} from 'electron';
import { COMMAND_EVENT, type RendererCommand } from '../../shared/commands';
import { APP_SCHEME_PRIVILEGES, serveRenderer } from './app-protocol';
import { attachContextMenu } from './context-menu';
import { openExternalSafely } from './external-links';
import { createHandlers, type DesktopAbilities } from '../services/handlers';
import { registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { APP_ENTRY } from '../services/security';
import { openServices } from '../services';
import { applySpellcheckLanguage, releaseLanguageOf } from './spelling';
import { createSecureWindow, denyAllPermissions, guardWebContents } from './window';
import {
  placeOnScreen,
  readWindowState,
  WindowSession,
  writeWindowState,
  type WindowEntry,
} from './window-state';
import { watchUnsavedClose } from './unsaved-close';
import { openReviewFile, PendingFiles, reviewFilesIn } from './open-files';
import {
  preferencesPath,
  PreferencesFile,
  spellcheckLanguageFor,
  storeDirFor,
} from '../services/preferences';
import { broadcastEvent, broadcastSaved, savedReleaseOf } from './release-broadcast';
import { moveStore, switchableServices } from '../services/store-move';
import { importFiles } from '../services/import-files';
import type { Language } from '../../shared/schemas';

const here = dirname(fileURLToPath(import.meta.url));
const preloadPath = join(here, '../preload/preload.cjs');
const rendererDir = join(here, '../renderer');

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

// Two processes writing one store would overwrite each other's saves: one instance only.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const windowSession = new WindowSession();
  // `.newsroom-review` files the OS asks us to open: from the first command line, from a second
  // launch, and on macOS from Finder (which may ask before the app is ready).
  const reviewFiles = new PendingFiles();
  reviewFiles.add(reviewFilesIn(process.argv.slice(1)));
  app.on('open-file', (event, file) => {
    event.preventDefault();
    reviewFiles.add(reviewFilesIn([file]));
  });
  /** The release each window shows, learnt from the services' answers to that window. */
  const openReleases = new Map<number, string>();
  let spellcheck = true;
  const stateFile = (): string => join(app.getPath('userData'), 'window-state.json');
  const openExternal = (url: string): void => void openExternalSafely(shell, url);

  const sendCommand = (command: RendererCommand, target: unknown): void => {
    const window =
      target instanceof BrowserWindow ? target : (BrowserWindow.getFocusedWindow() ?? undefined);
    window?.webContents.send(COMMAND_EVENT, command);
  };

  const installMenu = (): void => {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          platform: process.platform,
          appName: app.getName(),
          spellcheck,
          developer: !app.isPackaged,
          send: sendCommand,
          newWindow: () => void openWindow(),
          setSpellcheck,
        }),
      ),
    );
  };

  const setSpellcheck = (enabled: boolean): void => {
    spellcheck = enabled;
    session.defaultSession.setSpellCheckerEnabled(enabled);
    installMenu();
  };

  const entryFor = (window: BrowserWindow): WindowEntry => ({
    bounds: window.getNormalBounds(),
    maximized: window.isMaximized(),
    releaseId: openReleases.get(window.webContents.id) ?? null,
  });

  const openWindow = (saved?: WindowEntry): BrowserWindow => {
    const bounds = saved
      ? placeOnScreen(
          saved.bounds,
          screen.getAllDisplays().map((display) => display.workArea),
        )
      : {};
    const window = createSecureWindow(BrowserWindow, preloadPath, { bounds });
    // The page paints its own theme; until then the window should not flash the other one.
    if (nativeTheme.shouldUseDarkColors) window.setBackgroundColor('#15191f');
    const contentsId = window.webContents.id;
    attachContextMenu(
      window.webContents,
      () => ({
        spellcheck,
        replaceMisspelling: (word) => window.webContents.replaceMisspelling(word),
        addToDictionary: (word) =>
          void window.webContents.session.addWordToSpellCheckerDictionary(word),
        setSpellcheck,
        openLink: openExternal,
        copyText: (text) => clipboard.writeText(text),
      }),
      (template) => Menu.buildFromTemplate(template).popup({ window }),
    );
    watchUnsavedClose(window, dialog);
    let last = entryFor(window);
    window.on('close', () => {
      last = entryFor(window);
    });
    window.on('closed', () => {
      windowSession.closed(last, BrowserWindow.getAllWindows().length);
      openReleases.delete(contentsId);
    });
    window.once('ready-to-show', () => {
      if (saved?.maximized) window.maximize();
      window.show();
    });
    const release = saved?.releaseId;
    void window.loadURL(release ? `${APP_ENTRY}#release=${release}` : APP_ENTRY);
    return window;
  };

  app.on('second-instance', (_event, commandLine, workingDirectory) => {
    reviewFiles.add(reviewFilesIn(commandLine.slice(1), workingDirectory));
    const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    if (!window) return void openWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal));

  app.on('before-quit', () => windowSession.beginQuit());

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(async () => {
      const userData = app.getPath('userData');
      const { preferences, problem } = await PreferencesFile.open(
        preferencesPath(userData, process.env),
      );
      const storeDir = storeDirFor(process.argv, process.env, userData, preferences.get());
      const opened = await openServices({ storeDir, version: app.getVersion() }).catch(
        (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          dialog.showErrorBox('The store could not be opened', `${storeDir}\n\n${message}`);
          app.exit(1);
          throw error;
        },
      );
      const { services, swap } = switchableServices(opened);
      let releaseLanguage: Language | null = null;
      const applySpelling = (): void => {
        const language = spellcheckLanguageFor(
          preferences.get().spellcheckLanguage,
          releaseLanguage,
        );
        if (language) applySpellcheckLanguage(session.defaultSession, language, process.platform);
      };
      nativeTheme.themeSource = preferences.get().theme;
      const allContents = () => BrowserWindow.getAllWindows().map((window) => window.webContents);
      preferences.onChange((next) => {
        nativeTheme.themeSource = next.theme;
        applySpelling();
        broadcastEvent(allContents(), 'preferences:changed', {});
      });
      const chooseStoreFolder = async (): Promise<string | null> => {
        const options = {
          title: 'Move the store to',
          buttonLabel: 'Move Store Here',
          properties: ['openDirectory', 'createDirectory', 'promptToCreate'] as (
            'openDirectory' | 'createDirectory' | 'promptToCreate'
          )[],
        };
        const parent = BrowserWindow.getFocusedWindow();
        const result = parent
          ? await dialog.showOpenDialog(parent, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      };
      const desktop: DesktopAbilities = {
        chooseSavePath: async (defaultName, format) => {
          const options = {
            defaultPath: join(app.getPath('documents'), defaultName),
            filters: [
              format === 'md'
                ? { name: 'Markdown', extensions: ['md'] }
                : format === 'ninjs'
                  ? { name: 'ninjs (JSON)', extensions: ['json'] }
                  : { name: 'HTML', extensions: ['html'] },
            ],
          };
          const parent = BrowserWindow.getFocusedWindow();
          const result = parent
            ? await dialog.showSaveDialog(parent, options)
            : await dialog.showSaveDialog(options);
          return result.canceled || !result.filePath ? null : result.filePath;
        },
        chooseFolder: async () => {
          const options = {
            title: 'Export releases to',
            properties: ['openDirectory', 'createDirectory'] as (
              'openDirectory' | 'createDirectory'
            )[],
          };
          const parent = BrowserWindow.getFocusedWindow();
          const result = parent
            ? await dialog.showOpenDialog(parent, options)
            : await dialog.showOpenDialog(options);
          return result.canceled ? null : (result.filePaths[0] ?? null);
        },
        writeFile: (path, content) => writeFile(path, content, 'utf8'),
        reportBatchProgress: (progress) =>
          broadcastEvent(allContents(), 'export:progress', progress),
      };
      denyAllPermissions(session.defaultSession);
      serveRenderer(protocol, rendererDir);
      const handlers = createHandlers(services, desktop, {
        preferences,
        choosesSpellcheckLanguage: process.platform !== 'darwin',
        moveStore: async () => {
          const target = await chooseStoreFolder();
          if (!target) return { status: 'cancelled' };
          const result = await moveStore({
            from: services.storePath,
            to: target,
            previousPreference: preferences.get().storeDir,
            closeCurrent: () => services.close(),
            openStore: async (dir) =>
              swap(await openServices({ storeDir: dir, version: app.getVersion() })),
            rememberStore: async (dir) => void (await preferences.update({ storeDir: dir })),
          });
          if (result.status === 'moved')
            broadcastEvent(allContents(), 'store:changed', { storePath: result.storePath });
          return result;
        },
      });
      registerIpc(ipcMain, handlers, (channel, value, sender) => {
        // Every other window showing this release learns of the new revision.
        const saved = savedReleaseOf(channel, value);
        if (saved) {
          broadcastSaved(allContents(), sender.id, saved);
        }
        if (channel !== 'drafts:get' && channel !== 'drafts:create' && channel !== 'drafts:save')
          return;
        const id = (value as { id?: unknown }).id;
        if (typeof id === 'string') openReleases.set(sender.id, id);
        releaseLanguage = releaseLanguageOf(value) ?? releaseLanguage;
        applySpelling();
      });
      installMenu();
      // A dictionary the officer fixed in Preferences applies before any release is opened.
      applySpelling();

      const saved = await readWindowState(stateFile());
      if (saved.windows.length === 0) openWindow();
      else for (const entry of saved.windows) openWindow(entry);
      if (problem) void dialog.showMessageBox({ type: 'warning', message: problem });

      // An imported release opens in a window of its own, a step down from the current one.
      const windowOn = (releaseId: string): WindowEntry => {
        const near = BrowserWindow.getFocusedWindow()?.getNormalBounds();
        const bounds = near
          ? { ...near, x: near.x + 24, y: near.y + 24 }
          : { x: 80, y: 80, width: 1360, height: 880 };
        return { bounds, maximized: false, releaseId };
      };
      reviewFiles.ready(
        (file) =>
          void openReviewFile(file, {
            readText: async (path) => {
              // The importer refuses more than 5 MiB anyway; do not read a huge file to learn that.
              if ((await stat(path)).size > 5 * 1024 * 1024)
                throw new Error('The file is larger than 5 MB.');
              return readFile(path, 'utf8');
            },
            importFiles: (files) =>
              importFiles(files, {
                drafts: services.drafts,
                taxonomies: services.taxonomies.get(),
              }),
            showMessage: (kind, title, detail) =>
              void dialog.showMessageBox({
                type: kind === 'error' ? 'error' : 'info',
                message: title,
                detail,
              }),
            openRelease: (id) => void openWindow(windowOn(id)),
          }),
      );

      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openWindow();
      });
      // Quitting waits for the window layout and the store's lock to be written and released.
      let finished = false;
      app.on('will-quit', (event) => {
        if (finished) return;
        event.preventDefault();
        void Promise.allSettled([
          writeWindowState(stateFile(), windowSession.snapshot()),
          services.close(),
        ]).then(() => {
          finished = true;
          app.quit();
        });
      });
    })
    .catch((error: unknown) => {
      console.error(error);
      app.exit(1);
    });
}
