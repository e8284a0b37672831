import { ThemeSchema, type Theme } from '../../../shared/preferences-schema';

const REMEMBERED = 'newsroom.theme';

/**
 * Puts the theme on <html> (`data-theme`), where styles.css picks its colours: `light`, `dark`,
 * or `system`, which follows the operating system's setting. Remembered locally too, so the next
 * start paints the right colours before the preferences have loaded.
 */
export const applyTheme = (theme: Theme, root: HTMLElement = document.documentElement): void => {
  root.dataset.theme = theme;
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
