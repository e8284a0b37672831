import type { ExportFormat } from '../../shared/schemas';
import { api, transport } from './client';
import { download } from './download';
import { zipExports, type BatchProgress } from './zip-exports';

export type { BatchProgress };

/**
 * Where a batch export goes: the desktop writes into a folder the officer picks (and can be told
 * to replace files of the same name); browser mode hands over one ZIP download.
 */
export const batchExportTarget: 'folder' | 'zip' = transport.kind === 'desktop' ? 'folder' : 'zip';

export type BatchOutcome =
  { status: 'cancelled' } | { status: 'done'; written: number; where: string; failed: string[] };

interface BatchOptions {
  formats: readonly ExportFormat[];
  /** Replace files of the same name in the folder (folder exports only). */
  force: boolean;
  /** Names the export in main's `export:progress` events (folder exports). */
  jobId: string;
  /** Progress of a ZIP export, which the window builds itself. */
  onProgress: (progress: BatchProgress) => void;
}

/** Exports many releases in the formats chosen, wherever this window can put files. */
export const exportReleases = async (
  ids: readonly string[],
  { formats, force, jobId, onProgress }: BatchOptions,
): Promise<BatchOutcome> => {
  if (batchExportTarget === 'folder') {
    const result = await api['export:batch']({
      selection: { ids: [...ids] },
      formats: [...formats],
      force,
      jobId,
    });
    if (result.status === 'cancelled') return result;
    return {
      status: 'done',
      written: result.written.length,
      where: result.folder,
      failed: result.failed.map((f) => f.error),
    };
  }
  const zip = await zipExports(ids, formats, onProgress);
  const name = `newsroom-export-${new Date().toISOString().slice(0, 10)}.zip`;
  download(zip.blob, name);
  return {
    status: 'done',
    written: zip.files,
    where: name,
    failed: zip.failed.map((f) => f.error),
  };
};
