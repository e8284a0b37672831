import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { filterOptions, type PickerOption } from '../lib/terms';

interface TermPickerProps {
  label: string;
  options: readonly PickerOption[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
  /** One value at most: choosing another replaces it. */
  single?: boolean;
  placeholder?: string;
}

/**
 * A searchable picker over a taxonomy (the ARIA combobox pattern): type to filter, arrows to
 * move, Enter to choose, Backspace on an empty field to remove the last choice.
 */
export function TermPicker({
  label,
  options,
  value,
  onChange,
  single = false,
  placeholder,
}: TermPickerProps) {
  const inputId = useId();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);

  const byId = useMemo(() => new Map(options.map((option) => [option.id, option])), [options]);
  const chosen = value.map(
    (id) => byId.get(id) ?? { id, label: id, context: 'Not in the taxonomy', haystack: id },
  );
  const matches = useMemo(
    () => filterOptions(options, query).filter((option) => !value.includes(option.id)),
    [options, query, value],
  );

  const choose = (option: PickerOption | undefined) => {
    if (!option) return;
    onChange(single ? [option.id] : [...value, option.id]);
    setQuery('');
    setActive(0);
    if (single) setOpen(false);
  };
  const remove = (id: string) => onChange(value.filter((v) => v !== id));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, Math.max(matches.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      if (open && matches.length > 0) {
        event.preventDefault();
        choose(matches[active]);
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        setOpen(false);
      }
    } else if (event.key === 'Backspace' && query === '' && value.length > 0) {
      const last = value[value.length - 1];
      if (last) remove(last);
    }
  };

  const activeOption = open ? matches[active] : undefined;
  return (
    <div className="picker">
      <label className="field-label" htmlFor={inputId}>
        {label}
      </label>
      {chosen.length > 0 && (
        <ul className="chips" aria-label={`${label}: chosen`}>
          {chosen.map((option) => (
            <li key={option.id} className="chip" title={option.context || option.label}>
              <span className="chip-label">{option.label}</span>
              <button
                type="button"
                className="chip-remove"
                onClick={() => remove(option.id)}
                aria-label={`Remove ${option.label}`}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="picker-box">
        <input
          ref={inputRef}
          id={inputId}
          className="picker-input"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeOption ? `${listId}-${activeOption.id}` : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={
            placeholder ?? (single && value.length ? 'Type to change…' : 'Type to search…')
          }
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {open && (
          <ul
            id={listId}
            role="listbox"
            className="picker-list"
            aria-label={`${label} suggestions`}
          >
            {matches.length === 0 && <li className="picker-empty">No match</li>}
            {matches.map((option, index) => (
              <li
                key={option.id}
                id={`${listId}-${option.id}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'picker-option active' : 'picker-option'}
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => setActive(index)}
                onClick={() => choose(option)}
              >
                <span className="option-label">{option.label}</span>
                {option.context && <span className="option-context">{option.context}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
