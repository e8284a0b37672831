import { useId, useSyncExternalStore } from 'react';
import type { SuggestionInBody, SuggestionMeta } from '../../../shared/review';
import type { ReviewController } from './review-controller';
import { SuggestionCard } from './suggestion-card';
import { CommentForm, ThreadCard } from './thread-card';

interface CommentsPanelProps {
  controller: ReviewController;
  /** The body's marks as read a beat after typing: what is anchored, what is in the body. */
  inBody: {
    suggestions: ReadonlyMap<string, SuggestionInBody>;
    comments: ReadonlyMap<string, string>;
  };
}

/** A body suggestion is detached once its marks are gone; a field one never is. */
const isDetached = (meta: SuggestionMeta, inBody: CommentsPanelProps['inBody']) =>
  meta.field === 'body' && !inBody.suggestions.has(meta.id);

/** The review side panel: suggestions to decide, then the comment threads. */
export function CommentsPanel({ controller, inBody }: CommentsPanelProps) {
  const { model } = controller;
  const { review, ui } = useSyncExternalStore(model.subscribe, model.getSnapshot);
  const headingId = useId();
  const showResolvedId = useId();
  const threads = review.threads.filter((t) => ui.showResolved || !t.resolved);
  const resolvedCount = review.threads.filter((t) => t.resolved).length;
  const open = review.suggestions.filter((meta) => !isDetached(meta, inBody));
  return (
    <aside className="review-panel" aria-labelledby={headingId} tabIndex={-1} id="review-panel">
      <div className="review-panel-head">
        <h2 className="panel-title" id={headingId}>
          Comments
        </h2>
        {ui.suggesting && <span className="review-mode">Suggesting as {model.current()}</span>}
      </div>

      {ui.pending && (
        <div className="review-card thread-card active">
          <blockquote className="review-quote">{ui.pending.quote}</blockquote>
          <CommentForm
            label="Comment"
            submitLabel="Comment"
            onSubmit={(text) => controller.submitPending(text)}
            onCancel={() => controller.cancelPending()}
          />
        </div>
      )}

      {review.suggestions.length > 0 && (
        <section className="review-section" aria-label="Suggestions">
          <div className="review-section-head">
            <h3>
              Suggestions <span className="review-count">{open.length}</span>
            </h3>
            <div className="review-actions">
              <button
                type="button"
                className="button small"
                disabled={open.length === 0}
                onClick={() => controller.decideAll(true)}
              >
                Accept all
              </button>
              <button
                type="button"
                className="button small subtle"
                disabled={open.length === 0}
                onClick={() => controller.decideAll(false)}
              >
                Reject all
              </button>
            </div>
          </div>
          {review.suggestions.map((meta) => {
            const standing = controller.standing(meta);
            return (
              <SuggestionCard
                key={meta.id}
                meta={meta}
                detached={isDetached(meta, inBody)}
                standing={standing}
                onAccept={() => void controller.decide(meta, true, { replace: standing.changed })}
                onReject={() => controller.decide(meta, false)}
                onDismiss={() => controller.dismiss(meta)}
                onShow={() => controller.show(meta)}
              />
            );
          })}
        </section>
      )}

      <section className="review-section" aria-label="Threads">
        <div className="review-section-head">
          <h3>
            Threads <span className="review-count">{review.threads.length - resolvedCount}</span>
          </h3>
          <label className="check review-check" htmlFor={showResolvedId}>
            <input
              id={showResolvedId}
              type="checkbox"
              checked={ui.showResolved}
              onChange={(event) => model.setUi({ showResolved: event.target.checked })}
            />
            Show resolved{resolvedCount > 0 ? ` (${resolvedCount})` : ''}
          </label>
        </div>
        {threads.length === 0 && !ui.pending && (
          <p className="review-empty">
            Select words in the body and choose Comment to start a thread.
          </p>
        )}
        {threads.map((thread) => (
          <ThreadCard
            key={thread.id}
            thread={thread}
            active={ui.activeThreadId === thread.id}
            detached={!inBody.comments.has(thread.id)}
            onActivate={() => controller.activate(thread.id)}
            onReply={(text) => void controller.reply(thread.id, text)}
            onResolve={() => void controller.resolve(thread.id)}
            onReopen={() => model.reopen(thread.id)}
          />
        ))}
      </section>
    </aside>
  );
}
