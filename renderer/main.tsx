import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { ErrorBoundary } from './components/error-boundary';
import { applyTheme, rememberedTheme } from './features/preferences/theme';
import './styles.css';

// Before React renders anything: no flash of the light theme for a dark-theme officer.
applyTheme(rememberedTheme());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary
      fallback={(error) => (
        <main className="fatal" role="alert">
          <h1>The editor hit a problem it could not get past</h1>
          <p>{error.message}</p>
          <p>Everything saved is in the store. Reload the window to go on.</p>
        </main>
      )}
    >
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
