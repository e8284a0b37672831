import { useEffect, useState } from 'react';
import type { DraftSummary } from '../../../shared/schemas';
import { api } from '../../api/client';
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

/** Other releases that are this one in another language, picked from the library. */
export function TranslationsField({
  selfId,
  value,
  onChange,
}: {
  selfId: string;
  value: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const [options, setOptions] = useState<PickerOption[]>([]);
  useEffect(() => {
    let live = true;
    api['drafts:list']({ view: 'active' })
      .then((list) => live && setOptions(list.filter((s) => s.id !== selfId).map(toOption)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [selfId]);
  return (
    <TermPicker
      label="Translations"
      options={options}
      value={value}
      onChange={onChange}
      placeholder="Find the release in another language…"
    />
  );
}
