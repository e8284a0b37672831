import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { AddMarkStep, AddNodeMarkStep, ReplaceAroundStep, ReplaceStep } from '@tiptap/pm/transform';
import { SUGGESTION_MARKS } from '../../../shared/review';

/** Who a suggestion id belongs to, and the id to give this author's edits where none fits. */
export interface Ownership {
  isMine: (id: string) => boolean;
  /** An id of this author's, minted once per transaction when first needed. */
  freshId: () => string;
}

const isSuggestion = (mark: Mark): boolean =>
  (SUGGESTION_MARKS as readonly string[]).includes(mark.type.name);

const idOf = (mark: Mark): string => String(mark.attrs.id as string | number);

interface Fix {
  from: number;
  to: number;
  mark: Mark;
  id: string;
  /** A mark on a block rather than on text. */
  node: boolean;
}

/** The suggestion marks on text or blocks lying within [from, to) of a document. */
const piecesIn = (
  doc: PMNode,
  from: number,
  to: number,
  visit: (from: number, to: number, node: PMNode, isNode: boolean) => void,
) => {
  doc.nodesBetween(from, to, (node, pos) => {
    if (node.isText) {
      const start = Math.max(from, pos);
      const end = Math.min(to, pos + node.nodeSize);
      if (start < end) visit(start, end, node, false);
      return false;
    }
    // A block only partly in the range (the paragraph typed in) keeps its own marks.
    if (pos >= from && pos + node.nodeSize <= to) visit(pos, pos + node.nodeSize, node, true);
    return true;
  });
};

const sameKind = (a: Mark, b: Mark): boolean =>
  a.type === b.type && (a.type.name !== 'modification' || a.attrs.type === b.attrs.type);

/**
 * The package gives an edit the id of the suggestion beside it (replaceStep's markBefore /
 * markAfter), whoever made that one, and may relabel a neighbour with the edit's id. So after
 * it has rewritten a transaction: what this author inserted carries one of their ids, and
 * what was already marked keeps its author's id. Works on the changed ranges only.
 */
export const guardAuthors = (tr: Transaction, own: Ownership): Transaction => {
  const inserted: [number, number][] = [];
  const marked: [number, number][] = [];
  const nodeMarked: number[] = [];
  tr.steps.forEach((step, i) => {
    const later = tr.mapping.slice(i + 1);
    if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) {
      step.getMap().forEach((_oldStart, _oldEnd, from, to) => {
        const start = later.map(from, 1);
        const end = later.map(to, -1);
        if (start < end) inserted.push([start, end]);
      });
    } else if (step instanceof AddMarkStep && isSuggestion(step.mark)) {
      const start = later.map(step.from, 1);
      const end = later.map(step.to, -1);
      if (start < end) marked.push([start, end]);
    } else if (step instanceof AddNodeMarkStep && isSuggestion(step.mark)) {
      const pos = later.mapResult(step.pos, 1);
      if (!pos.deleted) nodeMarked.push(pos.pos);
    }
  });
  if (inserted.length + marked.length + nodeMarked.length === 0) return tr;

  const fixes: Fix[] = [];
  const doc = tr.doc;
  // Put in by this transaction: every suggestion on it must be this author's.
  for (const [from, to] of inserted)
    piecesIn(doc, from, to, (start, end, node, isNode) => {
      for (const mark of node.marks)
        if (isSuggestion(mark) && !own.isMine(idOf(mark)))
          fixes.push({ from: start, to: end, mark, id: own.freshId(), node: isNode });
    });
  // Marked by it: compared with what the same text carried before the transaction.
  const back = tr.mapping.invert();
  for (const [from, to] of marked) {
    const oldFrom = back.map(from, 1);
    const oldTo = back.map(to, -1);
    if (oldFrom >= oldTo) continue;
    piecesIn(tr.before, oldFrom, oldTo, (oldStart, oldEnd, oldNode, isNode) => {
      if (isNode) return;
      const start = tr.mapping.map(oldStart, 1);
      const end = tr.mapping.map(oldEnd, -1);
      if (start >= end) return;
      piecesIn(doc, start, end, (s, e, node, nowNode) => {
        if (nowNode) return;
        for (const mark of node.marks) {
          if (!isSuggestion(mark)) continue;
          const id = idOf(mark);
          const had = oldNode.marks.find((old) => sameKind(old, mark));
          const hadId = had ? idOf(had) : null;
          const target =
            hadId !== null && (!own.isMine(hadId) || !own.isMine(id))
              ? hadId
              : own.isMine(id)
                ? id
                : own.freshId();
          if (target !== id) fixes.push({ from: s, to: e, mark, id: target, node: false });
        }
      });
    });
  }
  for (const pos of nodeMarked) {
    const node = doc.nodeAt(pos);
    for (const mark of node?.marks ?? [])
      if (node && isSuggestion(mark) && !own.isMine(idOf(mark)))
        fixes.push({ from: pos, to: pos + node.nodeSize, mark, id: own.freshId(), node: true });
  }
  for (const fix of fixes) {
    const relabelled = fix.mark.type.create({ ...fix.mark.attrs, id: fix.id });
    if (fix.node) {
      tr.removeNodeMark(fix.from, fix.mark);
      tr.addNodeMark(fix.from, relabelled);
    } else {
      tr.removeMark(fix.from, fix.to, fix.mark);
      tr.addMark(fix.from, fix.to, relabelled);
    }
  }
  return tr;
};
