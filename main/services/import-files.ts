import type { ImportSummary } from '../../shared/export/transfer-schemas';
import type { Taxonomies } from '../../shared/schemas';
import { parseImportOffThread, type ParseImport } from './import-off-thread';
import type { DraftService } from './types';

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * Files the window read (drag and drop, a file picker) into new drafts. Each file is parsed in
 * full before anything is written, and one that fails is reported without stopping the rest.
 * Parsing happens on a worker thread (import-off-thread.ts), so saves are answered meanwhile.
 */
export const importFiles = async (
  files: readonly { name: string; text: string }[],
  deps: {
    drafts: Pick<DraftService, 'createFrom'>;
    taxonomies: Taxonomies;
    /** Where files are parsed; the shared worker unless a test gives its own. */
    parse?: ParseImport;
  },
): Promise<ImportSummary> => {
  const summary: ImportSummary = { imported: [], failed: [] };
  const parse = deps.parse ?? parseImportOffThread;
  for (const { name, text } of files) {
    try {
      const parsed = await parse(name, text, deps.taxonomies);
      const draft = await deps.drafts.createFrom(
        {
          headline: parsed.headline,
          body: parsed.body,
          meta: parsed.meta,
          blocks: parsed.blocks,
        },
        'imported',
      );
      summary.imported.push({
        name,
        id: draft.id,
        headline: draft.headline,
        warnings: parsed.warnings,
      });
    } catch (error) {
      const why = describe(error);
      summary.failed.push({ name, error: why.includes(name) ? why : `${name}: ${why}` });
    }
  }
  return summary;
};
