import type { SuggestionMeta } from '../../../shared/review';
import { colourStyle } from './review-colours';
import { Byline } from './thread-card';
import { wordDiff } from './word-diff';

const KIND_LABEL: Record<SuggestionMeta['kind'], string> = {
  insert: 'Insert',
  delete: 'Delete',
  format: 'Formatting',
  replace: 'Replace',
};

const FIELD_LABEL = { headline: 'Headline', lead: 'Summary', body: 'Body' } as const;

const clip = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** The words a suggestion changes, inserted underlined and deleted struck through. */
export function SuggestionText({ meta }: { meta: SuggestionMeta }) {
  if (meta.kind === 'replace' && meta.previous !== null) {
    const parts =
      meta.field === 'body'
        ? [
            { kind: 'deleted' as const, text: meta.previous },
            { kind: 'inserted' as const, text: meta.text },
          ]
        : wordDiff(meta.previous, meta.text);
    return (
      <p className="review-change">
        {parts.map((part, index) =>
          part.kind === 'inserted' ? (
            <ins key={index}>{clip(part.text)}</ins>
          ) : part.kind === 'deleted' ? (
            <del key={index}>{clip(part.text)}</del>
          ) : (
            <span key={index}>{clip(part.text)}</span>
          ),
        )}
      </p>
    );
  }
  const text = clip(meta.text.trim() || meta.text) || '(a line break)';
  return (
    <p className="review-change">
      {meta.kind === 'delete' ? (
        <del>{text}</del>
      ) : meta.kind === 'insert' ? (
        <ins>{text}</ins>
      ) : (
        <span>{text}</span>
      )}
    </p>
  );
}

interface SuggestionCardProps {
  meta: SuggestionMeta;
  detached: boolean;
  /**
   * A headline or summary suggestion against a field written on since (Accept becomes
   * "Replace with suggestion"), or one of several for the field: what the card says.
   */
  standing?: { changed: boolean; note: string | null };
  onAccept: () => void;
  onReject: () => void;
  onDismiss: () => void;
  onShow: () => void;
}

/** One suggestion, in its author's colour, with the author's decision on it. */
export function SuggestionCard({ meta, detached, standing, ...actions }: SuggestionCardProps) {
  const where = meta.field === 'body' ? KIND_LABEL[meta.kind] : `${FIELD_LABEL[meta.field]}`;
  return (
    <article
      className={detached ? 'review-card suggestion-card detached' : 'review-card suggestion-card'}
      style={colourStyle(meta.author)}
      aria-label={`Suggestion by ${meta.author}: ${where.toLowerCase()} “${clip(meta.text, 60)}”`}
      onClick={(event) => {
        if (!(event.target as HTMLElement).closest('button')) actions.onShow();
      }}
    >
      <div className="review-card-head">
        <Byline author={meta.author} at={meta.at} />
        <span className="review-kind">{where}</span>
      </div>
      <SuggestionText meta={meta} />
      {detached ? (
        <div className="review-actions">
          <span className="review-badge detached">Detached</span>
          <span className="review-note">Its words were changed since.</span>
          <button type="button" className="button small subtle" onClick={actions.onDismiss}>
            Dismiss
          </button>
        </div>
      ) : (
        <div className="review-actions">
          {standing?.note && <span className="review-note">{standing.note}</span>}
          <button type="button" className="button small" onClick={actions.onAccept}>
            {standing?.changed ? 'Replace with suggestion' : 'Accept'}
          </button>
          <button type="button" className="button small subtle" onClick={actions.onReject}>
            Reject
          </button>
        </div>
      )}
    </article>
  );
}
