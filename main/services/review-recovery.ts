import type { Draft } from '../../shared/schemas';
import type { ReleaseStore } from '../store/release-store';
import type { ReviewDocFiles } from '../store/review-doc-files';
import { ServiceError } from '../../shared/result';
import { fieldsOfDoc } from './review-doc';

const readOrNull = async (store: ReleaseStore, id: string): Promise<Draft | null> => {
  if (!store.summaryOf(id)) return null;
  try {
    return await store.readDraft(id);
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
};

/**
 * Finishes or undoes the merges a crash cut short (their `review/<id>.merging` was left): the
 * document is written before the release's JSON, so one found ahead of its release by the
 * merge's revision holds a merge the JSON lacks, which is finished here; a document whose
 * release was never written (an import cut short) goes, so opening the file again imports it.
 * Every other case (the JSON written too, or the document never written) needs only the mark
 * cleared.
 */
export const recoverInterruptedMerges = async (
  store: ReleaseStore,
  files: ReviewDocFiles,
): Promise<void> => {
  for (const id of files.interrupted()) {
    try {
      await recoverOne(store, files, id);
    } catch (error) {
      // Left marked: the next open tries again. The store opens meanwhile.
      store.repairs.add({
        kind: 'backup-failed',
        message: `A review merge cut short could not be finished yet (${error instanceof Error ? error.message : String(error)}); it is tried again the next time the store opens.`,
        draftId: id,
      });
    }
  }
};

const recoverOne = async (store: ReleaseStore, files: ReviewDocFiles, id: string) => {
  {
    const revision = await files.mergingRevision(id);
    const draft = await readOrNull(store, id);
    if (!draft) {
      if (files.has(id)) await files.remove(id);
      store.repairs.add({
        kind: 'lost-draft',
        message:
          'Opening a review file as a new release was cut short; nothing of it was kept. Open the file again to import it.',
        draftId: id,
      });
    } else if (revision !== null && draft.revision === revision - 1) {
      const stored = await files.read(id, draft.headline);
      if (stored && stored.revision === revision) {
        const fields = fieldsOfDoc(stored.doc);
        await store.updateDraft(id, (current) => ({
          ...current,
          headline: fields.headline,
          body: fields.body,
          blocks: { ...current.blocks, lead: fields.lead },
          review: fields.review,
          revision,
        }));
        store.repairs.add({
          kind: 'recovered-draft',
          message: `Merging a review into “${fields.headline || 'an untitled release'}” was cut short; the merge has been finished, with every comment and suggestion it brought.`,
          draftId: id,
        });
      }
    }
    await files.clearMerging(id);
  }
};
