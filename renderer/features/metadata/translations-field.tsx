import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LibraryEntry } from '../../app/reducers';
import { useApp } from '../../app/store';
import type { DraftSummary } from '../../../shared/schemas';
import { TermPicker } from '../../components/term-picker';
import { headlineOrUntitled, houseDate } from '../../lib/format';
import type { PickerOption } from '../../lib/terms';

const LANGUAGE_LABELS: Record<string, string> = {
  en: 'English',
  ru: 'Russian',
  fr: 'French',
  de: 'German',
};

const toOption = (summary: DraftSummary): PickerOption => {
  const label = headlineOrUntitled(summary.headline);
  const context = `${LANGUAGE_LABELS[summary.language] ?? summary.language} · ${houseDate(summary.date)}`;
  return { id: summary.id, label, context, haystack: `${label} ${context}`.toLocaleLowerCase() };
};

const noLibrary: ReadonlyMap<string, LibraryEntry> = new Map();

/**
 * Other releases that are this one in another language, picked from the library. The whole
 * library is read only while the officer is in the field; otherwise only the chosen releases,
 * so saves elsewhere in the library do not re-render the editor's metadata.
 */
export function TranslationsField({
  selfId,
  value,
  onChange,
}: {
  selfId: string;
  value: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const [searching, setSearching] = useState(false);
  const chosen = useApp(
    useShallow((state) => value.map((id) => state.library.byId.get(id)?.summary)),
  );
  const library = useApp((state) => (searching ? state.library.byId : noLibrary));
  const options = useMemo(() => {
    const list: PickerOption[] = [];
    const seen = new Set<string>();
    for (const summary of chosen) {
      if (summary) {
        list.push(toOption(summary));
        seen.add(summary.id);
      }
    }
    const others = [...library.values()].filter(
      ({ summary }) => summary.id !== selfId && summary.trashedAt === null && !seen.has(summary.id),
    );
    // Newest first, as the library lists them by default.
    others.sort((a, b) => b.changedAt - a.changedAt);
    for (const { summary } of others) list.push(toOption(summary));
    return list;
  }, [chosen, library, selfId]);
  return (
    <div
      onFocus={() => setSearching(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setSearching(false);
      }}
    >
      <TermPicker
        label="Translations"
        options={options}
        value={value}
        onChange={onChange}
        placeholder="Find the release in another language…"
      />
    </div>
  );
}
