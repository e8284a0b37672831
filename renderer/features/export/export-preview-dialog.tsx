import { useEffect, useRef, useState } from 'react';
import { hasOpenSuggestions } from '../../../shared/export/without-review';
import type { ExportFile, ExportFormat } from '../../../shared/schemas';
import { api } from '../../api/client';
import { deliverExport } from '../../api/deliver-export';

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'md', label: 'Markdown' },
  { format: 'html', label: 'HTML document' },
  { format: 'html-fragment', label: 'HTML fragment' },
  { format: 'ninjs', label: 'ninjs (JSON)' },
];

type Tone = 'info' | 'success' | 'error';

/**
 * Shows, as text, exactly the file an export will write (the same call renders both), with
 * its name; from here the officer saves it or copies it. "Copy as HTML" puts the fragment on
 * the clipboard as HTML, for pasting into a CMS editor, with the plain text beside it.
 */
export function ExportPreviewDialog({
  draftId,
  onClose,
  onNotice,
}: {
  draftId: string;
  onClose: () => void;
  onNotice: (tone: Tone, text: string) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [format, setFormat] = useState<ExportFormat>('md');
  // Tagged with what it was rendered for, so a format switch shows "Rendering…", not the old file.
  const [rendered, setRendered] = useState<{ key: string; file: ExportFile } | null>(null);
  const key = `${draftId}:${format}`;
  const file = rendered?.key === key ? rendered.file : null;
  // Kept in a ref so a parent that passes a new function each render does not re-render the file.
  const notice = useRef(onNotice);
  useEffect(() => {
    notice.current = onNotice;
  }, [onNotice]);

  useEffect(() => {
    ref.current?.showModal();
  }, []);

  // The export is rendered from the stored release: whether that one has open suggestions.
  const [leftOut, setLeftOut] = useState(false);
  useEffect(() => {
    let live = true;
    api['drafts:get']({ id: draftId })
      .then((draft) => live && setLeftOut(hasOpenSuggestions(draft.body)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [draftId]);

  useEffect(() => {
    let live = true;
    api['export:render']({ id: draftId, format })
      .then((result) => live && setRendered({ key: `${draftId}:${format}`, file: result }))
      .catch((error: unknown) =>
        notice.current('error', error instanceof Error ? error.message : String(error)),
      );
    return () => {
      live = false;
    };
  }, [draftId, format]);

  const copyAsHtml = async () => {
    try {
      const fragment = await api['export:render']({ id: draftId, format: 'html-fragment' });
      const text = new DOMParser().parseFromString(fragment.content, 'text/html').body.innerText;
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([fragment.content], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ]);
      onNotice('success', 'Copied as HTML: paste it into the CMS.');
    } catch (error) {
      onNotice(
        'error',
        `Could not copy: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  const save = async () => {
    try {
      const outcome = await deliverExport(draftId, format);
      if (outcome.status === 'saved') onNotice('success', `Exported to ${outcome.where}`);
    } catch (error) {
      onNotice('error', error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog export-preview"
      aria-label="Export preview"
      onClose={onClose}
    >
      <h2>Export preview</h2>
      <div role="radiogroup" aria-label="Format" className="export-formats">
        {FORMATS.map((option) => (
          <label key={option.format}>
            <input
              type="radio"
              name="export-format"
              checked={format === option.format}
              onChange={() => setFormat(option.format)}
            />
            {option.label}
          </label>
        ))}
      </div>
      {leftOut && (
        <p className="export-review-note" role="note">
          Open suggestions are not in this export: it holds the text as if they were rejected.
        </p>
      )}
      <p className="export-file-name">{file ? file.fileName : 'Rendering…'}</p>
      <pre className="export-preview-text" aria-label="What will be written" tabIndex={0}>
        {file?.content ?? ''}
      </pre>
      <div className="dialog-actions">
        <button type="button" className="button subtle" onClick={() => void copyAsHtml()}>
          Copy as HTML
        </button>
        <button type="button" className="button" disabled={!file} onClick={() => void save()}>
          Save this file
        </button>
        <button type="button" className="button subtle" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
