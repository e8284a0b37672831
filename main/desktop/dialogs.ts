import { join } from 'node:path';
import type { BrowserWindow as ElectronBrowserWindow, Dialog, OpenDialogOptions } from 'electron';
import type { ExportFormat } from '../../shared/schemas';

interface DialogDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  focused(): ElectronBrowserWindow | null;
  documentsDir(): string;
}

const FILTERS: Record<ExportFormat, { name: string; extensions: string[] }> = {
  md: { name: 'Markdown', extensions: ['md'] },
  html: { name: 'HTML', extensions: ['html'] },
  'html-fragment': { name: 'HTML', extensions: ['html'] },
  ninjs: { name: 'ninjs (JSON)', extensions: ['json'] },
};

/** The native dialogs the services ask for, each attached to the focused window when there is one. */
export const createDialogs = ({ dialog, focused, documentsDir }: DialogDeps) => {
  const chooseFolderWith = async (options: OpenDialogOptions): Promise<string | null> => {
    const parent = focused();
    const result = parent
      ? await dialog.showOpenDialog(parent, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  return {
    async chooseSavePath(defaultName: string, format: ExportFormat): Promise<string | null> {
      const options = {
        defaultPath: join(documentsDir(), defaultName),
        filters: [FILTERS[format]],
      };
      const parent = focused();
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    chooseFolder: () =>
      chooseFolderWith({
        title: 'Export releases to',
        properties: ['openDirectory', 'createDirectory'],
      }),
    chooseStoreFolder: () =>
      chooseFolderWith({
        title: 'Move the store to',
        buttonLabel: 'Move Store Here',
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      }),
  };
};
