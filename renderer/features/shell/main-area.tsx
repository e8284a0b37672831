import {
  createRelease,
  keptCopy,
  receiveSaved,
  registerFlush,
  reloadOpen,
  reportShowing,
  restoreRelease,
  tell,
  templateSaved,
  updateSaveStatus,
} from '../../app/actions';
import { selectOpenId, selectOpenTrashed, useApp } from '../../app/store';
import { ErrorBoundary } from '../../components/error-boundary';
import { ReleaseEditor } from '../editor/release-editor';
import { StoreReportNotice } from '../recovery/store-report-notice';

function TrashBanner() {
  const openId = useApp(selectOpenId);
  const trashed = useApp(selectOpenTrashed);
  if (!openId || !trashed) return null;
  return (
    <div className="banner" role="status">
      This release is in the trash.
      <button type="button" className="button small" onClick={() => void restoreRelease(openId)}>
        Restore
      </button>
    </div>
  );
}

/**
 * The open release. It reads only what the editor is built from (the release as loaded, the
 * taxonomies, the templates), so saves and library changes never re-render the editor.
 */
export function MainArea() {
  const open = useApp((state) => state.open);
  const taxonomies = useApp((state) => state.taxonomies);
  const templates = useApp((state) => state.templates);
  return (
    <main className="main" id="editor">
      <StoreReportNotice />
      <TrashBanner />
      {open && taxonomies ? (
        <ErrorBoundary
          resetKey={`${open.id}@${open.revision}`}
          fallback={(error) => (
            <div className="empty-state" role="alert">
              <h1>This release cannot be shown</h1>
              <p>
                Something in “{open.headline || 'Untitled release'}” is not what the editor expects:{' '}
                {error.message}
              </p>
              <p>The rest of the library works; open another release from it.</p>
            </div>
          )}
        >
          <ReleaseEditor
            // A newer version from another window replaces the editor; its own saves do not.
            key={`${open.id}@${open.revision}`}
            draft={open}
            taxonomies={taxonomies}
            templates={templates}
            onSaved={receiveSaved}
            onStatus={updateSaveStatus}
            registerFlush={registerFlush}
            onNotice={tell}
            onTemplateSaved={templateSaved}
            onReload={reloadOpen}
            onKeptCopy={keptCopy}
            onLanguage={reportShowing}
          />
        </ErrorBoundary>
      ) : (
        <div className="empty-state">
          <h1>No release open</h1>
          <p>Start a new release, or open one from the library.</p>
          <button type="button" className="button primary" onClick={() => void createRelease()}>
            Blank release
          </button>
        </div>
      )}
    </main>
  );
}
