import { MAX_BODY_DEPTH } from '../../shared/body-bounds';
import { ServiceError } from '../../shared/result';
import type { Taxonomies } from '../../shared/schemas';
import type { ImportedRelease } from './import';
import { parseMarkdownRelease } from './import';
import { parseHtmlRelease } from './import-html';

/**
 * A press release is a few kilobytes; a file a thousand times that is a mistake (a log, a
 * database dump), and parsing it would freeze the app for nothing.
 */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type ImportKind = 'md' | 'html';

const invalid = (message: string): ServiceError => new ServiceError('INVALID_INPUT', message);

export const importKind = (fileName: string): ImportKind | null => {
  const lower = fileName.toLowerCase();
  if (/\.(md|markdown)$/.test(lower)) return 'md';
  if (/\.html?$/.test(lower)) return 'html';
  return null;
};

const lineAt = (bytes: Uint8Array, end: number): number => {
  let line = 1;
  for (let i = 0; i < end; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
};

/** Where the first byte sequence that is not UTF-8 starts, or -1. */
const firstInvalidUtf8 = (bytes: Uint8Array): number => {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return -1;
};

/**
 * The text of a file read from disk, or a clear error: too big, binary, or not UTF-8 (naming
 * the line of the first bad byte, so the user can find it). UTF-16 is named as such, since
 * Windows tools write it and "not UTF-8" would leave the user guessing.
 */
export const decodeImportFile = (fileName: string, bytes: Uint8Array): string => {
  if (bytes.length > MAX_IMPORT_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    throw invalid(
      `${fileName} is ${mb} MB; a release file may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
    );
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw invalid(`${fileName} is encoded as UTF-16; save it as UTF-8 and import it again.`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw invalid(
      `${fileName} (line ${lineAt(bytes, nul)}) contains NUL bytes: it is a binary file, not text.`,
    );
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    throw invalid(
      `${fileName} (line ${lineAt(bytes, bad)}) is not UTF-8 text (byte 0x${(bytes[bad] ?? 0).toString(16)} at offset ${bad}); save it as UTF-8 and import it again.`,
    );
  }
  return new TextDecoder('utf-8').decode(bytes);
};

/**
 * Text that reached us already decoded (the renderer reads dropped files with the File API,
 * which puts U+FFFD where the bytes were not UTF-8): the same checks, on characters.
 */
export const checkImportText = (fileName: string, text: string): void => {
  if (text.length > MAX_IMPORT_BYTES) {
    throw invalid(
      `${fileName} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; a release file is far smaller.`,
    );
  }
  const line = (index: number) => text.slice(0, index).split('\n').length;
  const nul = text.indexOf('\0');
  if (nul >= 0)
    throw invalid(
      `${fileName} (line ${line(nul)}) contains NUL bytes: it is a binary file, not text.`,
    );
  const replacement = text.indexOf('\uFFFD');
  if (replacement >= 0) {
    throw invalid(
      `${fileName} (line ${line(replacement)}) is not UTF-8 text; save it as UTF-8 and import it again.`,
    );
  }
};

/** One file, whatever its format, into a release (in memory: nothing is written here). */
export const parseImportFile = (
  fileName: string,
  text: string,
  taxonomies: Taxonomies,
): ImportedRelease => {
  const kind = importKind(fileName);
  if (!kind)
    throw invalid(`${fileName}: only Markdown (.md) and HTML (.html) files can be imported.`);
  checkImportText(fileName, text);
  try {
    return kind === 'md'
      ? parseMarkdownRelease(text, taxonomies, fileName)
      : parseHtmlRelease(text, taxonomies, fileName);
  } catch (error) {
    // The parsers recurse into quotes and lists; the body could not hold that depth anyway.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw invalid(
        `${fileName} is nested too deeply to import (a release holds at most ${MAX_BODY_DEPTH} levels of quotes and lists).`,
      );
    }
    throw error;
  }
};
