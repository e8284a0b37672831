import { useId, useState, type FormEvent } from 'react';
import type { Thread } from '../../../shared/review';
import { sinceLabel } from '../../lib/format';
import { colourStyle } from './review-colours';

export function Byline({ author, at }: { author: string; at: string }) {
  return (
    <div className="review-byline">
      <span className="review-dot" style={colourStyle(author)} aria-hidden="true" />
      <span className="review-author">{author}</span>
      <time className="review-time" dateTime={at} title={new Date(at).toLocaleString()}>
        {sinceLabel(at)}
      </time>
    </div>
  );
}

export function CommentForm({
  label,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  label: string;
  submitLabel: string;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) onSubmit(text.trim());
  };
  return (
    <form className="review-form" onSubmit={submit}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="review-textarea"
        rows={3}
        autoFocus
        maxLength={10_000}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
          if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) submit(event);
        }}
      />
      <div className="review-actions">
        <button type="submit" className="button small primary" disabled={!text.trim()}>
          {submitLabel}
        </button>
        <button type="button" className="button small subtle" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

interface ThreadCardProps {
  thread: Thread;
  active: boolean;
  detached: boolean;
  onActivate: () => void;
  onReply: (text: string) => void;
  onResolve: () => void;
  onReopen: () => void;
}

/** One thread: where it is anchored, its comments, and what can be done with it. */
export function ThreadCard(props: ThreadCardProps) {
  const { thread, active, detached } = props;
  const [replying, setReplying] = useState(false);
  const classes = ['review-card', 'thread-card'];
  if (active) classes.push('active');
  if (thread.resolved) classes.push('resolved');
  return (
    <article
      className={classes.join(' ')}
      aria-label={`Comment by ${thread.author} on “${thread.quote}”`}
      aria-current={active ? 'true' : undefined}
      onClick={(event) => {
        if ((event.target as HTMLElement).closest('button, textarea, form')) return;
        props.onActivate();
      }}
    >
      <blockquote className="review-quote">{thread.quote}</blockquote>
      {(detached || thread.resolved) && (
        <div className="review-badges">
          {detached && <span className="review-badge detached">Detached</span>}
          {thread.resolved && (
            <span className="review-badge resolved">
              Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy}` : ''}
            </span>
          )}
        </div>
      )}
      <ol className="review-comments">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="review-comment">
            <Byline author={comment.author} at={comment.at} />
            <p className="review-comment-text">{comment.text}</p>
          </li>
        ))}
      </ol>
      {replying ? (
        <CommentForm
          label="Your reply"
          submitLabel="Reply"
          onSubmit={(text) => {
            props.onReply(text);
            setReplying(false);
          }}
          onCancel={() => setReplying(false)}
        />
      ) : (
        <div className="review-actions">
          {!thread.resolved && (
            <button type="button" className="button small" onClick={() => setReplying(true)}>
              Reply
            </button>
          )}
          {thread.resolved ? (
            <button type="button" className="button small subtle" onClick={props.onReopen}>
              Reopen
            </button>
          ) : (
            <button type="button" className="button small subtle" onClick={props.onResolve}>
              Resolve
            </button>
          )}
        </div>
      )}
    </article>
  );
}
