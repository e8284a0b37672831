import type { ReviewModel } from './review-model';
import { writeReviewFile } from './review-files';

/** The release's review actions beside its status: the panel, and the file out and back. */
export function ReviewActions({
  releaseId,
  model,
  panelOpen,
}: {
  releaseId: string;
  model: ReviewModel;
  panelOpen: boolean;
}) {
  return (
    <>
      <button
        type="button"
        className="button small subtle"
        aria-pressed={panelOpen}
        onClick={() => model.setUi({ panelOpen: !panelOpen })}
      >
        Comments
      </button>
      <button
        type="button"
        className="button small"
        onClick={() => void writeReviewFile(releaseId, 'send')}
      >
        Send for review…
      </button>
      <button
        type="button"
        className="button small"
        onClick={() => void writeReviewFile(releaseId, 'return')}
      >
        Return to author…
      </button>
    </>
  );
}
