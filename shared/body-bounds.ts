/**
 * Limits on a release body, checked on the raw value before anything walks it recursively.
 *
 * zod, ProseMirror and every exporter walk a body by recursion, so a body nested a few
 * thousand levels deep overflows the stack wherever it is read ("Maximum call stack size
 * exceeded"), a store file included. These checks walk it with a loop of their own, so they
 * answer for any depth, and a body that passes them is safe to hand to the rest.
 */

/** Levels of nodes, the document itself being the first; quotes and lists nest, releases barely. */
export const MAX_BODY_DEPTH = 64;
/** Nodes in one body: a long release has a few thousand. */
export const MAX_BODY_NODES = 100_000;
/** Characters of text in one body, all nodes together: what a 5 MB import can hold. */
export const MAX_BODY_TEXT = 5 * 1024 * 1024;

export interface BodyProblem {
  /** Where in the body, as zod paths go (`content.0.content.2`), kept short. */
  path: (string | number)[];
  message: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The first limit a raw body breaks (depth, node count, total text), or null. It looks only
 * at `content` and `text`; the types of everything else are zod's and the editor's to check.
 */
export const bodyBoundsProblem = (body: unknown): BodyProblem | null => {
  if (!isRecord(body)) return null;
  const pending: { node: Record<string, unknown>; depth: number }[] = [{ node: body, depth: 1 }];
  let nodes = 0;
  let text = 0;
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { node, depth } = item;
    nodes += 1;
    if (nodes > MAX_BODY_NODES) {
      return {
        path: [],
        message: `has more than ${MAX_BODY_NODES.toLocaleString('en')} parts (paragraphs, list items, pieces of text); a release body holds far fewer`,
      };
    }
    if (typeof node['text'] === 'string') {
      text += node['text'].length;
      if (text > MAX_BODY_TEXT) {
        return {
          path: [],
          message: `holds more than ${MAX_BODY_TEXT.toLocaleString('en')} characters of text`,
        };
      }
    }
    const content = node['content'];
    if (!Array.isArray(content) || content.length === 0) continue;
    if (depth >= MAX_BODY_DEPTH) {
      return {
        path: [],
        message: `is nested more than ${MAX_BODY_DEPTH} levels deep (quotes or lists inside one another); a release body holds at most ${MAX_BODY_DEPTH}`,
      };
    }
    for (const child of content)
      if (isRecord(child)) pending.push({ node: child, depth: depth + 1 });
  }
  return null;
};

/** A lone surrogate: half of a character, which no text file or keyboard can produce. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be release text (a NUL, half a character), or null. */
export const textProblem = (text: string): string | null => {
  if (text.includes('\0')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(text)) return 'contains half of a character (a lone surrogate)';
  return null;
};
