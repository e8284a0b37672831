import fs from 'node:fs/promises';
import path from 'node:path';
import {
  DEFAULT_PREFERENCES,
  PreferencesSchema,
  type Preferences,
  type SpellcheckLanguage,
} from '../../shared/preferences-schema';
import type { Language, ReleaseMeta } from '../../shared/schemas';
import { ServiceError } from '../../shared/result';
import { AtomicJsonFile, CorruptFileError } from '../store/atomic-json-file';
import { describeError } from '../store/durable-write';
import { quarantine } from '../store/quarantine';
import { ioReason } from '../store/save-errors';
import { explicitStoreDir, storeFlag } from '../store/store-location';

export const PREFERENCES_FILE = 'preferences.json';
/** Points browser mode (and tests) at another preferences file than the user-data folder's. */
export const PREFERENCES_ENV = 'NEWSROOM_PREFERENCES';

/** `preferences.json` in the app's user-data folder, the same for the desktop app and browser mode. */
export const preferencesPath = (
  userData: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string => {
  const override = env[PREFERENCES_ENV]?.trim();
  return override ? path.resolve(override) : path.join(userData, PREFERENCES_FILE);
};

/**
 * The store the app opens: `--store` or NEWSROOM_STORE when given (a one-off choice wins), else
 * the folder chosen in Preferences, else `store/` in the user-data folder.
 */
export const storeDirFor = (
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  userData: string,
  preferences: Pick<Preferences, 'storeDir'>,
): string =>
  explicitStoreDir(storeFlag(argv), env) ?? preferences.storeDir ?? path.join(userData, 'store');

/** The dictionary language for a release: the officer's fixed choice, or the release's own. */
export const spellcheckLanguageFor = (
  preference: SpellcheckLanguage,
  releaseLanguage: Language | null,
): Language | null => (preference === 'release' ? releaseLanguage : preference);

/** What a new blank release starts with, from the officer's defaults. */
export const newReleaseDefaults = (
  preferences: Pick<Preferences, 'defaultPlaceId' | 'defaultSourceId'>,
): Pick<ReleaseMeta, 'placeIds' | 'sourceIds'> => ({
  placeIds: preferences.defaultPlaceId ? [preferences.defaultPlaceId] : [],
  sourceIds: preferences.defaultSourceId ? [preferences.defaultSourceId] : [],
});

export interface PreferencesOpenResult {
  preferences: PreferencesFile;
  /** Set when the file was damaged: it was moved aside and the defaults are in use. */
  problem: string | null;
}

/**
 * The app's preferences in one small JSON file, written the way the store writes its files
 * (unique temp file, fsync, rename, fsync the folder). A damaged file is moved aside, never
 * overwritten, and the defaults are used until the officer saves again.
 */
export class PreferencesFile {
  private current: Preferences;
  private writing: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(preferences: Preferences) => void>();

  private constructor(
    private readonly file: AtomicJsonFile<Preferences>,
    initial: Preferences,
  ) {
    this.current = initial;
  }

  static async open(filePath: string): Promise<PreferencesOpenResult> {
    const file = new AtomicJsonFile<Preferences>(filePath, PreferencesSchema);
    await fs.mkdir(path.dirname(filePath), { recursive: true });
    try {
      const stored = await file.read();
      return {
        preferences: new PreferencesFile(file, stored ?? DEFAULT_PREFERENCES),
        problem: null,
      };
    } catch (error) {
      // A folder in its place, or a file that may not be read, counts as damaged: the app opens.
      if (!(error instanceof CorruptFileError)) throw error;
      const keptAs = await quarantine(error).catch((cause: unknown) => cause);
      return {
        preferences: new PreferencesFile(file, DEFAULT_PREFERENCES),
        problem:
          typeof keptAs === 'string'
            ? `The preferences file ${filePath} was damaged (${error.reason}); it is kept as ${keptAs} and the defaults are in use.`
            : `The preferences file ${filePath} is damaged (${error.reason}) and could not be moved aside (${describeError(keptAs)}); the defaults are in use, and changes to them cannot be saved until the file is removed.`,
      };
    }
  }

  get path(): string {
    return this.file.filePath;
  }

  get(): Preferences {
    return this.current;
  }

  /** Merges `patch` in and writes the file; resolves once it is on disk. Writes never interleave. */
  update(patch: Partial<Preferences>): Promise<Preferences> {
    const run = this.writing.then(async () => {
      const next = PreferencesSchema.parse({ ...this.current, ...patch });
      await this.file.write(next).catch((error: unknown) => {
        throw new ServiceError(
          'IO_ERROR',
          `Could not save the preferences (${this.file.filePath}): ${ioReason(error)}. The preferences saved before are intact.`,
        );
      });
      this.current = next;
      for (const listener of this.listeners) listener(next);
      return next;
    });
    this.writing = run.catch(() => undefined);
    return run;
  }

  /** Told of every change once it is written (the shell applies the theme and the dictionary). */
  onChange(listener: (preferences: Preferences) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
