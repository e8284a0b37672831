import type { DraftSummary } from '../../../shared/schemas';

export interface OpenRelease {
  id: string;
  /** The revision this window's text is based on (loaded or last saved here). */
  revision: number;
  /** Edits not in the store yet (typed, or being saved). */
  unsaved: boolean;
}

/**
 * What a window does when another window saved a release:
 * - `ignore`: not the release open here, or nothing newer than what this window has;
 * - `reload`: open here without unsaved edits, so show the newer version;
 * - `keep-mine`: open here with unsaved edits: keep them, say so, and let the next save keep
 *   the other version as a copy (DraftSession handles the conflict), so neither text is lost.
 */
export const decideRemoteSave = (
  open: OpenRelease | null,
  saved: Pick<DraftSummary, 'id' | 'revision'>,
): 'ignore' | 'reload' | 'keep-mine' => {
  if (!open || open.id !== saved.id || saved.revision <= open.revision) return 'ignore';
  return open.unsaved ? 'keep-mine' : 'reload';
};

export const CHANGED_ELSEWHERE =
  'Changed in another window. Your text here is kept; the other version will be kept as a copy when this one saves.';
