import { createRelease, exportOpen, openDialog, tell, trashOpen } from '../../app/actions';
import { selectOpenId, selectOpenTrashed, useApp } from '../../app/store';
import { ExportMenu } from '../../components/export-menu';
import { SaveIndicator } from '../../components/save-indicator';
import { TransferBar } from '../export/transfer-bar';
import { NewReleaseMenu } from '../templates/new-release-menu';

/** The top bar's save status: the one part of the window a keystroke re-renders. */
function OpenSaveStatus() {
  const status = useApp((state) => state.saveStatus);
  return <SaveIndicator status={status} />;
}

// An import's releases arrive as `library:changed` events, like everyone else's changes.
const importedArriveByEvents = () => undefined;

const manageTemplates = () => openDialog({ kind: 'templates' });
const create = (templateId: string | null) => void createRelease(templateId);

export function TopBar() {
  const templates = useApp((state) => state.templates);
  const openId = useApp(selectOpenId);
  const trashed = useApp(selectOpenTrashed);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          N
        </span>
        <span className="brand-name">Newsroom</span>
      </div>
      <NewReleaseMenu templates={templates} onCreate={create} onManage={manageTemplates} />
      <div className="topbar-spacer" />
      {openId && <OpenSaveStatus />}
      {openId && !trashed && (
        <button type="button" className="button subtle" onClick={() => void trashOpen()}>
          Move to trash
        </button>
      )}
      <ExportMenu disabled={!openId} onExport={(format) => void exportOpen(format)} />
      <TransferBar draftId={openId} onNotice={tell} onImported={importedArriveByEvents} />
    </header>
  );
}
