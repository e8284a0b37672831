import { describe, expect, it } from 'vitest';
import { renderExport } from '../../shared/export/render';
import { toHtmlDocument } from '../../shared/export/html';
import { toMarkdown } from '../../shared/export/markdown';
import { createExportService } from '../../main/services/export';
import { sanitizeExportHtml } from '../../main/services/export-sanitizer';
import { releaseEveryNode, smallTaxonomies } from '../fixtures/release-fixtures';

describe('renderExport', () => {
  it('names, types and renders a Markdown file', () => {
    expect(renderExport(releaseEveryNode(), smallTaxonomies(), 'md', sanitizeExportHtml)).toEqual({
      fileName: '2022-06-15-conference-on-trafficking-leave-no-one-behind-endtrafficking.md',
      mediaType: 'text/markdown; charset=utf-8',
      content: toMarkdown(releaseEveryNode(), smallTaxonomies()),
    });
  });

  it('names, types and renders an HTML file', () => {
    expect(renderExport(releaseEveryNode(), smallTaxonomies(), 'html', sanitizeExportHtml)).toEqual(
      {
        fileName: '2022-06-15-conference-on-trafficking-leave-no-one-behind-endtrafficking.html',
        mediaType: 'text/html; charset=utf-8',
        content: toHtmlDocument(releaseEveryNode(), smallTaxonomies(), sanitizeExportHtml),
      },
    );
  });
});

describe('createExportService', () => {
  it('renders the draft it is asked for, with the current taxonomies', async () => {
    const asked: string[] = [];
    const service = createExportService({
      getDraft: async (id) => {
        asked.push(id);
        return releaseEveryNode();
      },
      getTaxonomies: smallTaxonomies,
    });
    const file = await service.render('rel-2022-06-15-vienna', 'md');
    expect(asked).toEqual(['rel-2022-06-15-vienna']);
    expect(file.content).toBe(toMarkdown(releaseEveryNode(), smallTaxonomies()));
  });

  it('passes on the error of a draft that cannot be read', async () => {
    const service = createExportService({
      getDraft: () => Promise.reject(new Error('no such draft')),
      getTaxonomies: smallTaxonomies,
    });
    await expect(service.render('missing-draft', 'html')).rejects.toThrow('no such draft');
  });
});
