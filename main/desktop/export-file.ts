import { writeFileDurably } from '../store/durable-write';

/**
 * How `export:save` writes the file the officer chose: the way the store writes its own (unique
 * temp file beside it, fsync, rename, fsync the folder). A crash, a full disk or a second export
 * to the same path leaves the previous file whole, never half a release.
 */
export const writeExportFile = async (filePath: string, content: string): Promise<void> => {
  await writeFileDurably(filePath, content);
};
