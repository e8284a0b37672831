import type { Draft } from '../../shared/schemas';
import { KeyedQueue } from '../store/keyed-queue';
import type { ReviewDocFiles, StoredReviewDoc } from '../store/review-doc-files';
import type { StoreEvents } from '../store/store-events';
import { createDoc, fieldsOfDraft, syncDoc } from './review-doc';

/** Documents kept in memory after use: the releases in review now, not every one ever reviewed. */
const CACHED_DOCS = 8;

/**
 * The review documents of the releases that entered review, kept up to date with their JSON:
 * the JSON is the working copy, the document is brought to it by diff before every use and
 * after every save, so a crash between the two writes loses nothing. Releases never reviewed
 * have no document and cost a save nothing.
 */
export interface ReviewDocs {
  isTracked(id: string): boolean;
  /**
   * The release's document, made from its JSON if it has none yet, brought up to date with
   * `draft` and written if that changed it; `task` runs with no other use of it in between.
   */
  use<T>(
    draft: Draft,
    task: (stored: StoredReviewDoc) => T | Promise<T>,
    /** `memory`: a document made now is not kept (opening a file keeps only what it merged). */
    made?: 'keep' | 'memory',
  ): Promise<T>;
  /**
   * After a save: syncs and writes the document of a release in review. `replacement` (a
   * merge's result, already holding `draft`'s content) takes the place of the stored one.
   */
  afterSave(draft: Draft, replacement?: StoredReviewDoc): Promise<void>;
  /**
   * Keeps a merge's (or an import's) document and the release's JSON together: marks the
   * merge, writes the document for `revision` first, then `write`s the JSON, then clears the
   * mark. Cut short anywhere, the next open finishes or undoes it (review-recovery.ts), so the
   * document never holds a review the JSON was brought back from, nor the JSON one the
   * document lacks.
   */
  commit(
    id: string,
    replacement: StoredReviewDoc,
    revision: number,
    write: () => Promise<Draft>,
  ): Promise<Draft>;
}

export const createReviewDocs = (files: ReviewDocFiles, events: StoreEvents): ReviewDocs => {
  const queue = new KeyedQueue();
  const cache = new Map<string, StoredReviewDoc>();

  const remember = (id: string, stored: StoredReviewDoc) => {
    cache.delete(id);
    cache.set(id, stored);
    if (cache.size > CACHED_DOCS) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  };

  const load = async (draft: Draft): Promise<StoredReviewDoc | null> =>
    cache.get(draft.id) ?? (await files.read(draft.id, draft.headline));

  /** Syncs, writes when anything changed (or when it is new), remembers. */
  const bringUp = async (draft: Draft, stored: StoredReviewDoc, isNew: boolean) => {
    const changed = syncDoc(stored.doc, fieldsOfDraft(draft));
    if (changed || isNew) {
      stored.revision = draft.revision;
      await files.write(draft.id, stored);
    }
    remember(draft.id, stored);
    return stored;
  };

  return {
    isTracked: (id) => files.has(id) || cache.has(id),

    use: (draft, task, made = 'keep') =>
      queue.run(draft.id, async () => {
        const found = await load(draft);
        if (found) return task(await bringUp(draft, found, false));
        const stored = { doc: createDoc(draft), base: null, sentRevision: null };
        return task(made === 'keep' ? await bringUp(draft, stored, true) : stored);
      }),

    commit: (id, replacement, revision, write) =>
      queue.run(id, async () => {
        const previous = cache.get(id) ?? (files.has(id) ? await files.read(id, '') : null);
        await files.markMerging(id, revision);
        replacement.revision = revision;
        await files.write(id, replacement);
        let draft: Draft;
        try {
          draft = await write();
        } catch (error) {
          // Refused (another window saved meanwhile) or failed: the document goes back.
          cache.delete(id);
          if (previous) {
            await files.write(id, previous);
            remember(id, previous);
          } else await files.remove(id);
          await files.clearMerging(id);
          throw error;
        }
        remember(id, replacement);
        await bringUp(draft, replacement, false);
        await files.clearMerging(id);
        return draft;
      }),

    afterSave: (draft, replacement) =>
      queue.run(draft.id, async () => {
        if (replacement) {
          await bringUp(draft, replacement, true);
          return;
        }
        if (!files.has(draft.id) && !cache.has(draft.id)) return;
        try {
          const found = await load(draft);
          // Damaged and set aside (reported by the read): a new history starts at the next review.
          if (found) await bringUp(draft, found, false);
        } catch (error) {
          // The release is saved; its document catches up from it the next time it is used.
          cache.delete(draft.id);
          events.add({
            kind: 'backup-failed',
            message: `The review history of “${draft.headline || 'an untitled release'}” could not be written (${error instanceof Error ? error.message : String(error)}); the release is saved, and its review history is brought up to date from it the next time it is used.`,
            draftId: draft.id,
          });
        }
      }),
  };
};
