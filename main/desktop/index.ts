import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  session,
  shell,
} from 'electron';
import type { RendererCommand } from '../../shared/contract';
import type { Language } from '../../shared/schemas';
import { REVIEW_FILE_MAX_BYTES, ReviewOpenResultSchema } from '../../shared/review-file';
import { createEventBus } from '../services/event-bus';
import { createHandlers, dispatch } from '../services/handlers';
import { openServices } from '../services';
import { importFiles } from '../services/import-files';
import {
  preferencesPath,
  PreferencesFile,
  spellcheckLanguageFor,
  storeDirFor,
} from '../services/preferences';
import { moveStore, switchableServices } from '../services/store-move';
import { APP_SCHEME_PRIVILEGES, serveRenderer } from './app-protocol';
import { createDialogs } from './dialogs';
import { writeExportFile } from './export-file';
import { openExternalSafely } from './external-links';
import { forwardEvents, registerIpc, sendEvent } from './ipc';
import { buildMenuTemplate } from './menu';
import { holdWindows, openReviewFile, PendingFiles, reviewFilesIn } from './open-files';
import { openPreferencesOrDefaults } from './preferences-open';
import { applySpellcheckLanguage, keepDictionariesOffline } from './spelling';
import { denyAllPermissions, guardWebContents } from './window';
import { readWindowState, WindowSession, writeWindowState } from './window-state';
import { createWindows } from './windows';

// The desktop shell composes: the services on plain Node, the event bus they publish to, and
// Electron's windows, menu, dialogs and IPC around them. Each piece lives in its own file.

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
  let spellcheck = true;
  const stateFile = (): string => join(app.getPath('userData'), 'window-state.json');
  const openExternal = (url: string): void => void openExternalSafely(shell, url);
  const bus = createEventBus();

  const setSpellcheck = (enabled: boolean): void => {
    spellcheck = enabled;
    session.defaultSession.setSpellCheckerEnabled(enabled);
    installMenu();
  };
  const windows = createWindows({
    preloadPath,
    session: windowSession,
    spellcheck: () => spellcheck,
    setSpellcheck,
    openExternal,
  });

  // A menu command goes to the window it was given in (or the focused one) alone.
  const sendCommand = (command: RendererCommand, target: unknown): void => {
    const window = target instanceof BrowserWindow ? target : windows.focused();
    if (window)
      sendEvent(window.webContents, { event: 'menu:command', payload: { command }, origin: null });
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
          newWindow: () => void windows.open(),
          setSpellcheck,
        }),
      ),
    );
  };

  app.on('second-instance', (_event, commandLine, workingDirectory) => {
    reviewFiles.add(reviewFilesIn(commandLine.slice(1), workingDirectory));
    const window = windows.focused() ?? BrowserWindow.getAllWindows()[0];
    if (!window) return void windows.open();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('before-quit', () => windowSession.beginQuit());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(async () => {
      // Before any window checks spelling: Windows and Linux would fetch dictionaries online.
      keepDictionariesOffline(session.defaultSession);
      const userData = app.getPath('userData');
      const { preferences, problem } = await openPreferencesOrDefaults(
        preferencesPath(userData, process.env),
        (file) => PreferencesFile.open(file),
        (title, content) => dialog.showErrorBox(title, content),
      );
      const storeDir = storeDirFor(process.argv, process.env, userData, preferences.get());
      const open = (dir: string) =>
        openServices({ storeDir: dir, version: app.getVersion(), publish: bus.publish });
      const opened = await open(storeDir).catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        dialog.showErrorBox('The store could not be opened', `${storeDir}\n\n${message}`);
        app.exit(1);
        throw error;
      });
      const { services, swap } = switchableServices(opened);
      forwardEvents(bus, windows.allContents);

      let releaseLanguage: Language | null = null;
      const applySpelling = (): void => {
        const language = spellcheckLanguageFor(
          preferences.get().spellcheckLanguage,
          releaseLanguage,
        );
        if (language) applySpellcheckLanguage(session.defaultSession, language, process.platform);
      };
      nativeTheme.themeSource = preferences.get().theme;
      preferences.onChange((next) => {
        nativeTheme.themeSource = next.theme;
        applySpelling();
      });
      const dialogs = createDialogs({
        dialog,
        focused: windows.focused,
        documentsDir: () => app.getPath('documents'),
      });
      denyAllPermissions(session.defaultSession);
      serveRenderer(protocol, rendererDir);
      let ipc: ReturnType<typeof registerIpc> | null = null;
      // Which release each window shows (by its contents' id): a review file opened from the
      // OS shows its release in the window that has it rather than in a second one.
      const shownIn = new Map<number, string | null>();
      const handlers = createHandlers(
        services,
        {
          chooseSavePath: dialogs.chooseSavePath,
          chooseFolder: dialogs.chooseFolder,
          writeFile: writeExportFile,
          // Each window says which release it shows: the spell checker follows it, and the
          // window reopens on it at the next start.
          showing: (origin, release) => {
            const contentsId = ipc?.contentsOf(origin);
            if (contentsId !== undefined) {
              windows.setShowing(contentsId, release.id);
              shownIn.set(contentsId, release.id);
            }
            releaseLanguage = release.language ?? releaseLanguage;
            applySpelling();
          },
        },
        {
          preferences,
          choosesSpellcheckLanguage: process.platform !== 'darwin',
          moveStore: async () => {
            const target = await dialogs.chooseStoreFolder();
            if (!target) return { status: 'cancelled' };
            const result = await moveStore({
              from: services.storePath,
              to: target,
              previousPreference: preferences.get().storeDir,
              closeCurrent: () => services.close(),
              openStore: async (dir) => swap(await open(dir)),
              rememberStore: async (dir) => void (await preferences.update({ storeDir: dir })),
            });
            if (result.status === 'moved')
              bus.publish('store:changed', { storePath: result.storePath });
            return result;
          },
        },
      );
      ipc = registerIpc(ipcMain, handlers);
      installMenu();
      // A dictionary the officer fixed in Preferences applies before any release is opened.
      applySpelling();

      const saved = await readWindowState(stateFile());
      if (saved.windows.length === 0) windows.open();
      else for (const entry of saved.windows) windows.open(entry);
      if (problem) void dialog.showMessageBox({ type: 'warning', message: problem });

      reviewFiles.ready(
        (file) =>
          void openReviewFile(file, {
            readText: async (path) => {
              // Larger than a review file may be: do not read it to learn that.
              if ((await stat(path)).size > REVIEW_FILE_MAX_BYTES)
                throw new Error(
                  `The file is larger than ${REVIEW_FILE_MAX_BYTES / (1024 * 1024)} MB, the most a review file may be.`,
                );
              return readFile(path, 'utf8');
            },
            importFiles: (files) =>
              importFiles(files, {
                drafts: services.drafts,
                taxonomies: services.taxonomies.get(),
              }),
            openReview: async (request) => {
              // Through the one door, as a window's request: the same checks, the same events.
              const result = await dispatch(handlers, 'review:open', request);
              if (!result.ok) throw new Error(result.error.message);
              return ReviewOpenResultSchema.parse(result.value);
            },
            confirmImport: async (name, headline) => {
              const options = {
                type: 'question' as const,
                buttons: ['Import as New Release', 'Cancel'],
                defaultId: 0,
                cancelId: 1,
                message: `Import “${headline || 'Untitled release'}” as a new release?`,
                detail: `${name} is for a release this store does not have. Importing it keeps its comments and suggestions, so you can review it and return it to its author.`,
              };
              return (await dialog.showMessageBox(options)).response === 0;
            },
            showMessage: (kind, title, detail) =>
              void dialog.showMessageBox({
                type: kind === 'error' ? 'error' : 'info',
                message: title,
                detail,
              }),
            openRelease: (id) => {
              const showing = BrowserWindow.getAllWindows().find(
                (window) => !window.isDestroyed() && shownIn.get(window.webContents.id) === id,
              );
              if (!showing) return void windows.openOn(id);
              if (showing.isMinimized()) showing.restore();
              showing.focus();
            },
            holdWindows: () =>
              holdWindows(
                BrowserWindow.getAllWindows().map((window) => ({
                  setEnabled: (enabled) => window.setEnabled(enabled),
                  isDestroyed: () => window.isDestroyed(),
                  save: () =>
                    sendEvent(window.webContents, {
                      event: 'menu:command',
                      payload: { command: 'release:save' },
                      origin: null,
                    }),
                })),
                (listener) =>
                  bus.subscribe((message) => {
                    if (message.event === 'release:saved') listener();
                  }),
              ),
          }),
      );

      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) windows.open();
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
