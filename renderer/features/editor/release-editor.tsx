import { startTransition, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { datelineFor } from '../../../shared/dateline';
import { formatEmbargoLine, isEmbargoPast } from '../../../shared/embargo';
import { checkReadiness, requirable } from '../../../shared/readiness';
import { reviewMarksIn } from '../../../shared/review';
import type {
  Draft,
  DraftSummary,
  Language,
  ReleaseBlocks,
  ReleaseMeta,
  RichNode,
  Taxonomies,
} from '../../../shared/schemas';
import { defaultBlocksFor } from '../../../shared/source-blocks';
import type { ReadinessItem, Template } from '../../../shared/template-schema';
import { docText } from '../../../shared/writing/counts';
import { api, onEvent } from '../../api/client';
import { LineField } from '../../components/line-field';
import { MetadataPanel } from '../metadata/metadata-panel';
import { ReadinessPanel } from '../readiness/readiness-panel';
import { CommentsPanel } from '../review/comments-panel';
import { FieldSuggestions } from '../review/field-suggestions';
import { ReviewActions } from '../review/review-actions';
import { useReview } from '../review/use-review';
import { BodyEditor } from './body-editor';
import { ClosingBlocks } from './closing-blocks';
import { DraftSession } from './draft-session';
import { LeadField } from './lead-field';
import type { SaveStatus } from './save-queue';
import { WritingStats } from './writing-stats';

import { CHANGED_ELSEWHERE, decideRemoteSave } from '../sync/remote-save';

interface ReleaseEditorProps {
  draft: Draft;
  taxonomies: Taxonomies;
  templates: readonly Template[];
  onSaved: (summary: DraftSummary) => void;
  onStatus: (status: SaveStatus) => void;
  /** Lets the shell save pending edits before it exports, switches release or closes. */
  registerFlush: (flush: (() => Promise<void>) | null) => void;
  onNotice: (tone: 'info' | 'success' | 'error', text: string) => void;
  /** A template was saved from this release: main's answer. */
  onTemplateSaved: (template: Template) => void;
  /** Another window saved this release and this one has no unsaved edits: show the new version. */
  onReload?: (stillClean: () => boolean) => void;
  /** Another window's version was kept as a copy before this window's text was saved over it. */
  onKeptCopy?: (copy: DraftSummary) => void;
  /** The release's language changed here: the shell's spell checker follows it. */
  onLanguage?: (id: string, language: Language) => void;
}

type ReadyState = 'draft' | 'ready' | 'changed';

/** How long the counts and the ready check lag behind the last keystroke. */
const LIVE_BODY_DELAY_MS = 250;

/** One getJSON of the body per change, whoever asks first: the counts or the autosave. */
const readOnce = (read: () => RichNode): (() => RichNode) => {
  let body: RichNode | null = null;
  return () => (body ??= read());
};

const whenIdle = (run: () => void): (() => void) => {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }
  // The timeout keeps a busy page from holding the counts back for long.
  const handle = requestIdleCallback(run, { timeout: 500 });
  return () => cancelIdleCallback(handle);
};

/** One open release: headline, body, blocks and metadata, saved by itself as the officer works. */
export function ReleaseEditor(props: ReleaseEditorProps) {
  const { draft, taxonomies, templates, onSaved, onStatus, registerFlush, onNotice, onLanguage } =
    props;
  const headlineId = useId();
  const templateNameId = useId();
  const [headline, setHeadline] = useState(draft.headline);
  const [meta, setMeta] = useState<ReleaseMeta>(draft.meta);
  const [blocks, setBlocks] = useState<ReleaseBlocks>(draft.blocks);
  // The body as of a beat ago: counts and the ready check follow it, not every keystroke.
  const [liveBody, setLiveBody] = useState<RichNode>(draft.body);
  const bodyText = useMemo(() => docText(liveBody), [liveBody]);
  const [readyState, setReadyState] = useState<ReadyState>(
    draft.status === 'ready' ? 'ready' : 'draft',
  );
  const [checkOpen, setCheckOpen] = useState(false);
  const [serverItems, setServerItems] = useState<ReadinessItem[] | null>(null);
  const [templateForm, setTemplateForm] = useState<string | null>(null);
  // The live body's update: one timer per typing stretch, then an idle callback. `pending`
  // holds the cancel of whichever is armed; `lastChange` is when the body last changed.
  const liveUpdate = useRef<{
    pending: (() => void) | null;
    lastChange: number;
    read: () => RichNode;
  }>({ pending: null, lastChange: 0, read: () => draft.body });
  // Whether the 'changed since ready' and the server's items were let go since they last held.
  const editShown = useRef(false);
  // One session per open release: the component is keyed by the release's id.
  const [session] = useState(
    () => new DraftSession(draft, { onSaved, onStatus, onKeptCopy: props.onKeptCopy }),
  );
  const fieldWriter = useRef<(field: 'headline' | 'lead', value: string) => void>(() => undefined);
  const {
    model: review,
    controller: reviewer,
    snapshot: reviewSnapshot,
  } = useReview(
    draft.id,
    draft.review,
    (state) => session.setReview(state),
    (field, value) => fieldWriter.current(field, value),
  );
  // Which suggestions and threads the body holds, read with the counts, a beat after typing.
  const inBody = useMemo(() => reviewMarksIn(liveBody), [liveBody]);
  useEffect(() => review.syncBody(inBody.suggestions), [review, inBody]);
  // The shell's callbacks change with its renders; the subscription below stays put.
  const shell = useRef({ onReload: props.onReload, onNotice });
  useEffect(() => {
    shell.current = { onReload: props.onReload, onNotice };
  });

  // A save in another window or tab: reload when clean, keep the officer's text when not.
  useEffect(
    () =>
      onEvent('release:saved', ({ summary: saved }, fromHere) => {
        if (fromHere) return;
        const open = {
          id: draft.id,
          revision: session.revision,
          unsaved: session.hasUnsavedChanges,
        };
        const action = decideRemoteSave(open, saved);
        if (action === 'reload') shell.current.onReload?.(() => !session.hasUnsavedChanges);
        else if (action === 'keep-mine') shell.current.onNotice('info', CHANGED_ELSEWHERE);
      }),
    [draft.id, session],
  );

  useEffect(() => {
    onStatus({ state: 'saved', at: null });
    registerFlush(() => session.flush());
    const onHide = () => session.saveOnExit();
    const live = liveUpdate.current;
    // Leaving the page (reload, closing the tab or window) must not drop the last keystrokes.
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      registerFlush(null);
      session.dispose();
      live.pending?.();
      live.pending = null;
    };
  }, [session, onStatus, registerFlush]);

  const edited = () => {
    editShown.current = true;
    setReadyState((state) => (state === 'ready' ? 'changed' : state));
    // What the store said at the last check no longer holds: the live check takes over.
    setServerItems(null);
  };

  const onBodyChange = useCallback(
    (readBody: () => RichNode) => {
      const live = liveUpdate.current;
      live.read = readOnce(readBody);
      live.lastChange = performance.now();
      session.setBodyReader(live.read);
      // The first key of a stretch says 'changed'; the ones after it have nothing to add.
      if (!editShown.current) {
        editShown.current = true;
        setReadyState((state) => (state === 'ready' ? 'changed' : state));
        setServerItems(null);
      }
      // Counts and the ready check follow the body a beat behind the typing, not on every key:
      // one timer per stretch, which waits out the rest of the beat from the last key when it
      // fires early, then the body is read when the page is idle.
      if (live.pending) return;
      const arm = (delay: number) => {
        const timer = setTimeout(() => {
          const rest = live.lastChange + LIVE_BODY_DELAY_MS - performance.now();
          if (rest > 1) return arm(rest);
          live.pending = whenIdle(() => {
            live.pending = null;
            const body = live.read();
            startTransition(() => setLiveBody(body));
          });
        }, delay);
        live.pending = () => clearTimeout(timer);
      };
      arm(LIVE_BODY_DELAY_MS);
    },
    [session],
  );
  const onHeadline = (value: string) => {
    setHeadline(value);
    session.setHeadline(value);
    edited();
  };
  const onBlocks = (value: ReleaseBlocks) => {
    setBlocks(value);
    session.setBlocks(value);
    edited();
  };
  const onMeta = (value: ReleaseMeta) => {
    setMeta(value);
    session.setMeta(value);
    edited();
    // A newly chosen source brings its contact and boilerplate, but never over the officer's text.
    if (value.sourceIds.join() !== meta.sourceIds.join() && (!blocks.contact || !blocks.about)) {
      const defaults = defaultBlocksFor(value.sourceIds, taxonomies);
      onBlocks({
        ...blocks,
        contact: blocks.contact || defaults.contact,
        about: blocks.about || defaults.about,
      });
    }
  };

  // The body, the closing blocks and the metadata are memoised and get handlers that never
  // change, calling the latest ones: a keystroke in the headline does not re-render them.
  const latest = useRef({ onMeta, onBlocks });
  useEffect(() => {
    latest.current = { onMeta, onBlocks };
    fieldWriter.current = (field, value) =>
      field === 'headline' ? onHeadline(value) : onBlocks({ ...blocks, lead: value });
  });
  const onMetaChange = useCallback((value: ReleaseMeta) => latest.current.onMeta(value), []);
  const onBlocksChange = useCallback((value: ReleaseBlocks) => latest.current.onBlocks(value), []);
  const onPasteNotice = useCallback((text: string) => shell.current.onNotice('info', text), []);

  useEffect(() => onLanguage?.(draft.id, meta.language), [onLanguage, draft.id, meta.language]);

  const template = templates.find((t) => t.id === draft.templateId);
  const liveItems = useMemo(() => {
    if (!checkOpen) return [];
    const live: Draft = {
      ...draft,
      headline,
      meta,
      blocks,
      body: liveBody,
      review: reviewSnapshot.review,
    };
    return checkReadiness({
      draft: live,
      taxonomies,
      placeholders: template?.placeholders ?? [],
      required: template ? requirable(template.required) : undefined,
      now: new Date(),
    });
  }, [checkOpen, draft, headline, meta, blocks, liveBody, template, taxonomies, reviewSnapshot]);

  const markReady = async () => {
    setCheckOpen(true);
    try {
      await session.flush();
      const result = await api['drafts:mark-ready']({ id: draft.id });
      if (result.status === 'ready') {
        session.acknowledge(result.summary);
        setReadyState('ready');
        setServerItems(null);
        editShown.current = false;
        onSaved(result.summary);
        onNotice('success', 'Marked as ready. Any further edit will ask for another check.');
      } else {
        setServerItems(result.items);
        editShown.current = false;
      }
    } catch (error) {
      onNotice('error', error instanceof Error ? error.message : String(error));
    }
  };

  const saveTemplate = async (name: string) => {
    try {
      await session.flush();
      const saved = await api['templates:save']({ draftId: draft.id, name });
      setTemplateForm(null);
      props.onTemplateSaved(saved);
      onNotice('success', `Saved as template “${saved.name}”.`);
    } catch (error) {
      onNotice('error', error instanceof Error ? error.message : String(error));
    }
  };

  const dateline = datelineFor(meta, taxonomies);
  const embargoPast = meta.embargo ? isEmbargoPast(meta.embargo, new Date()) : false;
  const items = serverItems ?? liveItems;
  // In suggestion mode the headline and summary show this reviewer's proposal, not the text.
  const { suggesting, panelOpen } = reviewSnapshot.ui;
  const fieldSuggestions = (field: 'headline' | 'lead') =>
    reviewSnapshot.review.suggestions.filter((s) => s.field === field);
  const proposal = (field: 'headline' | 'lead') =>
    fieldSuggestions(field).find((s) => s.author === review.current())?.text;
  const headlineShown = suggesting ? (proposal('headline') ?? headline) : headline;
  const leadShown = suggesting ? (proposal('lead') ?? blocks.lead) : blocks.lead;
  const propose = (field: 'headline' | 'lead', value: string) =>
    review.proposeField(
      field,
      review.current(),
      value,
      field === 'headline' ? headline : blocks.lead,
    );
  return (
    <div className={panelOpen ? 'workspace with-review' : 'workspace'}>
      <section className="writing" aria-label="Release">
        <div className="release-head">
          <span className={`status status-${readyState === 'ready' ? 'ready' : 'draft'}`}>
            {readyState === 'ready'
              ? 'Ready'
              : readyState === 'changed'
                ? 'Changed since ready'
                : 'Draft'}
          </span>
          {template && <span className="release-template">From template: {template.name}</span>}
          <span className="spacer" />
          <ReviewActions releaseId={draft.id} model={review} panelOpen={panelOpen} />
          <button
            type="button"
            className="button small"
            onClick={() => setTemplateForm(templateForm === null ? '' : null)}
          >
            Save as template
          </button>
          {readyState !== 'ready' && (
            <button type="button" className="button small primary" onClick={() => void markReady()}>
              Mark as ready
            </button>
          )}
        </div>
        {templateForm !== null && (
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (templateForm.trim()) void saveTemplate(templateForm.trim());
            }}
          >
            <label className="field-label" htmlFor={templateNameId}>
              Template name
            </label>
            <input
              id={templateNameId}
              className="text-input"
              value={templateForm}
              autoFocus
              onChange={(event) => setTemplateForm(event.target.value)}
            />
            <button type="submit" className="button small primary" disabled={!templateForm.trim()}>
              Save template
            </button>
            <button
              type="button"
              className="button small subtle"
              onClick={() => setTemplateForm(null)}
            >
              Cancel
            </button>
          </form>
        )}
        {checkOpen && (
          <ReadinessPanel
            items={items}
            ready={readyState === 'ready'}
            onMarkReady={() => void markReady()}
            onClose={() => setCheckOpen(false)}
          />
        )}
        {meta.embargo && (
          <div className={embargoPast ? 'embargo-banner past' : 'embargo-banner'} role="status">
            {formatEmbargoLine(meta.embargo, meta.language)}
            {embargoPast && ' — this embargo has passed'}
          </div>
        )}
        <div className="headline-field">
          <label className="field-label" htmlFor={headlineId}>
            Headline
          </label>
          <LineField
            id={headlineId}
            className="headline-input"
            rows={2}
            language={meta.language}
            // A release just created starts at its headline.
            autoFocus={draft.revision === 0 && draft.headline === ''}
            value={headlineShown}
            placeholder="What happened, who did it — in one line"
            onChange={(value) => (suggesting ? propose('headline', value) : onHeadline(value))}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                document.querySelector<HTMLElement>('.ProseMirror')?.focus();
              }
            }}
          />
          <FieldSuggestions suggestions={fieldSuggestions('headline')} />
          <LeadField
            value={leadShown}
            language={meta.language}
            onChange={(lead) =>
              suggesting ? propose('lead', lead) : onBlocks({ ...blocks, lead })
            }
          />
          <FieldSuggestions suggestions={fieldSuggestions('lead')} />
        </div>
        <BodyEditor
          initial={draft.body}
          dateline={dateline}
          language={meta.language}
          onChange={onBodyChange}
          onPasteNotice={onPasteNotice}
          review={review}
          reviewer={reviewer}
        />
        <ClosingBlocks blocks={blocks} language={meta.language} onChange={onBlocksChange} />
        <WritingStats bodyText={bodyText} headline={headline} language={meta.language} />
      </section>
      {panelOpen && <CommentsPanel controller={reviewer} inBody={inBody} />}
      <MetadataPanel
        releaseId={draft.id}
        meta={meta}
        taxonomies={taxonomies}
        onChange={onMetaChange}
      />
    </div>
  );
}
