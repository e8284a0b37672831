import type { AnyExtension } from '@tiptap/core';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { blockHolders, reviewExtensions } from './review-marks';

/** Link targets a release may carry: the web, mail, and the page itself. */
export const ALLOWED_LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

export const isAllowedHref = (href: string): boolean => {
  const trimmed = href.trim();
  if (trimmed.startsWith('#')) return true;
  try {
    const url = new URL(trimmed);
    return (ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(url.protocol.slice(0, -1));
  } catch {
    return false;
  }
};

/**
 * What a release body can hold. The editor and every exporter are built from this one list,
 * so whatever the editor can hold, the exporters can write. Marks with no Markdown equivalent
 * (underline) and code are left out: a release has no use for them and they would not survive export.
 */
export const releaseExtensions = (): AnyExtension[] => [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    code: false,
    // Each of these comes back below, allowed to carry suggestion marks on its blocks.
    document: false,
    blockquote: false,
    bulletList: false,
    orderedList: false,
    listItem: false,
    codeBlock: false,
    strike: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      protocols: ['mailto'],
      isAllowedUri: (url) => isAllowedHref(url),
      HTMLAttributes: { rel: null, target: null },
    },
  }),
  ...blockHolders(),
  // GitHub-flavoured Markdown tables hold one line of text per cell, so a cell holds one paragraph:
  // whatever the editor lets a table hold, the Markdown export can write back.
  Table.configure({ resizable: false, HTMLAttributes: { class: null } }),
  TableRow,
  TableHeader.extend({ content: 'paragraph' }),
  TableCell.extend({ content: 'paragraph' }),
  // Comments and suggested changes (shared/review.ts). Every export leaves them out: comments
  // always, open suggestions as if rejected (shared/export/without-review.ts).
  ...reviewExtensions(),
];
