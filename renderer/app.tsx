import { useCallback, useEffect, useRef, useState } from 'react';
import type { Draft, DraftSummary, ExportFormat, Taxonomies } from '../shared/schemas';
import { api } from './api/client';
import { deliverExport } from './api/deliver-export';
import { ExportMenu } from './components/export-menu';
import { TransferBar } from './features/export/transfer-bar';
import { BatchExportDialog } from './features/export/batch-export-dialog';
import { ReleaseEditor } from './features/editor/release-editor';
import type { SaveStatus } from './features/editor/save-queue';
import { LibraryPanel, type LibraryView } from './features/library/library-panel';
import { SaveIndicator } from './components/save-indicator';
import { Notices, type Notice } from './components/notices';
import { StoreReportNotice } from './features/recovery/store-report-notice';
import { NewReleaseMenu } from './features/templates/new-release-menu';
import { TemplatesDialog } from './features/templates/templates-dialog';
import type { Template } from '../shared/template-schema';
import { CommandCenter } from './features/palette/command-center';
import { useCloseGuard } from './features/shell/use-close-guard';
import { PreferencesDialog } from './features/preferences/preferences-dialog';
import { usePreferences } from './features/preferences/use-preferences';
import { onEvent } from './api/client';
import { CHANGED_ELSEWHERE } from './features/sync/remote-save';
import { summarize } from '../shared/schemas';

const byNewest = (a: DraftSummary, b: DraftSummary) => b.updatedAt.localeCompare(a.updatedAt);

export function App() {
  const [taxonomies, setTaxonomies] = useState<Taxonomies | null>(null);
  const [storePath, setStorePath] = useState('');
  const [view, setView] = useState<LibraryView>('active');
  const [items, setItems] = useState<DraftSummary[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved', at: null });
  const [notices, setNotices] = useState<Notice[]>([]);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [managingTemplates, setManagingTemplates] = useState(false);
  const [batchIds, setBatchIds] = useState<string[] | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const flushRef = useRef<(() => Promise<void>) | null>(null);
  const [preferencesOpen, setPreferencesOpen] = useState(false);
  const draftRef = useRef<Draft | null>(null);
  useEffect(() => {
    draftRef.current = draft;
  }, [draft]);

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

  const { preferences, save: savePreferences } = usePreferences(fail);

  const loadTemplates = useCallback(async () => setTemplates(await api['templates:list']({})), []);

  const loadList = useCallback(
    async (which: LibraryView) => setItems(await api['drafts:list']({ view: which })),
    [],
  );

  useEffect(() => {
    Promise.all([
      api['taxonomies:get']({}),
      api['app:info']({}),
      api['drafts:list']({ view: 'active' }),
      api['templates:list']({}),
    ])
      .then(([tax, info, list, templateList]) => {
        setTemplates(templateList);
        setTaxonomies(tax);
        setStorePath(info.storePath);
        setItems(list);
        // A window the shell opened on a given release says so in its address (#release=ID).
        const last =
          new URLSearchParams(window.location.hash.slice(1)).get('release') ??
          localStorage.getItem('newsroom.lastOpen');
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
  useCloseGuard(draft !== null && status.state !== 'saved', settle);

  const open = async (id: string) => {
    if (id === draft?.id) return;
    if (!(await settle())) return;
    try {
      setDraft(await api['drafts:get']({ id }));
    } catch (error) {
      fail(error);
    }
  };

  const create = async (templateId: string | null = null) => {
    if (!(await settle())) return;
    try {
      const created = await api['drafts:create'](templateId ? { templateId } : {});
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
  /** Another window saved the open release and this one had nothing unsaved: show its version. */
  const reloadOpen = useCallback(
    (stillClean: () => boolean) => {
      const id = draftRef.current?.id;
      if (!id) return;
      api['drafts:get']({ id }).then((fresh) => {
        // Typing started while the newer version was on its way: keep the typing.
        if (!stillClean()) return notify({ tone: 'info', text: CHANGED_ELSEWHERE });
        setDraft((current) => (current?.id === fresh.id ? fresh : current));
        onSaved(summarize(fresh));
      }, fail);
    },
    [notify, fail, onSaved],
  );

  // The store moved (Preferences, in any window): read the library from its new folder.
  useEffect(
    () =>
      onEvent('store:changed', () => {
        void (async () => {
          const [tax, info, list, templateList] = await Promise.all([
            api['taxonomies:get']({}),
            api['app:info']({}),
            api['drafts:list']({ view: 'active' }),
            api['templates:list']({}),
          ]);
          setTaxonomies(tax);
          setStorePath(info.storePath);
          setTemplates(templateList);
          setView('active');
          setItems(list);
          const openId = draftRef.current?.id;
          const stillThere = list.some((item) => item.id === openId);
          setDraft(openId && stillThere ? await api['drafts:get']({ id: openId }) : null);
        })().catch(fail);
      }),
    [fail],
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
        <NewReleaseMenu
          templates={templates}
          onCreate={(id) => void create(id)}
          onManage={() => setManagingTemplates(true)}
        />
        <div className="topbar-spacer" />
        {draft && <SaveIndicator status={status} />}
        {draft && !draft.trashedAt && (
          <button type="button" className="button subtle" onClick={() => void trash()}>
            Move to trash
          </button>
        )}
        <ExportMenu disabled={!draft} onExport={(format) => void exportAs(format)} />
        <TransferBar
          draftId={draft?.id ?? null}
          onNotice={(tone, text) => notify({ tone, text })}
          onImported={() => void loadList(view)}
        />
      </header>
      <LibraryPanel
        view={view}
        onView={(next) => void switchView(next)}
        items={items}
        taxonomies={taxonomies}
        openId={draft?.id ?? null}
        onOpen={(id) => void open(id)}
        onRestore={(id) => void restore(id)}
        onExport={(ids) => void settle().then((saved) => saved && setBatchIds(ids))}
      />
      <main className="main">
        <StoreReportNotice />
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
            // A newer version from another window replaces the editor; its own saves do not.
            key={`${draft.id}@${draft.revision}`}
            draft={draft}
            taxonomies={taxonomies}
            onSaved={onSaved}
            onStatus={setStatus}
            registerFlush={registerFlush}
            templates={templates}
            onNotice={(tone, text) => notify({ tone, text })}
            onTemplateSaved={() => void loadTemplates().catch(fail)}
            onReload={reloadOpen}
            onKeptCopy={(copy) => {
              notify({
                tone: 'info',
                text: `Changed in another window: that version is kept in the library as “${copy.headline}”.`,
              });
              void loadList(view).catch(fail);
            }}
          />
        ) : (
          <div className="empty-state">
            <h1>No release open</h1>
            <p>Start a new release, or open one from the library.</p>
            <button type="button" className="button primary" onClick={() => void create()}>
              Blank release
            </button>
          </div>
        )}
      </main>
      <footer className="statusbar">
        <span>Store: {storePath}</span>
        {preferences?.officerName && <span>Officer: {preferences.officerName}</span>}
      </footer>
      {preferencesOpen && preferences && (
        <PreferencesDialog
          preferences={preferences}
          taxonomies={taxonomies}
          onSave={savePreferences}
          onMoveStore={async () => {
            if (!(await settle()))
              throw new Error('Pending edits could not be saved; the store was not moved.');
            return api['store:move']({});
          }}
          onClose={() => setPreferencesOpen(false)}
        />
      )}
      {batchIds && <BatchExportDialog ids={batchIds} onClose={() => setBatchIds(null)} />}
      {managingTemplates && (
        <TemplatesDialog
          templates={templates}
          openDraftId={draft?.id ?? null}
          onChanged={() => void loadTemplates().catch(fail)}
          onClose={() => setManagingTemplates(false)}
          onError={fail}
        />
      )}
      <CommandCenter
        run={{
          'release:new': () => void create(),
          'release:save': () => void settle(),
          'release:export-md': () => void exportAs('md'),
          'release:export-html': () => void exportAs('html'),
          'release:trash': () => void trash(),
          'view:library': () => void switchView('active'),
          'view:trash': () => void switchView('trash'),
          'app:preferences': () => setPreferencesOpen(true),
        }}
        isEnabled={(command) =>
          command.startsWith('release:') && command !== 'release:new'
            ? draft !== null && !(command === 'release:trash' && draft.trashedAt)
            : true
        }
      />
      <Notices
        notices={notices}
        onDismiss={(id) => setNotices((list) => list.filter((n) => n.id !== id))}
      />
    </div>
  );
}
