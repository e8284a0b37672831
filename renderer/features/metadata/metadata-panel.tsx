import { useId, useMemo } from 'react';
import { datelineFor } from '../../../shared/dateline';
import type { ReleaseMeta, Taxonomies } from '../../../shared/schemas';
import { TermPicker } from '../../components/term-picker';
import { toPickerOptions } from '../../lib/terms';

interface MetadataPanelProps {
  meta: ReleaseMeta;
  taxonomies: Taxonomies;
  onChange: (meta: ReleaseMeta) => void;
}

export function MetadataPanel({ meta, taxonomies, onChange }: MetadataPanelProps) {
  const dateId = useId();
  const countryToggleId = useId();
  const options = useMemo(() => {
    const countryLabel = new Map(taxonomies.countries.map((c) => [c.id, c.label]));
    return {
      contentTypes: toPickerOptions(taxonomies.contentTypes),
      places: toPickerOptions(taxonomies.places, (term) => {
        const place = taxonomies.places.find((p) => p.id === term.id);
        return place?.countryId ? countryLabel.get(place.countryId) : undefined;
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
      <div className="field">
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
    </aside>
  );
}
