import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ReviewState } from '../../../shared/review';
import { appStore, useApp } from '../../app/store';
import { liveFields } from '../editor/draft-session';
import { paintReview } from './review-colours';
import { registerReviewCommands } from './review-commands';
import { ensureAuthor } from './review-author';
import { ReviewController, type FieldReader, type FieldWriter } from './review-controller';
import { writeReviewFile } from './review-files';
import { ReviewModel } from './review-model';

/**
 * The open release's headline or summary as typed: from its draft session, or as it was
 * loaded while nothing has been typed in it yet.
 */
export const openFieldReader =
  (draftId: string): FieldReader =>
  (field) => {
    const fields = liveFields(draftId);
    if (fields) return field === 'headline' ? fields.headline : fields.lead;
    const open = appStore.getState().open;
    if (open?.id !== draftId) return null;
    return field === 'headline' ? open.headline : open.blocks.lead;
  };

/**
 * The open release's review: its model (saved through `save`), the controller the panel,
 * the toolbar and the commands use, and the colours painted for it.
 */
export const useReview = (
  draftId: string,
  initial: ReviewState,
  save: (review: ReviewState) => void,
  writeField: FieldWriter,
  /** The field as it stands, to tell a suggestion made against an older text. */
  readField: FieldReader = openFieldReader(draftId),
) => {
  const [model] = useState(() => new ReviewModel(initial, save));
  const [controller] = useState(
    () => new ReviewController(model, writeField, readField, ensureAuthor),
  );
  const snapshot = useSyncExternalStore(model.subscribe, model.getSnapshot);
  const officer = useApp((state) => state.preferences?.officerName.trim() ?? '');
  useEffect(() => {
    if (officer) model.setAuthor(officer);
  }, [model, officer]);
  useEffect(() => paintReview(snapshot), [snapshot]);
  useEffect(() => {
    registerReviewCommands({
      comment: () => void controller.comment(),
      toggleSuggest: () => void controller.toggleSuggest(),
      send: (purpose) => void writeReviewFile(draftId, purpose),
      focusPanel: () => {
        model.setUi({ panelOpen: true });
        requestAnimationFrame(() => document.getElementById('review-panel')?.focus());
      },
    });
    return () => registerReviewCommands(null);
  }, [controller, model, draftId]);
  return { model, controller, snapshot };
};
