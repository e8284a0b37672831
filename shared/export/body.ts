import { isAllowedHref } from '../extensions';
import type { RichNode } from '../schemas';

type Mark = NonNullable<RichNode['marks']>[number];

/**
 * Characters the URL parser would percent-encode anyway, so encoding them changes nothing a
 * browser sees — but left raw they could end a Markdown link or an HTML attribute early.
 */
const UNSAFE_IN_HREF = /[\s"<>`]/g;

const safeLinkMark = (mark: Mark): Mark | null => {
  if (mark.type !== 'link') return mark;
  const href = mark.attrs?.['href'];
  if (typeof href !== 'string' || !isAllowedHref(href)) return null;
  const encoded = href.trim().replace(UNSAFE_IN_HREF, (c) => encodeURIComponent(c));
  return { ...mark, attrs: { ...mark.attrs, href: encoded } };
};

/**
 * The editor's link extension already refuses other protocols, but a body can also arrive from
 * an import or an older file: an exporter never trusts it. A refused link keeps its text.
 */
export const withSafeLinks = (node: RichNode): RichNode => {
  const { marks, content, ...rest } = node;
  const kept = marks?.map(safeLinkMark).filter((mark): mark is Mark => mark !== null);
  return {
    ...rest,
    ...(kept?.length ? { marks: kept } : {}),
    ...(content ? { content: content.map(withSafeLinks) } : {}),
  };
};

/**
 * House style opens the first paragraph with the dateline. The dateline is not stored in the body
 * (it follows the metadata), so each export puts it in front; a body that opens with a heading
 * or a list gets a paragraph of its own for it.
 */
export const withDateline = (body: RichNode, dateline: string | null): RichNode => {
  if (!dateline) return body;
  const [first, ...rest] = body.content ?? [];
  if (first?.type !== 'paragraph') {
    return { ...body, content: [datelineParagraph(dateline), ...(first ? [first] : []), ...rest] };
  }
  const [lead, ...inline] = first.content ?? [];
  if (!lead) return { ...body, content: [datelineParagraph(dateline), ...rest] };
  const opening =
    lead.type === 'text' && !lead.marks?.length
      ? [{ ...lead, text: `${dateline} ${lead.text ?? ''}` }, ...inline]
      : [{ type: 'text', text: `${dateline} ` }, lead, ...inline];
  return { ...body, content: [{ ...first, content: opening }, ...rest] };
};

const datelineParagraph = (dateline: string): RichNode => ({
  type: 'paragraph',
  content: [{ type: 'text', text: dateline }],
});
