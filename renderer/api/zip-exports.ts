import { zipSync, strToU8 } from 'fflate';
import type { ExportFormat } from '../../shared/schemas';
import { api } from './client';

export interface BatchProgress {
  done: number;
  total: number;
  headline: string;
}

export interface ZipResult {
  blob: Blob;
  files: number;
  failed: { id: string; format: ExportFormat; error: string }[];
}

/**
 * Browser mode's batch export: each release rendered by the same exporters as the desktop, and
 * the files handed over as one ZIP download (a browser cannot write into a folder of its own).
 */
export const zipExports = async (
  ids: readonly string[],
  formats: readonly ExportFormat[],
  onProgress: (progress: BatchProgress) => void,
): Promise<ZipResult> => {
  const entries: Record<string, Uint8Array> = {};
  const failed: ZipResult['failed'] = [];
  for (const [index, id] of ids.entries()) {
    let headline = '';
    for (const format of formats) {
      try {
        const file = await api['export:render']({ id, format });
        headline ||= file.fileName;
        // Two releases of one date and headline: the second gets -2, like the desktop's batch.
        let name = file.fileName;
        for (let n = 2; entries[name]; n += 1)
          name = file.fileName.replace(/(\.[a-z.]+)$/, `-${n}$1`);
        entries[name] = strToU8(file.content);
      } catch (error) {
        failed.push({ id, format, error: error instanceof Error ? error.message : String(error) });
      }
    }
    onProgress({ done: index + 1, total: ids.length, headline });
  }
  const zipped = zipSync(entries, { level: 6 });
  return {
    blob: new Blob([zipped as BlobPart], { type: 'application/zip' }),
    files: Object.keys(entries).length,
    failed,
  };
};
