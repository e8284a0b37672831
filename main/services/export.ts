import type { Draft, Taxonomies } from '../../shared/schemas';
import { renderExport } from '../../shared/export/render';
import { sanitizeExportHtml } from './export-sanitizer';
import type { ExportService } from './types';

export interface ExportServiceDeps {
  getDraft(id: string): Promise<Draft>;
  getTaxonomies(): Taxonomies;
}

/** Renders in memory; writing the file is the caller's business (a save dialog, the CLI). */
export const createExportService = (deps: ExportServiceDeps): ExportService => ({
  async render(id, format) {
    const draft = await deps.getDraft(id);
    return renderExport(draft, deps.getTaxonomies(), format, sanitizeExportHtml);
  },
});
