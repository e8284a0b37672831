import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { APP_SCHEME_PRIVILEGES, serveRenderer } from './app-protocol';
import { createHandlers, type DesktopAbilities } from './handlers';
import { registerIpc } from './ipc';
import { APP_ENTRY } from './security';
import { openServices } from './services';
import { resolveStoreDir } from './store-location';
import { denyAllPermissions, guardWebContents, secureWindowOptions } from './window';

const here = dirname(fileURLToPath(import.meta.url));
const preloadPath = join(here, '../preload/preload.cjs');
const rendererDir = join(here, '../renderer');

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

// Two processes writing one store would overwrite each other's saves: one instance only.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;

  const createWindow = (): BrowserWindow => {
    const window = new BrowserWindow(secureWindowOptions(preloadPath));
    guardWebContents(window.webContents);
    window.once('ready-to-show', () => window.show());
    void window.loadURL(APP_ENTRY);
    return window;
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(async () => {
      const storeDir = resolveStoreDir(process.argv, process.env, app.getPath('userData'));
      const services = await openServices({ storeDir, version: app.getVersion() }).catch(
        (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          dialog.showErrorBox('The store could not be opened', `${storeDir}\n\n${message}`);
          app.exit(1);
          throw error;
        },
      );
      const desktop: DesktopAbilities = {
        chooseSavePath: async (defaultName, format) => {
          const options = {
            defaultPath: join(app.getPath('documents'), defaultName),
            filters: [
              format === 'md'
                ? { name: 'Markdown', extensions: ['md'] }
                : { name: 'HTML', extensions: ['html'] },
            ],
          };
          const result = mainWindow
            ? await dialog.showSaveDialog(mainWindow, options)
            : await dialog.showSaveDialog(options);
          return result.canceled || !result.filePath ? null : result.filePath;
        },
        writeFile: (path, content) => writeFile(path, content, 'utf8'),
      };
      denyAllPermissions(session.defaultSession);
      serveRenderer(protocol, rendererDir);
      registerIpc(ipcMain, createHandlers(services, desktop));
      mainWindow = createWindow();
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
      });
      app.on('will-quit', () => void services.close());
    })
    .catch((error: unknown) => {
      console.error(error);
      app.exit(1);
    });
}
