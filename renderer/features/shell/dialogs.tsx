import {
  closeDialog,
  deleteTemplate,
  moveStore,
  renameTemplate,
  savePreferences,
  updateTemplateFrom,
} from '../../app/actions';
import { selectOpenId, useApp } from '../../app/store';
import { BatchExportDialog } from '../export/batch-export-dialog';
import { PreferencesDialog } from '../preferences/preferences-dialog';
import { TemplatesDialog } from '../templates/templates-dialog';

function PreferencesFromStore() {
  const preferences = useApp((state) => state.preferences);
  const taxonomies = useApp((state) => state.taxonomies);
  if (!preferences || !taxonomies) return null;
  return (
    <PreferencesDialog
      preferences={preferences}
      taxonomies={taxonomies}
      onSave={savePreferences}
      onMoveStore={moveStore}
      onClose={closeDialog}
    />
  );
}

function TemplatesFromStore() {
  const templates = useApp((state) => state.templates);
  const openId = useApp(selectOpenId);
  return (
    <TemplatesDialog
      templates={templates}
      openDraftId={openId}
      onRename={renameTemplate}
      onUpdateFrom={updateTemplateFrom}
      onDelete={deleteTemplate}
      onClose={closeDialog}
    />
  );
}

/** The one dialog open at a time, if any. */
export function Dialogs() {
  const dialog = useApp((state) => state.dialog);
  switch (dialog?.kind) {
    case 'preferences':
      return <PreferencesFromStore />;
    case 'templates':
      return <TemplatesFromStore />;
    case 'batch-export':
      return <BatchExportDialog ids={dialog.ids} onClose={closeDialog} />;
    default:
      return null;
  }
}
