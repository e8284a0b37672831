import { useId } from 'react';
import { countText } from '../../../shared/writing/counts';

export const LEAD_GUIDE = 160;

/** The summary under the headline, with the length guide the house style sets. */
export function LeadField({
  value,
  language,
  onChange,
}: {
  value: string;
  language: string;
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
      <textarea
        id={id}
        className="lead-input"
        rows={2}
        lang={language}
        value={value}
        placeholder="Optional: the release in two sentences, for listings and previews"
        aria-describedby={guideId}
        aria-invalid={over}
        onChange={(event) => onChange(event.target.value.replace(/\n/g, ' '))}
      />
      <span id={guideId} className={over ? 'lead-guide over' : 'lead-guide'}>
        {over
          ? `${length} / ${LEAD_GUIDE} characters — shorten it for listings`
          : `${length} / ${LEAD_GUIDE} characters`}
      </span>
    </div>
  );
}
