import type { ExportFormat } from '../../shared/schemas';
import { api, transport } from './client';

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
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mediaType }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = file.fileName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return { status: 'saved', where: file.fileName };
};
