import { ThemeSchema, type Theme } from '../../../shared/preferences-schema';

const REMEMBERED = 'newsroom.theme';

const darkQuery = (): MediaQueryList | undefined =>
  window.matchMedia?.('(prefers-color-scheme: dark)');

let stopFollowing: (() => void) | undefined;

/**
 * Puts the theme on <html>: `data-theme` is the choice (`light`, `dark` or `system`) and
 * `data-scheme` the colours in force, which styles.css reads — for `system` it follows the
 * operating system's setting as it changes. Remembered locally too, so the next start paints
 * the right colours before the preferences have loaded.
 */
export const applyTheme = (theme: Theme, root: HTMLElement = document.documentElement): void => {
  root.dataset.theme = theme;
  stopFollowing?.();
  stopFollowing = undefined;
  const query = darkQuery();
  const scheme = () =>
    theme === 'dark' || (theme === 'system' && query?.matches) ? 'dark' : 'light';
  root.dataset.scheme = scheme();
  if (theme === 'system' && query) {
    const follow = () => {
      root.dataset.scheme = scheme();
    };
    query.addEventListener('change', follow);
    stopFollowing = () => query.removeEventListener('change', follow);
  }
  try {
    localStorage.setItem(REMEMBERED, theme);
  } catch {
    // Storage may be unavailable (a locked-down profile); the theme still applies now.
  }
};

/** The theme the last run used, until the preferences answer. */
export const rememberedTheme = (): Theme => {
  try {
    const parsed = ThemeSchema.safeParse(localStorage.getItem(REMEMBERED));
    return parsed.success ? parsed.data : 'system';
  } catch {
    return 'system';
  }
};
