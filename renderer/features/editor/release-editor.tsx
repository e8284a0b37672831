import { useCallback, useEffect, useId, useState } from 'react';
import { datelineFor } from '../../../shared/dateline';
import type {
  Draft,
  DraftSummary,
  ReleaseMeta,
  RichNode,
  Taxonomies,
} from '../../../shared/schemas';
import { MetadataPanel } from '../metadata/metadata-panel';
import { BodyEditor } from './body-editor';
import { DraftSession } from './draft-session';
import type { SaveStatus } from './save-queue';

interface ReleaseEditorProps {
  draft: Draft;
  taxonomies: Taxonomies;
  onSaved: (summary: DraftSummary) => void;
  onStatus: (status: SaveStatus) => void;
  /** Lets the shell save pending edits before it exports, switches release or closes. */
  registerFlush: (flush: (() => Promise<void>) | null) => void;
}

/** One open release: headline, body and metadata, saved by itself as the officer works. */
export function ReleaseEditor({
  draft,
  taxonomies,
  onSaved,
  onStatus,
  registerFlush,
}: ReleaseEditorProps) {
  const headlineId = useId();
  const [headline, setHeadline] = useState(draft.headline);
  const [meta, setMeta] = useState<ReleaseMeta>(draft.meta);
  // One session per open release: the component is keyed by the release's id.
  const [session] = useState(() => new DraftSession(draft, { onSaved, onStatus }));

  useEffect(() => {
    onStatus({ state: 'saved', at: null });
    registerFlush(() => session.flush());
    const onHide = () => session.saveOnExit();
    // Leaving the page (reload, closing the tab or window) must not drop the last keystrokes.
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      registerFlush(null);
      session.dispose();
    };
  }, [session, onStatus, registerFlush]);

  const onBodyChange = useCallback(
    (readBody: () => RichNode) => session.setBodyReader(readBody),
    [session],
  );
  const onHeadline = (value: string) => {
    setHeadline(value);
    session.setHeadline(value);
  };
  const onMeta = (value: ReleaseMeta) => {
    setMeta(value);
    session.setMeta(value);
  };

  const dateline = datelineFor(meta, taxonomies);
  return (
    <div className="workspace">
      <section className="writing" aria-label="Release">
        <div className="headline-field">
          <label className="field-label" htmlFor={headlineId}>
            Headline
          </label>
          <textarea
            id={headlineId}
            className="headline-input"
            rows={2}
            value={headline}
            placeholder="What happened, who did it — in one line"
            onChange={(event) => onHeadline(event.target.value.replace(/\n/g, ' '))}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                document.querySelector<HTMLElement>('.ProseMirror')?.focus();
              }
            }}
          />
        </div>
        <BodyEditor initial={draft.body} dateline={dateline} onChange={onBodyChange} />
      </section>
      <MetadataPanel meta={meta} taxonomies={taxonomies} onChange={onMeta} />
    </div>
  );
}
