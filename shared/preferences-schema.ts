import { z } from 'zod';
import { LANGUAGES, TermIdSchema } from './schemas';

export const THEMES = ['light', 'dark', 'system'] as const;
export const ThemeSchema = z.enum(THEMES);
export type Theme = z.infer<typeof ThemeSchema>;

/** `release` follows each release's own language; a language code fixes the dictionary. */
export const SpellcheckLanguageSchema = z.enum(['release', ...LANGUAGES]);
export type SpellcheckLanguage = z.infer<typeof SpellcheckLanguageSchema>;

/**
 * The app's own settings, kept beside the store rather than in it: one of them says where the
 * store is. Every field has a default, so an older or partial file still reads.
 */
export const PreferencesSchema = z.object({
  /** Shown in the window; not written into exports (no exporter has such a field). */
  officerName: z.string().trim().max(120).default(''),
  /** The store folder the officer chose; null means the default in the user-data folder. */
  storeDir: z.string().min(1).max(4096).nullable().default(null),
  /** Given to every new blank release (a template brings its own). */
  defaultPlaceId: TermIdSchema.nullable().default(null),
  defaultSourceId: TermIdSchema.nullable().default(null),
  spellcheckLanguage: SpellcheckLanguageSchema.default('release'),
  theme: ThemeSchema.default('system'),
});
export type Preferences = z.infer<typeof PreferencesSchema>;

export const DEFAULT_PREFERENCES: Preferences = PreferencesSchema.parse({});

/** What the window may change directly; the store moves only through its own, checked action. */
export const PreferencesUpdateSchema = PreferencesSchema.omit({ storeDir: true })
  .partial()
  .strict();
export type PreferencesUpdate = z.infer<typeof PreferencesUpdateSchema>;

/** Preferences as the window sees them, with what it needs to describe the store. */
export const PreferencesViewSchema = PreferencesSchema.extend({
  /** The folder the running app has open (a `--store` flag or NEWSROOM_STORE wins over the preference). */
  activeStorePath: z.string(),
  /** Whether this shell can move the store (the desktop app; not browser mode). */
  canMoveStore: z.boolean(),
  /** Whether the spell checker's language can be chosen here (not on macOS, not in a browser). */
  canChooseSpellcheckLanguage: z.boolean(),
});
export type PreferencesView = z.infer<typeof PreferencesViewSchema>;

export const StoreMoveResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('cancelled') }),
  z.object({
    status: z.literal('moved'),
    /** The folder now in use. */
    storePath: z.string(),
    /** The folder left behind, untouched, for the officer to remove once satisfied. */
    previousPath: z.string(),
    /** True when the chosen folder already held a store, which was opened rather than overwritten. */
    openedExisting: z.boolean(),
  }),
]);
export type StoreMoveResult = z.infer<typeof StoreMoveResultSchema>;
