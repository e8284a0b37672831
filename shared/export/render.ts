import type { Draft, ExportFile, ExportFormat, Taxonomies } from '../schemas';
import { exportFileName } from './file-name';
import { toHtmlDocument } from './html';
import { toMarkdown } from './markdown';

const FORMATS: Record<ExportFormat, { mediaType: string; render: typeof toMarkdown }> = {
  md: { mediaType: 'text/markdown; charset=utf-8', render: toMarkdown },
  html: { mediaType: 'text/html; charset=utf-8', render: toHtmlDocument },
};

export const renderExport = (
  draft: Draft,
  taxonomies: Taxonomies,
  format: ExportFormat,
): ExportFile => {
  const { mediaType, render } = FORMATS[format];
  return { fileName: exportFileName(draft, format), mediaType, content: render(draft, taxonomies) };
};
