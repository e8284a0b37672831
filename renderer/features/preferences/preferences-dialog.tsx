import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  THEMES,
  type PreferencesUpdate,
  type PreferencesView,
  type SpellcheckLanguage,
  type Theme,
} from '../../../shared/preferences-schema';
import type { StoreMoveResult } from '../../../shared/preferences-schema';
import type { Taxonomies } from '../../../shared/schemas';
import { toPickerOptions, type PickerOption } from '../../lib/terms';
import { applyTheme } from './theme';

const THEME_LABELS: Record<Theme, string> = {
  light: 'Light',
  dark: 'Dark',
  system: 'Same as the system',
};

const SPELLING_LABELS: Record<SpellcheckLanguage, string> = {
  release: 'The release’s own language',
  en: 'English',
  fr: 'French',
  de: 'German',
  ru: 'Russian',
};

const optionText = (option: PickerOption): string =>
  option.context ? `${option.label} — ${option.context}` : option.label;

interface PreferencesDialogProps {
  preferences: PreferencesView;
  taxonomies: Taxonomies;
  onSave: (patch: PreferencesUpdate) => Promise<unknown>;
  /** Saves pending edits, then moves the store (desktop only). */
  onMoveStore: () => Promise<StoreMoveResult>;
  onClose: () => void;
}

/** The officer's preferences. The theme shows as it is chosen; Cancel puts the old one back. */
export function PreferencesDialog({
  preferences,
  taxonomies,
  onSave,
  onMoveStore,
  onClose,
}: PreferencesDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const ids = { name: useId(), place: useId(), source: useId(), spelling: useId(), store: useId() };
  const [officerName, setOfficerName] = useState(preferences.officerName);
  const [placeId, setPlaceId] = useState(preferences.defaultPlaceId ?? '');
  const [sourceId, setSourceId] = useState(preferences.defaultSourceId ?? '');
  const [spelling, setSpelling] = useState<SpellcheckLanguage>(preferences.spellcheckLanguage);
  const [theme, setTheme] = useState<Theme>(preferences.theme);
  const [error, setError] = useState<string | null>(null);
  const [storeMessage, setStoreMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const places = useMemo(() => {
    const country = new Map(taxonomies.countries.map((term) => [term.id, term.label]));
    const countryOf = new Map(taxonomies.places.map((place) => [place.id, place.countryId]));
    return toPickerOptions(taxonomies.places, (term) => {
      const id = countryOf.get(term.id);
      return id ? country.get(id) : undefined;
    });
  }, [taxonomies]);
  const sources = useMemo(() => toPickerOptions(taxonomies.sources), [taxonomies]);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const cancel = () => {
    applyTheme(preferences.theme);
    onClose();
  };

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSave({
        officerName: officerName.trim(),
        defaultPlaceId: placeId || null,
        defaultSourceId: sourceId || null,
        spellcheckLanguage: spelling,
        theme,
      });
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  const moveStore = async () => {
    setBusy(true);
    setError(null);
    setStoreMessage(null);
    try {
      const result = await onMoveStore();
      if (result.status === 'moved') {
        setStoreMessage(
          result.openedExisting
            ? `Now using the store that was already in ${result.storePath}. The previous store stays in ${result.previousPath}.`
            : `The store was copied to ${result.storePath}, checked, and is now in use. The old folder ${result.previousPath} is kept; remove it once you are satisfied.`,
        );
      }
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog preferences"
      aria-labelledby={`${ids.name}-title`}
      onCancel={(event) => {
        event.preventDefault();
        cancel();
      }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h2 id={`${ids.name}-title`}>Preferences</h2>
        <div className="preferences-grid">
          <label className="field-label" htmlFor={ids.name}>
            Officer’s name
          </label>
          <input
            id={ids.name}
            className="text-input"
            value={officerName}
            maxLength={120}
            autoComplete="name"
            onChange={(event) => setOfficerName(event.target.value)}
          />

          <label className="field-label" htmlFor={ids.place}>
            Default place
          </label>
          <select
            id={ids.place}
            className="text-input"
            value={placeId}
            onChange={(event) => setPlaceId(event.target.value)}
          >
            <option value="">None</option>
            {places.map((option) => (
              <option key={option.id} value={option.id}>
                {optionText(option)}
              </option>
            ))}
          </select>

          <label className="field-label" htmlFor={ids.source}>
            Default source
          </label>
          <select
            id={ids.source}
            className="text-input"
            value={sourceId}
            onChange={(event) => setSourceId(event.target.value)}
          >
            <option value="">None</option>
            {sources.map((option) => (
              <option key={option.id} value={option.id}>
                {optionText(option)}
              </option>
            ))}
          </select>
          <p className="preferences-hint">
            New blank releases start with this place and source; templates bring their own.
          </p>

          <label className="field-label" htmlFor={ids.spelling}>
            Spell-check language
          </label>
          <select
            id={ids.spelling}
            className="text-input"
            value={spelling}
            disabled={!preferences.canChooseSpellcheckLanguage}
            onChange={(event) => setSpelling(event.target.value as SpellcheckLanguage)}
          >
            {(Object.keys(SPELLING_LABELS) as SpellcheckLanguage[]).map((code) => (
              <option key={code} value={code}>
                {SPELLING_LABELS[code]}
              </option>
            ))}
          </select>
          {!preferences.canChooseSpellcheckLanguage && (
            <p className="preferences-hint">
              Here the system’s or the browser’s spell checker chooses the language itself.
            </p>
          )}

          <fieldset className="preferences-theme">
            <legend className="field-label">Theme</legend>
            {THEMES.map((option) => (
              <label key={option} className="check">
                <input
                  type="radio"
                  name="theme"
                  value={option}
                  checked={theme === option}
                  onChange={() => {
                    setTheme(option);
                    applyTheme(option);
                  }}
                />
                {THEME_LABELS[option]}
              </label>
            ))}
          </fieldset>

          <label className="field-label" htmlFor={ids.store}>
            Store location
          </label>
          <div className="preferences-store">
            <output id={ids.store} className="preferences-path">
              {preferences.activeStorePath}
            </output>
            {preferences.canMoveStore && (
              <button
                type="button"
                className="button small"
                disabled={busy}
                onClick={() => void moveStore()}
              >
                Move store…
              </button>
            )}
          </div>
          <p className="preferences-hint">
            {preferences.canMoveStore
              ? 'The store is copied to the folder you choose and checked before it is used; the old folder is kept until you remove it.'
              : 'The store can be moved in the desktop app.'}
          </p>
          {storeMessage && (
            <p className="preferences-hint" role="status">
              {storeMessage}
            </p>
          )}
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button subtle" onClick={cancel}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            Save preferences
          </button>
        </div>
      </form>
    </dialog>
  );
}
