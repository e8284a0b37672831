import { useCallback, useEffect, useRef, useState } from 'react';
import type { Draft, DraftSummary, ExportFormat, Taxonomies } from '../shared/schemas';
import { api } from './api/client';
import { deliverExport } from './api/deliver-export';
import { ExportMenu } from './components/export-menu';
import { ReleaseEditor } from './features/editor/release-editor';
import type { SaveStatus } from './features/editor/save-queue';
import { LibraryPanel, type LibraryView } from './features/library/library-panel';
import { SaveIndicator } from './components/save-indicator';
import { Notices, type Notice } from './components/notices';

const byNewest = (a: DraftSummary, b: DraftSummary) => b.updatedAt.localeCompare(a.updatedAt);

export function App() {
  const [taxonomies, setTaxonomies] = useState<Taxonomies | null>(null);
  const [storePath, setStorePath] = useState('');
  const [view, setView] = useState<LibraryView>('active');
  const [items, setItems] = useState<DraftSummary[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved', at: null });
  const [notices, setNotices] = useState<Notice[]>([]);
  const [fatal, setFatal] = useState<string | null>(null);
  const flushRef = useRef<(() => Promise<void>) | null>(null);

  const notify = useCallback((notice: Omit<Notice, 'id'>) => {
    const id = Date.now() + Math.random();
    setNotices((list) => [...list.slice(-3), { ...notice, id }]);
    if (notice.tone !== 'error')
      setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), 8000);
  }, []);
  const fail = useCallback(
    (error: unknown) =>
      notify({ tone: 'error', text: error instanceof Error ? error.message : String(error) }),
    [notify],
  );

  const loadList = useCallback(
    async (which: LibraryView) => setItems(await api['drafts:list']({ view: which })),
    [],
  );

  useEffect(() => {
    Promise.all([
      api['taxonomies:get']({}),
      api['app:info']({}),
      api['drafts:list']({ view: 'active' }),
    ])
      .then(([tax, info, list]) => {
        setTaxonomies(tax);
        setStorePath(info.storePath);
        setItems(list);
        const last = localStorage.getItem('newsroom.lastOpen');
        const toOpen = list.find((item) => item.id === last) ?? list[0];
        if (toOpen) return api['drafts:get']({ id: toOpen.id }).then(setDraft);
        return undefined;
      })
      .catch((error: unknown) => setFatal(error instanceof Error ? error.message : String(error)));
  }, []);

  useEffect(() => {
    if (draft) localStorage.setItem('newsroom.lastOpen', draft.id);
  }, [draft]);

  /** Saves what is pending in the open release; false (and a message) when that fails. */
  const settle = useCallback(async (): Promise<boolean> => {
    try {
      await flushRef.current?.();
      return true;
    } catch (error) {
      fail(error);
      return false;
    }
  }, [fail]);

  const open = async (id: string) => {
    if (id === draft?.id) return;
    if (!(await settle())) return;
    try {
      setDraft(await api['drafts:get']({ id }));
    } catch (error) {
      fail(error);
    }
  };

  const create = async () => {
    if (!(await settle())) return;
    try {
      const created = await api['drafts:create']({});
      setView('active');
      await loadList('active');
      setDraft(created);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.headline-input')?.focus());
    } catch (error) {
      fail(error);
    }
  };

  const switchView = async (next: LibraryView) => {
    setView(next);
    try {
      await loadList(next);
    } catch (error) {
      fail(error);
    }
  };

  const trash = async () => {
    if (!draft || !(await settle())) return;
    try {
      const summary = await api['drafts:trash']({ id: draft.id });
      setDraft((current) => (current ? { ...current, trashedAt: summary.trashedAt } : current));
      await loadList(view);
      notify({
        tone: 'info',
        text: `“${summary.headline || 'Untitled release'}” moved to the trash.`,
        action: { label: 'Undo', run: () => void restore(summary.id) },
      });
    } catch (error) {
      fail(error);
    }
  };

  const restore = async (id: string) => {
    try {
      const summary = await api['drafts:restore']({ id });
      setDraft((current) => (current?.id === id ? { ...current, trashedAt: null } : current));
      await loadList(view);
      notify({ tone: 'info', text: `“${summary.headline || 'Untitled release'}” restored.` });
    } catch (error) {
      fail(error);
    }
  };

  const exportAs = async (format: ExportFormat) => {
    if (!draft || !(await settle())) return;
    try {
      const outcome = await deliverExport(draft.id, format);
      if (outcome.status === 'saved')
        notify({
          tone: 'success',
          text: `Exported ${format === 'md' ? 'Markdown' : 'HTML'}: ${outcome.where}`,
        });
    } catch (error) {
      fail(error);
    }
  };

  const onSaved = useCallback(
    (summary: DraftSummary) =>
      setItems((list) => {
        const inList = list.some((item) => item.id === summary.id);
        if (!inList) return list;
        return list.map((item) => (item.id === summary.id ? summary : item)).sort(byNewest);
      }),
    [],
  );
  const registerFlush = useCallback((flush: (() => Promise<void>) | null) => {
    flushRef.current = flush;
  }, []);

  if (fatal) {
    return (
      <main className="fatal" role="alert">
        <h1>The editor could not open its store</h1>
        <p>{fatal}</p>
      </main>
    );
  }
  if (!taxonomies) return <main className="loading">Opening the store…</main>;

  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            N
          </span>
          <span className="brand-name">Newsroom</span>
        </div>
        <button type="button" className="button primary" onClick={() => void create()}>
          New release
        </button>
        <div className="topbar-spacer" />
        {draft && <SaveIndicator status={status} />}
        {draft && !draft.trashedAt && (
          <button type="button" className="button subtle" onClick={() => void trash()}>
            Move to trash
          </button>
        )}
        <ExportMenu disabled={!draft} onExport={(format) => void exportAs(format)} />
      </header>
      <LibraryPanel
        view={view}
        onView={(next) => void switchView(next)}
        items={items}
        taxonomies={taxonomies}
        openId={draft?.id ?? null}
        onOpen={(id) => void open(id)}
        onRestore={(id) => void restore(id)}
      />
      <main className="main">
        {draft?.trashedAt && (
          <div className="banner" role="status">
            This release is in the trash.
            <button type="button" className="button small" onClick={() => void restore(draft.id)}>
              Restore
            </button>
          </div>
        )}
        {draft ? (
          <ReleaseEditor
            key={draft.id}
            draft={draft}
            taxonomies={taxonomies}
            onSaved={onSaved}
            onStatus={setStatus}
            registerFlush={registerFlush}
          />
        ) : (
          <div className="empty-state">
            <h1>No release open</h1>
            <p>Start a new release, or open one from the library.</p>
            <button type="button" className="button primary" onClick={() => void create()}>
              New release
            </button>
          </div>
        )}
      </main>
      <footer className="statusbar">
        <span>Store: {storePath}</span>
      </footer>
      <Notices
        notices={notices}
        onDismiss={(id) => setNotices((list) => list.filter((n) => n.id !== id))}
      />
    </div>
  );
}
