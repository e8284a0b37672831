import type { Draft, ExportFormat } from '../schemas';

const MAX_SLUG_LENGTH = 60;

/** Latin letters that NFKD does not take apart into a base letter and a diacritic. */
const LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * What each format's file ends in. The fragment gets a double extension so that a release
 * exported as both document and fragment into one folder gives two files, both opening as HTML.
 */
export const FORMAT_EXTENSIONS: Record<ExportFormat, string> = {
  md: 'md',
  html: 'html',
  'html-fragment': 'fragment.html',
  ninjs: 'json',
};

/**
 * Only [a-z0-9-]: nothing any file system refuses or treats specially, no case clashes on
 * case-insensitive disks, and no reserved Windows name, since a date always comes first.
 */
export const headlineSlug = (headline: string): string => {
  const ascii = headline
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => LETTERS[c] ?? c);
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug || 'untitled';
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const boundary = cut.lastIndexOf('-');
  return boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, MAX_SLUG_LENGTH);
};

/** `2022-06-15-osce-conference-on-trafficking`: the name without its extension. */
export const exportBaseName = (draft: Pick<Draft, 'headline' | 'meta' | 'updatedAt'>): string => {
  const date = draft.meta.date ?? draft.updatedAt.slice(0, 10);
  return `${date}-${headlineSlug(draft.headline)}`;
};

/** `2022-06-15-osce-conference-on-trafficking.md`: sorts by date in any file manager. */
export const exportFileName = (
  draft: Pick<Draft, 'headline' | 'meta' | 'updatedAt'>,
  format: ExportFormat,
  /** 2, 3 … when another release of the same batch already took the name. */
  duplicate = 1,
): string => {
  const suffix = duplicate > 1 ? `-${duplicate}` : '';
  return `${exportBaseName(draft)}${suffix}.${FORMAT_EXTENSIONS[format]}`;
};
