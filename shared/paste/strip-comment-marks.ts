import { Fragment, Slice, type Node as PMNode } from '@tiptap/pm/model';
import { COMMENT_MARK } from '../review';

const stripNode = (node: PMNode): PMNode => {
  const marks = node.marks.filter((mark) => mark.type.name !== COMMENT_MARK);
  const kept = marks.length === node.marks.length ? node : node.mark(marks);
  if (node.isLeaf || node.childCount === 0) return kept;
  return kept.copy(stripFragment(node.content));
};

const stripFragment = (fragment: Fragment): Fragment => {
  const children: PMNode[] = [];
  fragment.forEach((child) => children.push(stripNode(child)));
  return Fragment.fromArray(children);
};

/**
 * A pasted or dropped slice without comment anchors: a thread lives once, where it was
 * opened, so copied text arrives uncommented. Only a move within the body keeps them.
 */
export const withoutCommentAnchors = (slice: Slice): Slice =>
  new Slice(stripFragment(slice.content), slice.openStart, slice.openEnd);
