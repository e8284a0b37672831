/**
 * The edit script between two sequences of units (numbers compared by value), as runs of kept,
 * deleted and inserted units in order: a common prefix and suffix are trimmed first, the middle
 * is diffed by Myers' algorithm, and past `maxD` edits the middle is simply replaced (an edit
 * that large is a rewrite; keeping the diff bounded keeps a save fast).
 */

export const KEEP = 0;
export const DELETE = 1;
export const INSERT = 2;
export type EditKind = typeof KEEP | typeof DELETE | typeof INSERT;

export interface EditRun {
  kind: EditKind;
  /** Where the run starts in the old and in the new sequence. */
  oldAt: number;
  newAt: number;
  length: number;
}

type Units = ArrayLike<number>;

const pushRun = (runs: EditRun[], kind: EditKind, oldAt: number, newAt: number, n: number) => {
  if (n <= 0) return;
  const last = runs[runs.length - 1];
  if (last && last.kind === kind) {
    last.length += n;
    return;
  }
  runs.push({ kind, oldAt, newAt, length: n });
};

/** Myers on a[aFrom, aTo) against b[bFrom, bTo); null when more than maxD edits are needed. */
const myers = (
  a: Units,
  aFrom: number,
  aTo: number,
  b: Units,
  bFrom: number,
  bTo: number,
  maxD: number,
): EditKind[] | null => {
  const n = aTo - aFrom;
  const m = bTo - bFrom;
  const max = n + m;
  const limit = Math.min(max, maxD);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  v[offset + 1] = 0;
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= limit && found < 0; d += 1) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0))
          ? (v[offset + k + 1] ?? 0)
          : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[aFrom + x] === b[bFrom + y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return null;
  // Walk back through the trace: the script comes out reversed.
  const out: EditKind[] = [];
  let x = n;
  let y = m;
  for (let d = found; d >= 0; d -= 1) {
    const w = trace[d] as Int32Array;
    const at = (k: number) => w[k + d + 1] ?? 0;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      out.push(KEEP);
      x -= 1;
      y -= 1;
    }
    if (d > 0) out.push(x === prevX ? INSERT : DELETE);
    x = prevX;
    y = prevY;
  }
  out.reverse();
  return out;
};

export const diffUnits = (a: Units, b: Units, maxD = 400): EditRun[] => {
  const runs: EditRun[] = [];
  let start = 0;
  const shortest = Math.min(a.length, b.length);
  while (start < shortest && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < shortest - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
  pushRun(runs, KEEP, 0, 0, start);
  const aTo = a.length - end;
  const bTo = b.length - end;
  const script = aTo > start && bTo > start ? myers(a, start, aTo, b, start, bTo, maxD) : null;
  if (script) {
    let x = start;
    let y = start;
    for (const kind of script) {
      pushRun(runs, kind, x, y, 1);
      if (kind !== INSERT) x += 1;
      if (kind !== DELETE) y += 1;
    }
  } else {
    pushRun(runs, DELETE, start, start, aTo - start);
    pushRun(runs, INSERT, aTo, start, bTo - start);
  }
  pushRun(runs, KEEP, aTo, bTo, end);
  return runs;
};
