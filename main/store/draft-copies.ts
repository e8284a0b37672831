import path from 'node:path';
import type { Draft, DraftSummary, RichNode } from '../../shared/schemas';
import type { CorruptFileError } from './atomic-json-file';
import type { RecoveryJournal } from './journal';
import type { DraftCopy, RevisionSnapshots } from './snapshots';

/** A copy of a draft that a damaged file can be restored from, and what it is, in words. */
export interface BestCopy {
  draft: Draft;
  file: string;
  /** `the copy kept at its last save`, `its unsaved changes of …`, `its snapshot of …`. */
  what: string;
}

export interface CopySearch {
  /** The newest copy at least as new as the last acknowledged save, or null. */
  best: BestCopy | null;
  /** The newest copy there is, when it is older than that: never restored on its own. */
  older: DraftCopy | null;
}

/**
 * Finds what a damaged draft can come back as. `knownRevision` is the revision the library
 * index holds, i.e. the last save anyone was told of; a copy older than that would silently
 * undo acknowledged saves, so it is offered (`older`) but never chosen. Newest first: unsaved
 * changes journaled on top of that revision (also acknowledged, as kept), then the copy every
 * save leaves, then the newest snapshot. With no known revision (the index was rebuilt) the
 * newest copy there is counts as the last one.
 */
export const findBestCopy = async (
  id: string,
  knownRevision: number | undefined,
  journal: RecoveryJournal,
  snapshots: RevisionSnapshots,
): Promise<CopySearch> => {
  const fresh = (revision: number) => knownRevision === undefined || revision >= knownRevision;
  const entry = await journal
    .file(id)
    .read()
    .catch(() => null);
  if (entry && entry.draft.id === id && fresh(entry.baseRevision)) {
    return {
      best: {
        draft: { ...entry.draft, updatedAt: entry.journaledAt },
        file: journal.file(id).filePath,
        what: `its unsaved changes of ${entry.journaledAt}`,
      },
      older: null,
    };
  }
  const candidates = [
    { copy: await snapshots.latest(id), what: 'the copy kept at its last save' },
    { copy: await snapshots.newestGood(id), what: 'its revision snapshot' },
  ];
  let older: DraftCopy | null = null;
  for (const { copy, what } of candidates) {
    if (!copy) continue;
    if (fresh(copy.draft.revision)) {
      return { best: { ...copy, what: `${what} (${copy.draft.updatedAt})` }, older: null };
    }
    if (!older || copy.draft.revision > older.draft.revision) older = copy;
  }
  return { best: null, older };
};

/** The library entry of a release whose file is damaged beyond restoring: listed, and marked. */
export const damagedSummary = (
  id: string,
  known: DraftSummary | undefined,
  damage: Pick<CorruptFileError, 'reason'>,
  keptAs: string,
  now: Date,
): DraftSummary => ({
  ...(known ?? {
    id,
    headline: '',
    status: 'draft',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    trashedAt: null,
    revision: 0,
    contentTypeId: null,
    date: null,
    embargo: null,
    language: 'en',
  }),
  // Bounded as the schema bounds it: an over-long reason must not make the index unwritable.
  damaged: { reason: damage.reason.slice(0, 500), keptAs: keptAs.slice(0, 4096) },
});

/** Whether a draft holds any words at all (a blank new release does not). */
export const hasText = (draft: Draft): boolean => {
  if (draft.headline.trim() !== '' || draft.blocks.lead.trim() !== '') return true;
  // A walk with a stack, not recursion: a body may be nested deeper than the call stack allows.
  const stack: RichNode[] = [draft.body];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.text?.trim()) return true;
    if (node.content) stack.push(...node.content);
  }
  return false;
};

/** `drafts/<id>.json.corrupt-…`, as a user finds it in the store folder. */
export const storeRelative = (storeDir: string, file: string): string =>
  path.relative(storeDir, file) || file;
