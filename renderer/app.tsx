import { useEffect } from 'react';
import { dismissNotice, hasUnsavedEdits, settle, start } from './app/actions';
import { useApp } from './app/store';
import { Notices } from './components/notices';
import { LibraryPanel } from './features/library/library-panel';
import { AppCommands } from './features/shell/app-commands';
import { Dialogs } from './features/shell/dialogs';
import { ReviewPrompts } from './features/review/review-prompts';
import { MainArea } from './features/shell/main-area';
import { SkipLink } from './features/shell/skip-link';
import { StatusBar } from './features/shell/status-bar';
import { TopBar } from './features/shell/top-bar';
import { useCloseGuard } from './features/shell/use-close-guard';

function NoticesFromStore() {
  const notices = useApp((state) => state.notices);
  return <Notices notices={notices} onDismiss={dismissNotice} />;
}

/**
 * The window: each part reads its own slice of the store, so a keystroke re-renders the save
 * status and nothing else, and a change in the library re-renders the library alone.
 */
export function App() {
  const boot = useApp((state) => state.boot);
  useEffect(start, []);
  useCloseGuard(hasUnsavedEdits, settle);

  if (boot.phase === 'failed') {
    return (
      <main className="fatal" role="alert">
        <h1>The editor could not open its store</h1>
        <p>{boot.message}</p>
      </main>
    );
  }
  if (boot.phase === 'loading') return <main className="loading">Opening the store…</main>;

  return (
    <div className="shell">
      <SkipLink />
      <TopBar />
      <LibraryPanel />
      <MainArea />
      <StatusBar />
      <Dialogs />
      <ReviewPrompts />
      <AppCommands />
      <NoticesFromStore />
    </div>
  );
}
