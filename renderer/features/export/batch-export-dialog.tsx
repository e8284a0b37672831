import { useEffect, useId, useRef, useState } from 'react';
import type { ExportFormat } from '../../../shared/schemas';
import { batchExportTarget, exportReleases, type BatchProgress } from '../../api/batch-export';
import { onEvent } from '../../api/client';

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'md', label: 'Markdown (.md)' },
  { format: 'html', label: 'HTML document (.html)' },
  { format: 'html-fragment', label: 'HTML fragment (.fragment.html)' },
  { format: 'ninjs', label: 'ninjs JSON (.json)' },
];

/** The desktop writes into a folder the officer picks; browser mode hands over a ZIP. */
const toFolder = batchExportTarget === 'folder';

interface Summary {
  written: number;
  where: string;
  failed: string[];
}

interface BatchExportDialogProps {
  ids: readonly string[];
  onClose: () => void;
}

/** Many releases at once: formats, then a progress bar, then what was written and what failed. */
export function BatchExportDialog({ ids, onClose }: BatchExportDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const forceId = useId();
  const [formats, setFormats] = useState<ExportFormat[]>(['md', 'html']);
  const [force, setForce] = useState(false);
  const [progress, setProgress] = useState<BatchProgress | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  // Unique across windows: each follows the progress of its own export only.
  const [jobId] = useState(() => crypto.randomUUID());
  useEffect(
    () =>
      onEvent('export:progress', (progress) => {
        if (progress.jobId === jobId) setProgress(progress);
      }),
    [jobId],
  );

  const run = async () => {
    setError(null);
    setProgress({ done: 0, total: ids.length, headline: '' });
    try {
      const outcome = await exportReleases(ids, { formats, force, jobId, onProgress: setProgress });
      if (outcome.status === 'cancelled') {
        setProgress(null);
        return;
      }
      setSummary({ written: outcome.written, where: outcome.where, failed: outcome.failed });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setProgress(null);
    }
  };

  const running = progress !== null && summary === null;
  return (
    <dialog ref={ref} className="dialog" aria-label="Export releases" onClose={onClose}>
      <h2>
        Export {ids.length} release{ids.length === 1 ? '' : 's'}
      </h2>
      {!summary && (
        <>
          <fieldset className="format-choice" disabled={running}>
            <legend className="field-label">Formats</legend>
            {FORMATS.map(({ format, label }) => (
              <label key={format} className="check">
                <input
                  type="checkbox"
                  checked={formats.includes(format)}
                  onChange={(event) =>
                    setFormats((list) =>
                      event.target.checked ? [...list, format] : list.filter((f) => f !== format),
                    )
                  }
                />
                {label}
              </label>
            ))}
            {toFolder && (
              <div className="check">
                <input
                  id={forceId}
                  type="checkbox"
                  checked={force}
                  onChange={(event) => setForce(event.target.checked)}
                />
                <label htmlFor={forceId}>Replace files of the same name in the folder</label>
              </div>
            )}
          </fieldset>
          <p className="muted">
            {toFolder
              ? 'You choose the folder next. Files are named YYYY-MM-DD-headline.ext.'
              : 'The files arrive as one ZIP download, named YYYY-MM-DD-headline.ext inside.'}
          </p>
        </>
      )}
      {progress && (
        <div className="batch-progress">
          <label className="field-label" htmlFor={`${forceId}-progress`}>
            Exported {progress.done} of {progress.total}
          </label>
          <progress
            id={`${forceId}-progress`}
            value={progress.done}
            max={Math.max(progress.total, 1)}
          />
        </div>
      )}
      {summary && (
        <div role="status" className="batch-summary">
          <p>
            {summary.written} file{summary.written === 1 ? '' : 's'} written: {summary.where}
          </p>
          {summary.failed.length > 0 && (
            <>
              <p className="form-error">{summary.failed.length} failed:</p>
              <ul>
                {summary.failed.slice(0, 20).map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        {!summary && (
          <button
            type="button"
            className="button primary"
            disabled={running || formats.length === 0}
            onClick={() => void run()}
          >
            {toFolder ? 'Choose folder and export' : 'Export as ZIP'}
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={running}
          onClick={() => ref.current?.close()}
        >
          {summary ? 'Close' : 'Cancel'}
        </button>
      </div>
    </dialog>
  );
}
