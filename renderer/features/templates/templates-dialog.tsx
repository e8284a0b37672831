import { useEffect, useId, useRef, useState } from 'react';
import type { Template } from '../../../shared/template-schema';
import { api } from '../../api/client';

interface TemplatesDialogProps {
  templates: readonly Template[];
  /** The open release, which an own template can be updated from. */
  openDraftId: string | null;
  onChanged: () => void;
  onClose: () => void;
  onError: (error: unknown) => void;
}

function TemplateRow({
  template,
  openDraftId,
  onChanged,
  onError,
}: Omit<TemplatesDialogProps, 'templates' | 'onClose'> & { template: Template }) {
  const nameId = useId();
  const [name, setName] = useState(template.name);
  const run = (action: () => Promise<unknown>) => () => void action().then(onChanged, onError);
  return (
    <li className="template-row">
      <label className="field-label" htmlFor={nameId}>
        Name
      </label>
      <input
        id={nameId}
        className="text-input"
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <button
        type="button"
        className="button small"
        disabled={!name.trim() || name.trim() === template.name}
        onClick={run(() => api['templates:update']({ id: template.id, name: name.trim() }))}
      >
        Rename
      </button>
      {openDraftId && (
        <button
          type="button"
          className="button small"
          onClick={run(() =>
            api['templates:update']({ id: template.id, fromDraftId: openDraftId }),
          )}
        >
          Update from open release
        </button>
      )}
      <button
        type="button"
        className="button small"
        onClick={run(() => api['templates:delete']({ id: template.id }))}
      >
        Delete
      </button>
    </li>
  );
}

/** The officer's own templates: rename, update from the open release, delete. */
export function TemplatesDialog({
  templates,
  openDraftId,
  onChanged,
  onClose,
  onError,
}: TemplatesDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const own = templates.filter((t) => !t.builtin);
  return (
    <dialog ref={ref} className="dialog" aria-label="Templates" onClose={onClose}>
      <h2>Your templates</h2>
      {own.length === 0 ? (
        <p className="muted">
          No templates of your own yet. Open a release and choose “Save as template”.
        </p>
      ) : (
        <ul className="template-list">
          {own.map((template) => (
            <TemplateRow
              key={template.id}
              template={template}
              openDraftId={openDraftId}
              onChanged={onChanged}
              onError={onError}
            />
          ))}
        </ul>
      )}
      <p className="muted">
        Built-in templates:{' '}
        {templates
          .filter((t) => t.builtin)
          .map((t) => t.name)
          .join(', ')}
        .
      </p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
