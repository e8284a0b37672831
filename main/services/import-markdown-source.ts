import type { MarkdownManager } from '@tiptap/markdown';
import { DocSchema, type RichNode } from '../../shared/schemas';
import { lexMarkdown, releaseMarkdown } from '../../shared/export/markdown-manager';

/** marked's token, named through the manager so as not to depend on marked directly. */
type Token = ReturnType<MarkdownManager['instance']['lexer']>[number];

export interface PreparedMarkdown {
  /** The Markdown with headings moved to the levels a release has (2 and 3). */
  markdown: string;
  /** The text of the first level-1 heading, if any. */
  headline: string | null;
  /** Whether that heading opened the file and was taken out of the body. */
  headlineRemoved: boolean;
  warnings: string[];
}

/** The embargo line of an export, in any of the release languages. */
const EMBARGO_LINE = /^(EMBARGOED UNTIL|ЭМБАРГО ДО|SOUS EMBARGO|SPERRFRIST)\b/u;

/** What the release body cannot hold, and which Tiptap's parser drops without a word. */
const LOST: Record<string, { one: string; many: string; note?: string }> = {
  code: { one: 'A code block was', many: 'code blocks were' },
  codespan: { one: 'A piece of inline code was', many: 'pieces of inline code were' },
  image: { one: 'An image was', many: 'images were', note: ' (descriptions are kept as text)' },
};

const lostContent = (tokens: readonly Token[]): string[] => {
  const counts = new Map<string, number>();
  const visit = (token: Token): void => {
    if (LOST[token.type]) counts.set(token.type, (counts.get(token.type) ?? 0) + 1);
    if ('tokens' in token && Array.isArray(token.tokens)) token.tokens.forEach(visit);
    if ('items' in token && Array.isArray(token.items)) token.items.forEach(visit);
  };
  tokens.forEach(visit);
  return [...counts].flatMap(([type, count]) => {
    const lost = LOST[type];
    if (!lost) return [];
    return [`${count === 1 ? lost.one : `${count} ${lost.many}`} left out${lost.note ?? ''}.`];
  });
};

const plainText = (node: RichNode): string =>
  node.type === 'text'
    ? (node.text ?? '')
    : node.type === 'hardBreak'
      ? ' '
      : (node.content ?? []).map(plainText).join('');

/** A heading's inline Markdown as plain text: `**Big** news \#1` → `Big news #1`. */
const headingText = (inline: string): string => {
  // The heading extension turns a level-1 heading into a paragraph, inline content intact.
  const doc = DocSchema.parse(releaseMarkdown().parse(`# ${inline}`));
  return plainText(doc).replace(/\s+/g, ' ').trim();
};

const isHeading = (
  token: Token,
): token is Token & { type: 'heading'; depth: number; text: string } => token.type === 'heading';

/**
 * Tiptap's heading parser turns a heading of a level the schema lacks into a paragraph, so
 * levels are fixed here, on marked's top-level tokens (whose raw texts add up to the source),
 * before Tiptap sees them: 1 → 2, 4–6 → 3. A first-level heading that opens the file is the
 * headline and leaves the body. Headings inside quotes and lists keep the parser's behaviour.
 */
export const prepareMarkdown = (source: string): PreparedMarkdown => {
  const tokens = lexMarkdown(source);
  const blocks = tokens.filter((token) => token.type !== 'space');
  const firstBlock = blocks[0];
  // Our exports print the embargo line under the headline; it comes back from the front matter.
  const afterHeadline =
    firstBlock && isHeading(firstBlock) && firstBlock.depth === 1 ? blocks[1] : firstBlock;
  const embargoLine =
    afterHeadline?.type === 'paragraph' &&
    EMBARGO_LINE.test(afterHeadline.text.replace(/[*_\\]/g, ''))
      ? afterHeadline
      : undefined;
  let headline: string | null = null;
  let headlineRemoved = false;
  const parts = tokens.map((token, index) => {
    if (token === embargoLine) return '';
    // The blank line after it goes too: two in a row would read as an empty paragraph.
    if (embargoLine && token.type === 'space' && tokens[index - 1] === embargoLine) return '';
    if (!isHeading(token) || (token.depth >= 2 && token.depth <= 3)) return token.raw;
    if (token.depth === 1 && headline === null) {
      headline = headingText(token.text);
      if (token === firstBlock) {
        headlineRemoved = true;
        return '';
      }
    }
    const level = token.depth === 1 ? 2 : 3;
    const trailingNewlines = /\n*$/.exec(token.raw)?.[0] ?? '';
    return `${'#'.repeat(level)} ${token.text}${trailingNewlines || '\n'}`;
  });
  return { markdown: parts.join(''), headline, headlineRemoved, warnings: lostContent(tokens) };
};
