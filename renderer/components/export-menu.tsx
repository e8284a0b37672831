import { useEffect, useRef, useState } from 'react';
import type { ExportFormat } from '../../shared/schemas';

const FORMATS: { format: ExportFormat; label: string; hint: string }[] = [
  { format: 'md', label: 'Markdown', hint: '.md with YAML front matter' },
  { format: 'html', label: 'HTML', hint: '.html document' },
];

/** The "Export" button and its menu of formats (the ARIA menu-button pattern). */
export function ExportMenu({
  disabled,
  onExport,
}: {
  disabled: boolean;
  onExport: (format: ExportFormat) => void;
}) {
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (open) menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  return (
    <div
      className="menu-button"
      onBlur={(event) => !event.currentTarget.contains(event.relatedTarget) && setOpen(false)}
    >
      <button
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabled}
        onClick={() => setOpen(!open)}
      >
        Export
      </button>
      {open && (
        <ul
          ref={menuRef}
          role="menu"
          className="menu"
          aria-label="Export"
          onKeyDown={(event) => {
            const items = [
              ...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []),
            ];
            const index = items.indexOf(document.activeElement as HTMLElement);
            if (event.key === 'Escape') setOpen(false);
            if (event.key === 'ArrowDown') items[(index + 1) % items.length]?.focus();
            if (event.key === 'ArrowUp') items[(index - 1 + items.length) % items.length]?.focus();
          }}
        >
          {FORMATS.map(({ format, label, hint }) => (
            <li key={format} role="none">
              <button
                type="button"
                role="menuitem"
                className="menu-item"
                onClick={() => {
                  setOpen(false);
                  onExport(format);
                }}
              >
                <span>{label}</span>
                <span className="menu-hint" aria-hidden="true">
                  {hint}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
