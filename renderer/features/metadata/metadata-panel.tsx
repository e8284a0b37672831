import { memo, useId, useMemo } from 'react';
import { datelineDateDiffers, datelineFor } from '../../../shared/dateline';
import {
  LANGUAGES,
  type Language,
  type ReleaseMeta,
  type Taxonomies,
} from '../../../shared/schemas';
import { TermPicker } from '../../components/term-picker';
import { toPickerOptions } from '../../lib/terms';
import { EmbargoField } from './embargo-field';
import { TranslationsField } from './translations-field';

export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  ru: 'Русский (Russian)',
  fr: 'Français (French)',
  de: 'Deutsch (German)',
};

interface MetadataPanelProps {
  /** The release whose metadata this is: it cannot be its own translation. */
  releaseId: string;
  meta: ReleaseMeta;
  taxonomies: Taxonomies;
  onChange: (meta: ReleaseMeta) => void;
}

export const MetadataPanel = memo(function MetadataPanel({
  releaseId,
  meta,
  taxonomies,
  onChange,
}: MetadataPanelProps) {
  const dateId = useId();
  const datelineDateId = useId();
  const languageId = useId();
  const countryToggleId = useId();
  const options = useMemo(() => {
    const countryLabel = new Map(taxonomies.countries.map((c) => [c.id, c.label]));
    const placeCountry = new Map(taxonomies.places.map((p) => [p.id, p.countryId]));
    return {
      contentTypes: toPickerOptions(taxonomies.contentTypes),
      places: toPickerOptions(taxonomies.places, (term) => {
        const countryId = placeCountry.get(term.id);
        return countryId ? countryLabel.get(countryId) : undefined;
      }),
      sources: toPickerOptions(taxonomies.sources),
      fieldsOfWork: toPickerOptions(taxonomies.fieldsOfWork),
      countries: toPickerOptions(taxonomies.countries),
    };
  }, [taxonomies]);
  const dateline = datelineFor(meta, taxonomies);
  const set = (patch: Partial<ReleaseMeta>) => onChange({ ...meta, ...patch });

  return (
    <aside className="meta-panel" aria-label="Metadata">
      <h2 className="panel-title">Metadata</h2>
      <section className="dateline-card" aria-label="Dateline">
        <span className="field-label">Dateline</span>
        <output className={dateline ? 'dateline-text' : 'dateline-text missing'}>
          {dateline ?? 'Choose a place and a date'}
        </output>
      </section>
      <TermPicker
        label="Content type"
        single
        options={options.contentTypes}
        value={meta.contentTypeId ? [meta.contentTypeId] : []}
        onChange={(ids) => set({ contentTypeId: ids[0] ?? null })}
      />
      <div className="field-pair">
        <div className="field" data-field="date">
          <label className="field-label" htmlFor={dateId}>
            Date
          </label>
          <input
            id={dateId}
            type="date"
            className="text-input"
            value={meta.date ?? ''}
            onChange={(event) => set({ date: event.target.value || null })}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={languageId}>
            Language
          </label>
          <select
            id={languageId}
            className="text-input"
            value={meta.language}
            onChange={(event) => set({ language: event.target.value as Language })}
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {LANGUAGE_NAMES[language]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={datelineDateId}>
          Dateline date, if different
        </label>
        <input
          id={datelineDateId}
          type="date"
          className="text-input"
          value={meta.datelineDate ?? ''}
          onChange={(event) => set({ datelineDate: event.target.value || null })}
        />
        {datelineDateDiffers(meta) && (
          <span className="field-warning" role="status">
            The dateline date differs from the publishing date.
          </span>
        )}
      </div>
      <TermPicker
        label="Place"
        options={options.places}
        value={meta.placeIds}
        onChange={(placeIds) => set({ placeIds })}
      />
      <div className="check">
        <input
          id={countryToggleId}
          type="checkbox"
          checked={meta.datelineCountry}
          onChange={(event) => set({ datelineCountry: event.target.checked })}
        />
        <label htmlFor={countryToggleId}>Country in dateline</label>
      </div>
      <TermPicker
        label="Source"
        options={options.sources}
        value={meta.sourceIds}
        onChange={(sourceIds) => set({ sourceIds })}
      />
      <TermPicker
        label="Fields of work"
        options={options.fieldsOfWork}
        value={meta.fieldOfWorkIds}
        onChange={(fieldOfWorkIds) => set({ fieldOfWorkIds })}
      />
      <TermPicker
        label="Countries"
        options={options.countries}
        value={meta.countryIds}
        onChange={(countryIds) => set({ countryIds })}
      />
      <EmbargoField value={meta.embargo} onChange={(embargo) => set({ embargo })} />
      <TranslationsField
        selfId={releaseId}
        value={meta.translationIds}
        onChange={(translationIds) => set({ translationIds })}
      />
    </aside>
  );
});
