import { useId, useRef, useState } from 'react';
import type { ImportSummary } from '../../../shared/export/transfer-schemas';
import { REVIEW_FILE_EXTENSION } from '../../../shared/review-file';
import { isReviewFile, openReviewFiles } from '../review/review-files';
import { ExportPreviewDialog } from './export-preview-dialog';
import { importFiles } from './import-files';
import { outcomeSummary, outcomeText, progressLabel } from './import-parts';

type Tone = 'info' | 'success' | 'error';

/**
 * Preview (and Copy as HTML) for the open release, import from files (also by dropping them
 * on the window). Many releases at once are exported from the library.
 */
export function TransferBar({
  draftId,
  onNotice,
  onImported,
}: {
  draftId: string | null;
  onNotice: (tone: Tone, text: string) => void;
  /** Once per import, with every part's summary merged; the library hears main's events. */
  onImported: (summary: ImportSummary) => void;
}) {
  const [previewing, setPreviewing] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const importing = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const progressId = useId();

  /** Review files go to review (merged into their release); everything else is imported. */
  const receive = async (files: File[]) => {
    const reviews = files.filter((file) => isReviewFile(file.name));
    if (reviews.length > 0) await openReviewFiles(reviews);
    await runImport(files.filter((file) => !isReviewFile(file.name)));
  };

  const runImport = async (files: File[]) => {
    if (files.length === 0) return;
    // One import at a time: two would interleave their parts and their progress.
    if (importing.current) {
      onNotice('info', 'An import is already running; add these files when it has finished.');
      return;
    }
    importing.current = true;
    try {
      const outcome = await importFiles(files, (done, total) => setProgress({ done, total }));
      onNotice(
        outcome.failed.length || outcome.stopped ? 'error' : 'success',
        outcomeText(outcome),
      );
      onImported(outcomeSummary(outcome));
    } catch (error) {
      onNotice('error', error instanceof Error ? error.message : String(error));
    } finally {
      importing.current = false;
      setProgress(null);
    }
  };
  return (
    <div
      className="transfer-bar"
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        void receive([...event.dataTransfer.files]);
      }}
    >
      <button
        type="button"
        className="button subtle"
        disabled={!draftId}
        onClick={() => setPreviewing(true)}
      >
        Preview
      </button>
      <button
        type="button"
        className="button subtle"
        disabled={progress !== null}
        onClick={() => input.current?.click()}
      >
        Import files…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept={`.md,.markdown,.html,.htm,${REVIEW_FILE_EXTENSION}`}
        aria-label="Files to import"
        onChange={(event) => {
          void receive([...(event.currentTarget.files ?? [])]);
          event.currentTarget.value = '';
        }}
      />
      {progress && (
        <div className="import-progress">
          <label htmlFor={progressId} className="import-progress-label">
            {progressLabel(progress.done, progress.total)}
          </label>
          <progress id={progressId} max={progress.total} value={progress.done} />
        </div>
      )}
      {previewing && draftId && (
        <ExportPreviewDialog
          draftId={draftId}
          onClose={() => setPreviewing(false)}
          onNotice={onNotice}
        />
      )}
    </div>
  );
}
