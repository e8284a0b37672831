import type { ImportSummary } from '../../../shared/export/transfer-schemas';
import { api } from '../../api/client';
import { mergeSummaries, planImport, type ImportOutcome } from './import-parts';

interface ReadPart {
  files: { name: string; text: string }[];
  unreadable: ImportSummary['failed'];
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** A part's text, read with the File API (the window has no disk access) only when it is due. */
const readPart = async (part: readonly File[]): Promise<ReadPart> => {
  const texts = await Promise.allSettled(part.map((file) => file.text()));
  const result: ReadPart = { files: [], unreadable: [] };
  for (const [index, file] of part.entries()) {
    const text = texts[index];
    if (text?.status === 'fulfilled') result.files.push({ name: file.name, text: text.value });
    // The file went away or changed since it was picked: it alone is left out.
    else
      result.unreadable.push({
        name: file.name,
        error: `${file.name} could not be read: ${describe(text?.reason)}`,
      });
  }
  return result;
};

/**
 * Imports dropped or picked files in parts, one request after another, so a thousand files never
 * make one request the contract or browser mode's host would refuse. Each part is read just
 * before it is sent (the next while the current one is in flight), so at most two parts' text
 * is held at once. A part that fails as a whole (a lost connection) stops the import: what came
 * in before stays, and every file not confirmed is named.
 */
export const importFiles = async (
  files: readonly File[],
  onProgress: (done: number, total: number) => void,
): Promise<ImportOutcome> => {
  const { parts, refused } = planImport(files);
  let summary: ImportSummary = { imported: [], failed: [] };
  // The bar counts the files main has answered for; those refused here are named at the end.
  let done = 0;
  onProgress(done, files.length);
  let next: Promise<ReadPart> | null = parts[0] ? readPart(parts[0]) : null;
  for (const [index, part] of parts.entries()) {
    const read = await (next ?? readPart(part));
    const following = parts[index + 1];
    next = following ? readPart(following) : null;
    try {
      const answer =
        read.files.length > 0
          ? await api['import:files']({ files: read.files })
          : { imported: [], failed: [] };
      summary = mergeSummaries(summary, {
        imported: answer.imported,
        failed: [...answer.failed, ...read.unreadable],
      });
    } catch (error) {
      return {
        ...mergeSummaries(summary, { imported: [], failed: refused }),
        stopped: {
          reason: describe(error),
          notSent: parts
            .slice(index)
            .flat()
            .map((f) => f.name),
        },
      };
    }
    done += part.length;
    onProgress(done, files.length);
  }
  return { ...mergeSummaries(summary, { imported: [], failed: refused }), stopped: null };
};
