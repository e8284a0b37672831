import fs from 'node:fs/promises';
import { exportBaseName } from '../../shared/export/file-name';
import { renderExport } from '../../shared/export/render';
import type {
  Draft,
  DraftSummary,
  ExportFormat,
  ReleaseStatus,
  Taxonomies,
} from '../../shared/schemas';
import { sanitizeExportHtml } from './export-sanitizer';
import { writeExportFile } from './export-write';

/** Which releases: named ones, all active ones, or all with a status. */
export type ReleaseSelection =
  { ids: readonly string[] } | { all: true } | { status: ReleaseStatus };

export interface BatchExportRequest {
  selection: ReleaseSelection;
  formats: readonly ExportFormat[];
  outDir: string;
  force: boolean;
}

export interface BatchProgress {
  done: number;
  total: number;
  id: string;
  headline: string;
}

export interface BatchFailure {
  id: string;
  format: ExportFormat | null;
  error: string;
}

export interface BatchResult {
  written: { id: string; format: ExportFormat; path: string }[];
  failed: BatchFailure[];
}

export interface BatchExportDeps {
  listActive(): DraftSummary[];
  getDraft(id: string): Promise<Draft>;
  getTaxonomies(): Taxonomies;
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export const selectIds = (
  summaries: readonly DraftSummary[],
  selection: ReleaseSelection,
): string[] =>
  'ids' in selection
    ? [...new Set(selection.ids)]
    : summaries
        .filter((summary) => 'all' in selection || summary.status === selection.status)
        .map((summary) => summary.id);

/**
 * Exports many releases to one folder. Each release is read, rendered and written on its own,
 * so one that fails (unreadable, name taken) is reported and the rest still go out. Two releases
 * with the same date and headline get `-2`, `-3` … rather than overwriting each other.
 */
export const exportBatch = async (
  deps: BatchExportDeps,
  request: BatchExportRequest,
  onProgress?: (progress: BatchProgress) => void,
): Promise<BatchResult> => {
  const ids = selectIds(deps.listActive(), request.selection);
  const taxonomies = deps.getTaxonomies();
  const result: BatchResult = { written: [], failed: [] };
  const taken = new Set<string>();
  await fs.mkdir(request.outDir, { recursive: true });
  for (const [index, id] of ids.entries()) {
    let draft: Draft;
    try {
      draft = await deps.getDraft(id);
    } catch (error) {
      result.failed.push({ id, format: null, error: describe(error) });
      onProgress?.({ done: index + 1, total: ids.length, id, headline: '' });
      continue;
    }
    // The first free name, checked against names given out, not a count: "Talks 2" is slug
    // `talks-2`, which a second "Talks" must not be given.
    const base = exportBaseName(draft);
    let duplicate = 1;
    while (taken.has(duplicate > 1 ? `${base}-${duplicate}` : base)) duplicate += 1;
    taken.add(duplicate > 1 ? `${base}-${duplicate}` : base);
    for (const format of request.formats) {
      try {
        const file = renderExport(draft, taxonomies, format, sanitizeExportHtml, duplicate);
        const path = await writeExportFile(
          request.outDir,
          file.fileName,
          file.content,
          request.force,
        );
        result.written.push({ id, format, path });
      } catch (error) {
        result.failed.push({ id, format, error: describe(error) });
      }
    }
    onProgress?.({ done: index + 1, total: ids.length, id, headline: draft.headline });
  }
  return result;
};
