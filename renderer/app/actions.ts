import type { PreferencesUpdate, PreferencesView } from '../../shared/preferences-schema';
import {
  summarize,
  type Draft,
  type DraftSummary,
  type ExportFormat,
  type Language,
} from '../../shared/schemas';
import type { Template } from '../../shared/template-schema';
import {
  api,
  deliverLocally,
  eventsConnected,
  onAnyEvent,
  onStreamState,
  type StreamState,
} from '../api/client';
import { deliverExport } from '../api/deliver-export';
import type { SaveStatus } from '../features/editor/save-queue';
import { CHANGED_ELSEWHERE } from '../features/sync/remote-save';
import { applyTheme } from '../features/preferences/theme';
import { connectEvents, nextFrame } from './events';
import { isLibrarySort, type LibrarySort, type LibraryView, type Notice } from './reducers';
import {
  appStore as store,
  dropNotice,
  mirror,
  pushNotice,
  setSaveStatus,
  type Dialog,
} from './store';

/**
 * What the window does, in one place: each action asks main and puts the answer in the store.
 * Nothing here reads the whole library back after an action; the answer and main's events
 * (which every window hears) say what changed.
 */

const LAST_OPEN = 'newsroom.lastOpen';
const SORT = 'newsroom.librarySort';

const remembered = (key: string): string | null => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};
const remember = (key: string, value: string): void => {
  try {
    localStorage.setItem(key, value);
  } catch {
    // A locked-down profile has no storage; the window works on without remembering.
  }
};

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export const notify = (notice: Omit<Notice, 'id'>): void => {
  const id = Date.now() + Math.random();
  pushNotice(store, { ...notice, id });
  if (notice.tone !== 'error') setTimeout(() => dropNotice(store, id), 8000);
};

export const dismissNotice = (id: number): void => dropNotice(store, id);

export const fail = (error: unknown): void => notify({ tone: 'error', text: messageOf(error) });

/** For components that tell in a tone and a sentence. */
export const tell = (tone: Notice['tone'], text: string): void => notify({ tone, text });

// The open release's pending edits, saved on demand (before export, switching release, closing).
let flushOpen: (() => Promise<void>) | null = null;

export const registerFlush = (flush: (() => Promise<void>) | null): void => {
  flushOpen = flush;
};

export const updateSaveStatus = (status: SaveStatus): void => setSaveStatus(store, status);

/** Edits typed here that the store does not have yet. */
export const hasUnsavedEdits = (): boolean => {
  const { open, saveStatus } = store.getState();
  return open !== null && saveStatus.state !== 'saved';
};

/** Saves what is pending in the open release; false (and a message) when that fails. */
export const settle = async (): Promise<boolean> => {
  try {
    await flushOpen?.();
    return true;
  } catch (error) {
    fail(error);
    return false;
  }
};

let shown: { id: string | null; language: Language | null } = { id: null, language: null };

/**
 * Tells the shell which release this window shows and in which language: the spell checker
 * follows it, and the window reopens on it at the next start. Said once per change.
 */
export const reportShowing = (id: string | null, language: Language | null): void => {
  if (shown.id === id && shown.language === language) return;
  shown = { id, language };
  api['window:showing']({ id, language }).catch(() => undefined);
};

const setOpen = (draft: Draft | null): void => {
  store.setState({ open: draft });
  if (draft) remember(LAST_OPEN, draft.id);
  reportShowing(draft?.id ?? null, draft?.meta.language ?? null);
};

const loadSnapshot = async () => {
  mirror.expectSnapshot();
  const [taxonomies, info, active, trash, templates] = await Promise.all([
    api['taxonomies:get']({}),
    api['app:info']({}),
    api['drafts:list']({ view: 'active' }),
    api['drafts:list']({ view: 'trash' }),
    api['templates:list']({}),
  ]);
  mirror.receiveSnapshot({
    storePath: info.storePath,
    taxonomies,
    summaries: [...active, ...trash],
    templates,
  });
  // Main lists the active releases newest first.
  return active;
};

const loadPreferences = (): Promise<void> =>
  api['preferences:get']({}).then(mirror.receivePreferences, fail);

/** The store moved (Preferences, in any window): everything is read again from its new folder. */
const reloadAll = (): void => {
  void (async () => {
    const openId = store.getState().open?.id;
    const active = await loadSnapshot();
    store.setState({ view: 'active' });
    // The moved store is a copy, revisions and all: the open release stays open as it is, with
    // its caret, its undo history and the edits this window is saving.
    if (openId && !active.some((summary) => summary.id === openId)) setOpen(null);
    await loadPreferences();
  })().catch(fail);
};

/**
 * The event stream came back after a drop: what was published meanwhile is lost, so the store
 * is read again. The open release, if it changed meanwhile, goes to the editor as the save it
 * missed, which reloads it or keeps the officer's unsaved text as for any other window's save.
 */
const resync = (): void => {
  void (async () => {
    await loadSnapshot();
    await loadPreferences();
    const { open, library } = store.getState();
    const summary = open ? library.byId.get(open.id)?.summary : undefined;
    if (summary) deliverLocally({ event: 'release:saved', payload: { summary }, origin: null });
  })().catch(fail);
};

const onStream = (state: StreamState): void => {
  if (state === 'reconnected') resync();
  if (state === 'lost')
    notify({
      tone: 'error',
      text: 'The window no longer hears of changes made elsewhere: the browser-mode host refused its event stream. Reload the page from the URL that `npm run start:web` printed.',
    });
};

/** Reading the store waits for the event stream (so no change falls between), but not for ever. */
const STREAM_WAIT_MS = 3_000;

let started = false;

/**
 * Starts the window: hears main's events, then reads the store once. Returns what stops the
 * listening (React's strict mode mounts twice; the store is read only the first time).
 */
export const start = (): (() => void) => {
  const stopEvents = connectEvents(mirror, onAnyEvent, {
    schedule: nextFrame,
    onStoreChanged: reloadAll,
  });
  const stopStream = onStreamState(onStream);
  const stopTheme = store.subscribe((state, previous) => {
    if (state.preferences && state.preferences !== previous.preferences)
      applyTheme(state.preferences.theme);
  });
  if (!started) {
    started = true;
    const sort = remembered(SORT);
    if (isLibrarySort(sort)) store.setState({ sort });
    void boot();
  }
  return () => {
    stopEvents();
    stopStream();
    stopTheme();
  };
};

const boot = async (): Promise<void> => {
  try {
    await Promise.race([
      eventsConnected(),
      new Promise((done) => setTimeout(done, STREAM_WAIT_MS)),
    ]);
    const active = await loadSnapshot();
    // A window the shell opened on a given release says so in its address (#release=ID).
    const wanted =
      new URLSearchParams(window.location.hash.slice(1)).get('release') ?? remembered(LAST_OPEN);
    const toOpen = active.find((summary) => summary.id === wanted) ?? active[0];
    if (toOpen) setOpen(await api['drafts:get']({ id: toOpen.id }));
    store.setState({ boot: { phase: 'ready' } });
  } catch (error) {
    store.setState({ boot: { phase: 'failed', message: messageOf(error) } });
    return;
  }
  await loadPreferences();
};

export const openRelease = async (id: string): Promise<void> => {
  if (id === store.getState().open?.id) return;
  if (!(await settle())) return;
  try {
    setOpen(await api['drafts:get']({ id }));
  } catch (error) {
    fail(error);
  }
};

export const createRelease = async (templateId: string | null = null): Promise<void> => {
  if (!(await settle())) return;
  try {
    const created = await api['drafts:create'](templateId ? { templateId } : {});
    mirror.receiveSummaries([summarize(created)]);
    store.setState({ view: 'active' });
    setOpen(created);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.headline-input')?.focus());
  } catch (error) {
    fail(error);
  }
};

const titleOf = (summary: DraftSummary): string => summary.headline || 'Untitled release';

export const restoreRelease = async (id: string): Promise<void> => {
  try {
    const summary = await api['drafts:restore']({ id });
    mirror.receiveSummaries([summary]);
    notify({ tone: 'info', text: `“${titleOf(summary)}” restored.` });
  } catch (error) {
    fail(error);
  }
};

export const trashOpen = async (): Promise<void> => {
  const open = store.getState().open;
  if (!open || !(await settle())) return;
  try {
    const summary = await api['drafts:trash']({ id: open.id });
    mirror.receiveSummaries([summary]);
    notify({
      tone: 'info',
      text: `“${titleOf(summary)}” moved to the trash.`,
      action: { label: 'Undo', run: () => void restoreRelease(summary.id) },
    });
  } catch (error) {
    fail(error);
  }
};

/** The library holds both views: switching is a change of what is shown, not a request. */
export const switchView = (view: LibraryView): void => store.setState({ view });

export const setSort = (sort: LibrarySort): void => {
  store.setState({ sort });
  remember(SORT, sort);
};

export const exportOpen = async (format: ExportFormat): Promise<void> => {
  const open = store.getState().open;
  if (!open || !(await settle())) return;
  try {
    const outcome = await deliverExport(open.id, format);
    if (outcome.status === 'saved')
      notify({
        tone: 'success',
        text: `Exported ${format === 'md' ? 'Markdown' : 'HTML'}: ${outcome.where}`,
      });
  } catch (error) {
    fail(error);
  }
};

export const openDialog = (dialog: Dialog): void => store.setState({ dialog });
export const closeDialog = (): void => store.setState({ dialog: null });

/** Many releases together: what is pending is saved first, so the files have it. */
export const exportMany = async (ids: readonly string[]): Promise<void> => {
  if (await settle()) openDialog({ kind: 'batch-export', ids });
};

/** A save of the open release (or its marking as ready) came back. */
export const receiveSaved = (summary: DraftSummary): void => mirror.receiveSummaries([summary]);

/** Another window saved the open release and this one had nothing unsaved: show its version. */
export const reloadOpen = (stillClean: () => boolean): void => {
  const id = store.getState().open?.id;
  if (!id) return;
  api['drafts:get']({ id }).then((fresh) => {
    // Typing started while the newer version was on its way: keep the typing.
    if (!stillClean()) return notify({ tone: 'info', text: CHANGED_ELSEWHERE });
    if (store.getState().open?.id === fresh.id) store.setState({ open: fresh });
    mirror.receiveSummaries([summarize(fresh)]);
  }, fail);
};

/** Another window's version was kept as a copy before this window's text was saved over it. */
export const keptCopy = (copy: DraftSummary): void => {
  mirror.receiveSummaries([copy]);
  notify({
    tone: 'info',
    text: `Changed in another window: that version is kept in the library as “${copy.headline}”.`,
  });
};

export const templateSaved = (template: Template): void => mirror.receiveTemplate(template);

export const renameTemplate = async (id: string, name: string): Promise<void> => {
  try {
    mirror.receiveTemplate(await api['templates:update']({ id, name }));
  } catch (error) {
    fail(error);
  }
};

export const updateTemplateFrom = async (id: string, fromDraftId: string): Promise<void> => {
  try {
    mirror.receiveTemplate(await api['templates:update']({ id, fromDraftId }));
  } catch (error) {
    fail(error);
  }
};

export const deleteTemplate = async (id: string): Promise<void> => {
  try {
    await api['templates:delete']({ id });
    mirror.forgetTemplate(id);
  } catch (error) {
    fail(error);
  }
};

export const savePreferences = async (patch: PreferencesUpdate): Promise<PreferencesView> => {
  const view = await api['preferences:set'](patch);
  mirror.receivePreferences(view);
  return view;
};

export const moveStore = async () => {
  if (!(await settle()))
    throw new Error('Pending edits could not be saved; the store was not moved.');
  return api['store:move']({});
};
