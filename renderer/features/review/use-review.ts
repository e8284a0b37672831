import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ReviewState } from '../../../shared/review';
import { useApp } from '../../app/store';
import { paintReview } from './review-colours';
import { registerReviewCommands } from './review-commands';
import { ReviewController, type FieldWriter } from './review-controller';
import { writeReviewFile } from './review-files';
import { ReviewModel } from './review-model';

/**
 * The open release's review: its model (saved through `save`), the controller the panel,
 * the toolbar and the commands use, and the colours painted for it.
 */
export const useReview = (
  draftId: string,
  initial: ReviewState,
  save: (review: ReviewState) => void,
  writeField: FieldWriter,
) => {
  const [model] = useState(() => new ReviewModel(initial, save));
  const [controller] = useState(() => new ReviewController(model, writeField));
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
