import { useId } from 'react';
import type { Language } from '../../../shared/schemas';
import { countText } from '../../../shared/writing/counts';
import { LineField } from '../../components/line-field';

export const LEAD_GUIDE = 160;

/** The summary under the headline, with the length guide the house style sets. */
export function LeadField({
  value,
  language,
  onChange,
}: {
  value: string;
  language: Language;
  onChange: (lead: string) => void;
}) {
  const id = useId();
  const guideId = useId();
  const length = countText(value, language).characters;
  const over = length > LEAD_GUIDE;
  return (
    <div className="lead-field">
      <label className="field-label" htmlFor={id}>
        Summary
      </label>
      <LineField
        id={id}
        className="lead-input"
        rows={2}
        language={language}
        value={value}
        placeholder="Optional: the release in two sentences, for listings and previews"
        aria-describedby={guideId}
        aria-invalid={over}
        onChange={onChange}
      />
      <span id={guideId} className={over ? 'lead-guide over' : 'lead-guide'}>
        {over
          ? `${length} / ${LEAD_GUIDE} characters — shorten it for listings`
          : `${length} / ${LEAD_GUIDE} characters`}
      </span>
    </div>
  );
}
