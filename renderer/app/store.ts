import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PreferencesView } from '../../shared/preferences-schema';
import type { Draft, DraftSummary, Taxonomies } from '../../shared/schemas';
import type { Template } from '../../shared/template-schema';
import type { SaveStatus } from '../features/editor/save-queue';
import {
  addNotice,
  deriveList,
  emptyLibrary,
  removeTemplate,
  replaceLibrary,
  upsertSummaries,
  upsertTemplate,
  type LibraryList,
  type LibrarySort,
  type LibraryState,
  type LibraryView,
  type Notice,
} from './reducers';

export type Dialog =
  | { kind: 'preferences' }
  | { kind: 'templates' }
  | { kind: 'batch-export'; ids: readonly string[] };

/**
 * What the window knows: a mirror of what main owns (the library, the open release as it was
 * loaded, templates, preferences, taxonomies, the store's folder), fed only by answers and
 * events, and the state of the window that several components show.
 */
export interface AppState {
  boot: { phase: 'loading' } | { phase: 'ready' } | { phase: 'failed'; message: string };
  storePath: string;
  taxonomies: Taxonomies | null;
  /** Content-type id to label, for the library's rows and its search. */
  typeLabels: ReadonlyMap<string, string>;
  library: LibraryState;
  view: LibraryView;
  sort: LibrarySort;
  /**
   * The open release as it was loaded. The editor's session holds what is typed since; this
   * changes only when another release (or another window's newer version) is opened.
   */
  open: Draft | null;
  templates: readonly Template[];
  preferences: PreferencesView | null;
  saveStatus: SaveStatus;
  notices: readonly Notice[];
  dialog: Dialog | null;
}

export type AppStore = StoreApi<AppState>;

export const initialState = (): AppState => ({
  boot: { phase: 'loading' },
  storePath: '',
  taxonomies: null,
  typeLabels: new Map(),
  library: emptyLibrary(),
  view: 'active',
  sort: 'last-change',
  open: null,
  templates: [],
  preferences: null,
  saveStatus: { state: 'saved', at: null },
  notices: [],
  dialog: null,
});

export const createAppStore = (state: Partial<AppState> = {}): AppStore =>
  createStore<AppState>()(() => ({ ...initialState(), ...state }));

const labelsOf = (taxonomies: Taxonomies): ReadonlyMap<string, string> =>
  new Map(taxonomies.contentTypes.map((term) => [term.id, term.label]));

/** Everything main owns, read at the start and again when the store moves. */
export interface Snapshot {
  storePath: string;
  taxonomies: Taxonomies;
  summaries: readonly DraftSummary[];
  templates: readonly Template[];
}

/**
 * The one way answers and events get into the store. Summaries that arrive while a snapshot is
 * on its way are kept and put in on top of it, so an event is never lost to an older answer.
 */
export const createMirror = (store: AppStore) => {
  let sinceSnapshot: DraftSummary[] | null = null;
  return {
    /** A snapshot was asked for: summaries from now on must survive its answer. */
    expectSnapshot(): void {
      sinceSnapshot = [];
    },

    receiveSnapshot(snapshot: Snapshot): void {
      const late = sinceSnapshot ?? [];
      sinceSnapshot = null;
      store.setState((state) => {
        const typeLabels = labelsOf(snapshot.taxonomies);
        const fresh = replaceLibrary(state.library, snapshot.summaries, typeLabels);
        return {
          storePath: snapshot.storePath,
          taxonomies: snapshot.taxonomies,
          typeLabels,
          templates: snapshot.templates,
          library: upsertSummaries(fresh, late, typeLabels),
        };
      });
    },

    receiveSummaries(summaries: readonly DraftSummary[]): void {
      if (summaries.length === 0) return;
      if (sinceSnapshot) for (const summary of summaries) sinceSnapshot.push(summary);
      const { library, typeLabels } = store.getState();
      const next = upsertSummaries(library, summaries, typeLabels);
      if (next !== library) store.setState({ library: next });
    },

    receiveTemplates(templates: readonly Template[]): void {
      store.setState({ templates });
    },

    receiveTemplate(template: Template): void {
      store.setState((state) => ({ templates: upsertTemplate(state.templates, template) }));
    },

    forgetTemplate(id: string): void {
      store.setState((state) => ({ templates: removeTemplate(state.templates, id) }));
    },

    receivePreferences(preferences: PreferencesView): void {
      store.setState({ preferences });
    },
  };
};

export type Mirror = ReturnType<typeof createMirror>;

/** Runs `work` once the frame being made now is painted (at once where there are no frames). */
const afterPaint = (work: () => void): void => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(work, 0));
  else setTimeout(work, 0);
};

/** Per store: how many statuses it was given, and the 'unsaved' waiting for a paint, if any. */
const statusTurns = new WeakMap<AppStore, { turn: number; unsavedDue: boolean }>();

/**
 * Save status changes on every keystroke: only a change of state is news. 'Unsaved' comes with
 * the first keystroke after a save and shows a frame after it, so that keystroke paints its
 * letter without re-rendering the indicator first; any later status (saving, saved, an error)
 * takes its place at once.
 */
export const setSaveStatus = (store: AppStore, status: SaveStatus): void => {
  const turns = statusTurns.get(store) ?? { turn: 0, unsavedDue: false };
  statusTurns.set(store, turns);
  const current = store.getState().saveStatus;
  if (status.state === 'unsaved') {
    if (current.state === 'unsaved' || turns.unsavedDue) return;
    turns.unsavedDue = true;
    const turn = turns.turn;
    afterPaint(() => {
      if (turns.turn !== turn || !turns.unsavedDue) return;
      turns.unsavedDue = false;
      if (store.getState().saveStatus.state !== 'unsaved') store.setState({ saveStatus: status });
    });
    return;
  }
  turns.turn += 1;
  turns.unsavedDue = false;
  if (current.state === status.state && status.state !== 'saved' && status.state !== 'error')
    return;
  store.setState({ saveStatus: status });
};

export const pushNotice = (store: AppStore, notice: Notice): void =>
  store.setState((state) => ({ notices: addNotice(state.notices, notice) }));

export const dropNotice = (store: AppStore, id: number): void =>
  store.setState((state) => ({ notices: state.notices.filter((n) => n.id !== id) }));

/**
 * A selector for the list the library shows. It keeps the list it gave last, so it answers
 * with the same array while nothing changed and patches it when one batch did.
 */
export const createListSelector = () => {
  let last: LibraryList | null = null;
  return (state: AppState): LibraryList => {
    last = deriveList(state.library, state.view, state.sort, last);
    return last;
  };
};

/** Whether the open release is in the trash: its summary in the library says. */
export const selectOpenTrashed = (state: AppState): boolean => {
  const id = state.open?.id;
  const entry = id ? state.library.byId.get(id) : undefined;
  return entry ? entry.summary.trashedAt !== null : (state.open?.trashedAt ?? null) !== null;
};

export const selectOpenId = (state: AppState): string | null => state.open?.id ?? null;

/** The window's store: one per page. */
export const appStore: AppStore = createAppStore();
export const mirror: Mirror = createMirror(appStore);

/** Reads one slice of the window's store; the component re-renders only when that slice changes. */
export const useApp = <T>(selector: (state: AppState) => T): T => useStore(appStore, selector);
