import { DEFAULT_PREFERENCES, type Preferences } from '../../shared/preferences-schema';
import type { PreferencesOpenResult } from '../services/preferences';

/** What the desktop shell uses of the preferences file. */
export interface ShellPreferences {
  get(): Preferences;
  update(patch: Partial<Preferences>): Promise<Preferences>;
  onChange(listener: (preferences: Preferences) => void): () => void;
}

export interface OpenedPreferences {
  preferences: ShellPreferences;
  /** A damaged file was set aside: worth a warning once the window is up. */
  problem: string | null;
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * The defaults for this session, when the file could not be opened at all. Changes are refused
 * rather than written: the file that could not be read may still hold the officer's settings
 * (a permissions problem, a folder in its place), and writing would replace it.
 */
const sessionDefaults = (filePath: string, why: string): ShellPreferences => ({
  get: () => DEFAULT_PREFERENCES,
  update: () =>
    Promise.reject(
      new Error(
        `Preferences cannot be changed in this session: ${filePath} could not be read (${why}). Fix or remove that file and restart the editor.`,
      ),
    ),
  onChange: () => () => undefined,
});

/**
 * Opens the preferences file for the desktop app. If it cannot be opened at all (unreadable, a
 * folder in its place…), the officer is told in a dialog naming the file, and the app goes on
 * with the defaults instead of ending with a message only a console would show.
 */
export const openPreferencesOrDefaults = async (
  filePath: string,
  open: (filePath: string) => Promise<PreferencesOpenResult>,
  showErrorBox: (title: string, content: string) => void,
): Promise<OpenedPreferences> => {
  try {
    return await open(filePath);
  } catch (error) {
    const why = describe(error);
    showErrorBox(
      'The preferences could not be read',
      `${filePath}\n\n${why}\n\nThe editor starts with the default preferences, so it opens the store in its default place; changes to preferences cannot be saved until that file is fixed or removed.`,
    );
    return { preferences: sessionDefaults(filePath, why), problem: null };
  }
};
