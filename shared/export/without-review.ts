import { revertSuggestions } from '@handlewithcare/prosemirror-suggest-changes';
import { getSchema } from '@tiptap/core';
import { Node as PMNode, type Schema } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { releaseExtensions } from '../extensions';
import { reviewMarksIn, withoutCommentMarks } from '../review';
import type { RichNode } from '../schemas';

let schema: Schema | undefined;
const releaseSchema = (): Schema => (schema ??= getSchema(releaseExtensions()));

/**
 * A body as it leaves the app: no comment marks, and every open suggestion undone as if it
 * had been rejected (the package's own revert, so a suggested paragraph split comes out joined
 * again). A body with no suggestions is not rebuilt.
 */
export const withoutReview = (body: RichNode): RichNode => {
  const clean = withoutCommentMarks(body);
  if (reviewMarksIn(clean).suggestions.size === 0) return clean;
  let state = EditorState.create({ doc: PMNode.fromJSON(releaseSchema(), clean) });
  revertSuggestions(state, (tr) => {
    state = state.apply(tr);
  });
  return state.doc.toJSON() as RichNode;
};

/** Whether an export leaves suggestions out: the preview says so. */
export const hasOpenSuggestions = (body: RichNode): boolean =>
  reviewMarksIn(body).suggestions.size > 0;
