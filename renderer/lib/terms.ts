import type { Term } from '../../shared/schemas';

export interface PickerOption {
  id: string;
  label: string;
  /** Where the term sits: `OSCE Secretariat › Conflict Prevention Centre` shows the parent. */
  context: string;
  /** Lower-cased text the filter matches: label, abbreviation and parents. */
  haystack: string;
}

/** Lower-cased and without accents, so `osterreich` finds `Österreich`. */
export const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('en');

/** Turns a taxonomy into picker options once, so filtering on each keystroke stays cheap. */
export const toPickerOptions = (
  terms: readonly Term[],
  extraContext?: (term: Term) => string | undefined,
): PickerOption[] => {
  const byId = new Map(terms.map((term) => [term.id, term]));
  const pathOf = (term: Term): string[] => {
    const path: string[] = [];
    let parent = term.parentId ? byId.get(term.parentId) : undefined;
    while (parent && path.length < 8) {
      path.unshift(parent.label);
      parent = parent.parentId ? byId.get(parent.parentId) : undefined;
    }
    return path;
  };
  return terms
    .filter((term) => term.selectable !== false)
    .map((term) => {
      const path = pathOf(term);
      const extra = extraContext?.(term);
      const context = [...path, ...(extra ? [extra] : [])].join(' › ');
      return {
        id: term.id,
        label: term.abbreviation ? `${term.label} (${term.abbreviation})` : term.label,
        context,
        haystack: fold([term.label, term.abbreviation ?? '', ...path, extra ?? ''].join(' ')),
      };
    });
};

/** Every word typed must appear; options whose label starts with the query come first. */
export const filterOptions = (
  options: readonly PickerOption[],
  query: string,
  limit = 50,
): PickerOption[] => {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return options.slice(0, limit);
  const first = words[0] ?? '';
  const matches = options.filter((option) => words.every((word) => option.haystack.includes(word)));
  matches.sort(
    (a, b) => Number(!fold(a.label).startsWith(first)) - Number(!fold(b.label).startsWith(first)),
  );
  return matches.slice(0, limit);
};
