import { memo, useId } from 'react';
import type { ReleaseBlocks } from '../../../shared/schemas';

interface ClosingBlocksProps {
  blocks: ReleaseBlocks;
  language: string;
  onChange: (blocks: ReleaseBlocks) => void;
}

/** What follows the body: the media contact, the "About" boilerplate and the end mark. */
export const ClosingBlocks = memo(function ClosingBlocks({
  blocks,
  language,
  onChange,
}: ClosingBlocksProps) {
  const contactId = useId();
  const aboutId = useId();
  const endId = useId();
  return (
    <section className="closing-blocks" aria-label="Closing blocks">
      <div className="field">
        <label className="field-label" htmlFor={contactId}>
          Media contact
        </label>
        <textarea
          id={contactId}
          className="block-input"
          rows={3}
          lang={language}
          value={blocks.contact}
          placeholder="Filled in from the source; edit as needed"
          onChange={(event) => onChange({ ...blocks, contact: event.target.value })}
        />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={aboutId}>
          About
        </label>
        <textarea
          id={aboutId}
          className="block-input"
          rows={3}
          lang={language}
          value={blocks.about}
          placeholder="Filled in from the source; edit as needed"
          onChange={(event) => onChange({ ...blocks, about: event.target.value })}
        />
      </div>
      <div className="check">
        <input
          id={endId}
          type="checkbox"
          checked={blocks.endMark}
          onChange={(event) => onChange({ ...blocks, endMark: event.target.checked })}
        />
        <label htmlFor={endId}>End mark (###)</label>
      </div>
    </section>
  );
});
