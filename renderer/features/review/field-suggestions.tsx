import type { SuggestionMeta } from '../../../shared/review';
import { colourStyle } from './review-colours';
import { SuggestionText } from './suggestion-card';

/**
 * Under the headline or the summary: each reviewer's proposal for it, word by word. The
 * decision is taken in the Comments panel, beside the body's suggestions.
 */
export function FieldSuggestions({ suggestions }: { suggestions: readonly SuggestionMeta[] }) {
  if (suggestions.length === 0) return null;
  return (
    <ul className="field-suggestions" aria-label="Suggested changes">
      {suggestions.map((meta) => (
        <li key={meta.id} className="field-suggestion" style={colourStyle(meta.author)}>
          <span className="field-suggestion-by">Suggested by {meta.author}</span>
          <SuggestionText meta={meta} />
        </li>
      ))}
    </ul>
  );
}
