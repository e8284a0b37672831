import type { ReadinessItem } from '../../../shared/template-schema';
import { fieldLabel, focusField } from './focus-field';

function ItemList({ label, items }: { label: string; items: readonly ReadinessItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul
      className={label === 'Warnings' ? 'readiness-list warnings' : 'readiness-list'}
      aria-label={label}
    >
      {items.map((item) => (
        <li key={`${item.field}-${item.message}`}>
          <button type="button" className="readiness-link" onClick={() => focusField(item.field)}>
            <span className="readiness-field">{fieldLabel(item.field)}</span> {item.message}
          </button>
        </li>
      ))}
    </ul>
  );
}

interface ReadinessPanelProps {
  items: readonly ReadinessItem[];
  ready: boolean;
  onMarkReady: () => void;
  onClose: () => void;
}

/** Everything that stands between the release and "ready", in one place, each a link to its field. */
export function ReadinessPanel({ items, ready, onMarkReady, onClose }: ReadinessPanelProps) {
  const missing = items.filter((item) => item.severity === 'missing');
  const warnings = items.filter((item) => item.severity === 'warning');
  return (
    <section className={ready ? 'readiness ready' : 'readiness'} aria-label="Ready check">
      <header className="readiness-head">
        <h2>
          {ready
            ? 'Ready to go'
            : missing.length > 0
              ? `${missing.length} to fix before this release is ready`
              : 'Nothing missing'}
        </h2>
        <div className="readiness-actions">
          {!ready && (
            <button
              type="button"
              className="button primary small"
              disabled={missing.length > 0}
              onClick={onMarkReady}
            >
              Mark as ready
            </button>
          )}
          <button type="button" className="button small subtle" onClick={onClose}>
            Close check
          </button>
        </div>
      </header>
      <ItemList label="Missing" items={missing} />
      <ItemList label="Warnings" items={warnings} />
    </section>
  );
}
