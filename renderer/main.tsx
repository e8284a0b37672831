import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { applyTheme, rememberedTheme } from './features/preferences/theme';
import './styles.css';

// Before React renders anything: no flash of the light theme for a dark-theme officer.
applyTheme(rememberedTheme());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
