import { useRef, useState } from 'react';
import { ExportPreviewDialog } from './export-preview-dialog';
import { importFiles } from './import-files';

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
  onImported: () => void;
}) {
  const [previewing, setPreviewing] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const runImport = async (files: File[]) => {
    if (files.length === 0) return;
    setBusy(`Importing ${files.length} file${files.length === 1 ? '' : 's'}…`);
    try {
      const summary = await importFiles(files);
      const warnings = summary.imported.flatMap((row) =>
        row.warnings.map((w) => `${row.name}: ${w}`),
      );
      onNotice(
        summary.failed.length ? 'error' : 'success',
        [
          `${summary.imported.length} imported, ${summary.failed.length} failed.`,
          ...summary.failed.map((row) => row.error),
          ...warnings,
        ].join('\n'),
      );
      onImported();
    } catch (error) {
      onNotice('error', error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div
      className="transfer-bar"
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        void runImport([...event.dataTransfer.files]);
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
      <button type="button" className="button subtle" onClick={() => input.current?.click()}>
        Import files…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept=".md,.markdown,.html,.htm"
        aria-label="Files to import"
        onChange={(event) => {
          void runImport([...(event.currentTarget.files ?? [])]);
          event.currentTarget.value = '';
        }}
      />
      {busy && (
        <progress aria-label={busy} title={busy}>
          {busy}
        </progress>
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
