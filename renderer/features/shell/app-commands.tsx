import {
  createRelease,
  exportOpen,
  openDialog,
  settle,
  switchView,
  trashOpen,
} from '../../app/actions';
import { appStore, selectOpenTrashed } from '../../app/store';
import { CommandCenter, type CommandHandlers } from '../palette/command-center';
import type { PaletteCommand } from '../palette/palette-items';
import { runReviewCommand } from '../review/review-commands';

const RUN: CommandHandlers = {
  'release:new': () => void createRelease(),
  'release:save': () => void settle(),
  'release:export-md': () => void exportOpen('md'),
  'release:export-html': () => void exportOpen('html'),
  'release:trash': () => void trashOpen(),
  'view:library': () => switchView('active'),
  'view:trash': () => switchView('trash'),
  'app:preferences': () => openDialog({ kind: 'preferences' }),
  'review:comment': () => runReviewCommand('comment'),
  'review:suggest': () => runReviewCommand('toggleSuggest'),
  'review:send': () => runReviewCommand('send', 'send'),
  'review:return': () => runReviewCommand('send', 'return'),
};

/** Read when a command is given, not on every change: nothing here needs re-rendering. */
const isEnabled = (command: PaletteCommand): boolean => {
  if (command.startsWith('review:')) return appStore.getState().open !== null;
  if (!command.startsWith('release:') || command === 'release:new') return true;
  const state = appStore.getState();
  if (!state.open) return false;
  return !(command === 'release:trash' && selectOpenTrashed(state));
};

export function AppCommands() {
  return <CommandCenter run={RUN} isEnabled={isEnabled} />;
}
