import { MarkdownManager } from '@tiptap/markdown';
import { releaseExtensions } from '../extensions';

let manager: MarkdownManager | undefined;

/**
 * One manager for the whole process, built on first use: building one is slow, and each one
 * registers the ordered-list tokenizer again on marked's shared global instance.
 */
export const releaseMarkdown = (): MarkdownManager =>
  (manager ??= new MarkdownManager({ extensions: releaseExtensions() }));
