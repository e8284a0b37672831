import type { ExportFormat } from '../../shared/schemas';
import { api, transport } from './client';
import { download } from './download';

export type ExportOutcome = { status: 'saved'; where: string } | { status: 'cancelled' };

/**
 * Puts an export where the user can take it: the desktop asks where to save it in a native
 * dialog; the browser hands it over as a download.
 */
export const deliverExport = async (id: string, format: ExportFormat): Promise<ExportOutcome> => {
  if (transport.kind === 'desktop') {
    const result = await api['export:save']({ id, format });
    return result.status === 'saved' ? { status: 'saved', where: result.path } : result;
  }
  const file = await api['export:render']({ id, format });
  download(new Blob([file.content], { type: file.mediaType }), file.fileName);
  return { status: 'saved', where: file.fileName };
};
