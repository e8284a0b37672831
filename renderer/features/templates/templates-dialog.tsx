import { useEffect, useId, useRef, useState } from 'react';
import type { Template } from '../../../shared/template-schema';

interface TemplatesDialogProps {
  templates: readonly Template[];
  /** The open release, which an own template can be updated from. */
  openDraftId: string | null;
  /** Each puts main's answer in the list (and tells of a failure) itself. */
  onRename: (id: string, name: string) => Promise<void>;
  onUpdateFrom: (id: string, draftId: string) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
  onClose: () => void;
}

function TemplateRow({
  template,
  openDraftId,
  onRename,
  onUpdateFrom,
  onDelete,
}: Omit<TemplatesDialogProps, 'templates' | 'onClose'> & { template: Template }) {
  const nameId = useId();
  const [name, setName] = useState(template.name);
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
        onClick={() => void onRename(template.id, name.trim())}
      >
        Rename
      </button>
      {openDraftId && (
        <button
          type="button"
          className="button small"
          onClick={() => void onUpdateFrom(template.id, openDraftId)}
        >
          Update from open release
        </button>
      )}
      <button type="button" className="button small" onClick={() => void onDelete(template.id)}>
        Delete
      </button>
    </li>
  );
}

/** The officer's own templates: rename, update from the open release, delete. */
export function TemplatesDialog({ templates, onClose, ...actions }: TemplatesDialogProps) {
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
            <TemplateRow key={template.id} template={template} {...actions} />
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
