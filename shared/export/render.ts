import type { Draft, ExportFile, ExportFormat, Taxonomies } from '../schemas';
import { exportFileName } from './file-name';
import { toHtmlDocument, toHtmlFragment } from './html';
import { toMarkdown } from './markdown';
import { toNinjs } from './ninjs';
import type { HtmlSanitizer } from './sanitize';

type Render = (draft: Draft, taxonomies: Taxonomies, sanitize: HtmlSanitizer) => string;

export const FORMATS: Record<ExportFormat, { mediaType: string; label: string; render: Render }> = {
  md: { mediaType: 'text/markdown; charset=utf-8', label: 'Markdown', render: toMarkdown },
  html: { mediaType: 'text/html; charset=utf-8', label: 'HTML document', render: toHtmlDocument },
  'html-fragment': {
    mediaType: 'text/html; charset=utf-8',
    label: 'HTML fragment',
    render: toHtmlFragment,
  },
  ninjs: { mediaType: 'application/json; charset=utf-8', label: 'ninjs', render: toNinjs },
};

export const renderExport = (
  draft: Draft,
  taxonomies: Taxonomies,
  format: ExportFormat,
  sanitize: HtmlSanitizer,
  duplicate = 1,
): ExportFile => {
  const { mediaType, render } = FORMATS[format];
  return {
    fileName: exportFileName(draft, format, duplicate),
    mediaType,
    content: render(draft, taxonomies, sanitize),
  };
};
