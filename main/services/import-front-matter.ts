import { parse, YAMLParseError } from 'yaml';
import { ServiceError } from '../../shared/result';

export interface SplitSource {
  /** The parsed YAML mapping, or null when the file has no front matter. */
  frontMatter: Record<string, unknown> | null;
  markdown: string;
}

const FENCE = /^---[ \t]*$/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** `Nested mappings are not allowed … at line 1, column 4:` without its position and excerpt. */
const yamlProblem = (error: YAMLParseError): string =>
  (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');

/** Splits `---` YAML `---` off the head of the text (already free of BOM and CR). */
export const splitFrontMatter = (text: string, sourceName: string): SplitSource => {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return { frontMatter: null, markdown: text };
  const end = lines.findIndex((line, index) => index > 0 && CLOSING_FENCE.test(line));
  if (end < 0) {
    throw new ServiceError(
      'INVALID_INPUT',
      `${sourceName}: the front matter that opens on line 1 is never closed with "---".`,
    );
  }
  let data: unknown;
  try {
    // Timestamps on, so an unquoted `date: 2022-06-15` arrives as a date like a quoted one.
    data = parse(lines.slice(1, end).join('\n'), { customTags: ['timestamp'], uniqueKeys: true });
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    // +1: the YAML starts on the line after the opening `---`.
    const line = (error.linePos?.[0]?.line ?? 0) + 1;
    throw new ServiceError(
      'INVALID_INPUT',
      `${sourceName}: the front matter is not valid YAML (line ${line}): ${yamlProblem(error)}`,
    );
  }
  if (data !== null && data !== undefined && !isRecord(data)) {
    throw new ServiceError(
      'INVALID_INPUT',
      `${sourceName}: the front matter must be a list of "field: value" lines.`,
    );
  }
  return { frontMatter: data ?? {}, markdown: lines.slice(end + 1).join('\n') };
};
