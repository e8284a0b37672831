import type { ImportSummary } from '../../shared/export/transfer-schemas';
import type { Taxonomies } from '../../shared/schemas';
import { parseImportFile } from './import-file';
import type { DraftService } from './types';

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * Files the window read (drag and drop, a file picker) into new drafts. Each file is parsed in
 * full before anything is written, and one that fails is reported without stopping the rest.
 */
export const importFiles = async (
  files: readonly { name: string; text: string }[],
  deps: { drafts: Pick<DraftService, 'createFrom'>; taxonomies: Taxonomies },
): Promise<ImportSummary> => {
  const summary: ImportSummary = { imported: [], failed: [] };
  for (const { name, text } of files) {
    try {
      const parsed = parseImportFile(name, text, deps.taxonomies);
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
