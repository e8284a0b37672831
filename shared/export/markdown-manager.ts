import { MarkdownManager } from '@tiptap/markdown';
import { releaseExtensions } from '../extensions';
import { linearLexerClass, type Marked } from './markdown-inline-lexer';
import { linearTableTokenizer } from './markdown-table-tokenizer';

let manager: MarkdownManager | undefined;

type MarkdownTokens = ReturnType<Marked['lexer']>;

/**
 * The marked that @tiptap/markdown uses (its shared global instance), seen through a proxy
 * whose Lexer is ours: Tiptap makes every lexer it uses from `marked.Lexer`, so this is where
 * a linear inline pass goes in without touching the global or node_modules.
 */
const withLinearLexer = (marked: Marked): Marked => {
  const Lexer = linearLexerClass(marked);
  return new Proxy(marked, {
    get: (target, property, receiver): unknown =>
      property === 'Lexer' ? Lexer : Reflect.get(target, property, receiver),
  });
};

/**
 * One manager for the whole process, built on first use: building one is slow, and each one
 * registers the ordered-list tokenizer again on marked's shared global instance.
 *
 * Parsing costs what the file costs: the table tokenizer and the inline lexer are our own
 * linear versions of Tiptap's and marked's (see markdown-table-tokenizer.ts and
 * markdown-inline-lexer.ts), which read the rest of the document over and over.
 */
export const releaseMarkdown = (): MarkdownManager => {
  if (manager) return manager;
  const marked = withLinearLexer(new MarkdownManager().instance);
  const tableRule = (): RegExp => marked.Lexer.rules.block.gfm.table;
  const extensions = releaseExtensions().map((extension) =>
    extension.name === 'table'
      ? extension.extend({ markdownTokenizer: linearTableTokenizer(tableRule) })
      : extension,
  );
  manager = new MarkdownManager({ marked, extensions });
  return manager;
};

/** marked's tokens for a Markdown text, from the same lexer the manager parses with. */
export const lexMarkdown = (markdown: string): MarkdownTokens => {
  const { instance } = releaseMarkdown();
  return new instance.Lexer(instance.defaults).lex(markdown);
};
