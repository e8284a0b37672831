import type { Draft, DraftSummary } from '../../../shared/schemas';
import type { Api } from '../../api/client';
import { ApiError } from '../../api/client';

export const isConflict = (error: unknown): boolean =>
  error instanceof ApiError && error.code === 'CONFLICT';

/** The headline a kept copy gets, so the officer can tell it from the release it came from. */
export const copyHeadline = (headline: string): string =>
  `${headline.trim() || 'Untitled release'} (version from another window)`.slice(0, 500);

/**
 * Keeps another window's version of a release as a new release in the library, before this
 * window's text is saved over it: the store never loses either side's text. Its review goes
 * with it (threads and suggestions, whose marks are in that body): the version may be a
 * review file's merge, and the text saved over it has none of what the reviewer brought.
 */
export const keepAsCopy = async (
  api: Pick<Api, 'drafts:create' | 'drafts:save'>,
  theirs: Draft,
): Promise<DraftSummary> => {
  const copy = await api['drafts:create']({});
  return api['drafts:save']({
    id: copy.id,
    headline: copyHeadline(theirs.headline),
    body: theirs.body,
    meta: theirs.meta,
    blocks: theirs.blocks,
    ...(theirs.review ? { review: theirs.review } : {}),
    status: 'draft',
    baseRevision: copy.revision,
  });
};
