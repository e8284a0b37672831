export interface DiffPart {
  kind: 'same' | 'inserted' | 'deleted';
  text: string;
}

const MAX_WORDS = 600;

/**
 * Word by word, what changed from one line to another (a headline, a summary): the longest
 * common run of words kept, the rest marked. Lines longer than a summary ever is are shown
 * as one deletion and one insertion rather than compared.
 */
export const wordDiff = (before: string, after: string): DiffPart[] => {
  const a = before.split(/(\s+)/).filter(Boolean);
  const b = after.split(/(\s+)/).filter(Boolean);
  if (a.length > MAX_WORDS || b.length > MAX_WORDS)
    return [
      { kind: 'deleted', text: before },
      { kind: 'inserted', text: after },
    ];
  // at(i, j): how many words a[i..] and b[j..] have in common, in order.
  const width = b.length + 1;
  const table = new Uint16Array((a.length + 1) * width);
  const at = (i: number, j: number) => table[i * width + j] ?? 0;
  const word = (list: string[], k: number) => list[k] ?? '';
  for (let i = a.length - 1; i >= 0; i -= 1)
    for (let j = b.length - 1; j >= 0; j -= 1)
      table[i * width + j] =
        word(a, i) === word(b, j) ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && word(a, i) === word(b, j)) {
      push('same', word(a, i));
      i += 1;
      j += 1;
    } else if (j < b.length && (i >= a.length || at(i, j + 1) >= at(i + 1, j))) {
      push('inserted', word(b, j));
      j += 1;
    } else {
      push('deleted', word(a, i));
      i += 1;
    }
  }
  return parts;
};
