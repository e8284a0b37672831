import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface MenuEntry {
  key: string;
  label: string;
  /** Secondary text beside the label; decoration, not part of the item's name. */
  hint?: string;
  /** Draw a rule above this entry. */
  separated?: boolean;
  run: () => void;
}

interface MenuButtonProps {
  label: ReactNode;
  entries: readonly MenuEntry[];
  className?: string;
  disabled?: boolean;
  /** Which edge of the button the menu lines up with. */
  align?: 'left' | 'right';
}

/**
 * A button that opens a menu (the ARIA menu-button pattern): the first item takes focus, arrows
 * move, Escape or a click elsewhere closes it, choosing an item closes it and runs it.
 */
export function MenuButton({
  label,
  entries,
  className = 'button',
  disabled,
  align = 'right',
}: MenuButtonProps) {
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
        className={className}
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabled}
        onClick={() => setOpen(!open)}
      >
        {label}
      </button>
      {open && (
        <ul
          ref={menuRef}
          role="menu"
          aria-label={typeof label === 'string' ? label : undefined}
          className={align === 'left' ? 'menu menu-left' : 'menu'}
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
          {entries.map((entry) => [
            entry.separated ? (
              <li key={`${entry.key}-rule`} role="separator" className="menu-separator" />
            ) : null,
            <li key={entry.key} role="none">
              <button
                type="button"
                role="menuitem"
                className="menu-item"
                onClick={() => {
                  setOpen(false);
                  entry.run();
                }}
              >
                <span>{entry.label}</span>
                {entry.hint && (
                  <span className="menu-hint" aria-hidden="true">
                    {entry.hint}
                  </span>
                )}
              </button>
            </li>,
          ])}
        </ul>
      )}
    </div>
  );
}
