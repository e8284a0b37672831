import type { SaveStatus } from '../features/editor/save-queue';

const text = (status: SaveStatus): string => {
  switch (status.state) {
    case 'saved':
      return 'Saved';
    case 'saving':
      return 'Saving…';
    case 'unsaved':
      return 'Unsaved changes';
    case 'error':
      return `Not saved — retrying in ${Math.round(status.retryInMs / 1000)} s`;
  }
};

/** Always tells the officer whether the store has their last keystroke. */
export function SaveIndicator({ status }: { status: SaveStatus }) {
  return (
    <span
      className={`save-indicator save-${status.state}`}
      role="status"
      aria-live="polite"
      title={
        status.state === 'error'
          ? status.message
          : status.state === 'saved' && status.at
            ? `Saved at ${status.at.toLocaleTimeString()}`
            : undefined
      }
    >
      <span className="save-dot" aria-hidden="true" />
      {text(status)}
    </span>
  );
}
