import type { Notice } from '../app/reducers';

export type { Notice };

/** Messages about what just happened; errors stay until dismissed, the rest fade by CSS. */
export function Notices({
  notices,
  onDismiss,
}: {
  notices: readonly Notice[];
  onDismiss: (id: number) => void;
}) {
  return (
    <div className="notices" aria-live="polite">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`notice notice-${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
        >
          <span className="notice-text">{notice.text}</span>
          {notice.action && (
            <button
              type="button"
              className="button small"
              onClick={() => {
                notice.action?.run();
                onDismiss(notice.id);
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button
            type="button"
            className="button small subtle"
            onClick={() => onDismiss(notice.id)}
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
