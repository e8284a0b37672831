import type { ImportSummary } from '../../../shared/export/transfer-schemas';
import { api } from '../../api/client';

/** What the importer reads; other dropped files are named in the summary, not sent. */
const IMPORTABLE = /\.(md|markdown|html?)$/i;
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Reads dropped or picked files with the File API (the window has no disk access) and sends
 * their text to the importer in one request. Size and encoding are checked there, per file.
 */
export const importFiles = async (files: readonly File[]): Promise<ImportSummary> => {
  // A file far over the importer's limit is not read at all: reading 50 MB only to refuse it
  // would hang the window. The importer checks the rest (size, encoding, content) per file.
  const tooBig = (file: File) => file.size > MAX_BYTES;
  const wanted = files.filter((file) => IMPORTABLE.test(file.name) && !tooBig(file));
  const skipped = files
    .filter((file) => !wanted.includes(file))
    .map((file) => ({
      name: file.name,
      error: tooBig(file)
        ? `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; a release file may be at most 5 MB.`
        : `${file.name}: only .md and .html files can be imported.`,
    }));
  if (wanted.length === 0) return { imported: [], failed: skipped };
  const payload = await Promise.all(
    wanted.map(async (file) => ({ name: file.name, text: await file.text() })),
  );
  const summary = await api['import:files']({ files: payload });
  return { imported: summary.imported, failed: [...summary.failed, ...skipped] };
};
