import { useEffect, useId, useRef, useState } from 'react';
import { COMMAND_SPECS } from '../../../shared/contract';
import { describeAccelerator } from './accelerator';
import { filterCommands, type PaletteCommand } from './palette-items';
import './command-palette.css';

/** The command palette: type to filter, arrows to choose, Enter to run, Escape to leave. */
export function CommandPalette({
  mac,
  isEnabled,
  onRun,
  onClose,
}: {
  mac: boolean;
  isEnabled: (command: PaletteCommand) => boolean;
  onRun: (command: PaletteCommand) => void;
  onClose: () => void;
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const matches = filterCommands(query);
  const current = matches[Math.min(active, matches.length - 1)];

  useEffect(() => inputRef.current?.focus(), []);

  const run = (command: PaletteCommand | undefined) => {
    if (!command || !isEnabled(command)) return;
    onClose();
    onRun(command);
  };

  return (
    <div className="palette-backdrop" onMouseDown={onClose}>
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label="Command palette"
        onMouseDown={(event) => event.stopPropagation()}
      >
        <input
          ref={inputRef}
          className="palette-input"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={current ? `${listId}-${current}` : undefined}
          aria-label="Command"
          placeholder="Type a command…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onClose();
            else if (event.key === 'ArrowDown')
              setActive((i) => (i + 1) % Math.max(matches.length, 1));
            else if (event.key === 'ArrowUp')
              setActive((i) => (i - 1 + matches.length) % Math.max(matches.length, 1));
            else if (event.key === 'Enter') run(current);
            else return;
            event.preventDefault();
          }}
        />
        <ul id={listId} role="listbox" className="palette-list" aria-label="Commands">
          {matches.length === 0 && <li className="palette-empty">No command matches.</li>}
          {matches.map((command) => {
            const spec = COMMAND_SPECS[command];
            const enabled = isEnabled(command);
            return (
              <li
                key={command}
                id={`${listId}-${command}`}
                role="option"
                aria-selected={command === current}
                aria-disabled={!enabled}
                className="palette-item"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => run(command)}
              >
                <span>{spec.label}</span>
                {spec.accelerator && (
                  <kbd className="palette-key">{describeAccelerator(spec.accelerator, mac)}</kbd>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
