import type { Session } from 'electron';
import type { Language } from '../../shared/schemas';
import { APP_ORIGIN } from '../services/security';

/**
 * Dictionaries to try for a release's language, best first. Chromium's list names most of them
 * with a region (`de-DE`), a few without; the house writes British English.
 */
const DICTIONARIES: Record<Language, readonly string[]> = {
  en: ['en-GB', 'en-US'],
  fr: ['fr-FR', 'fr'],
  de: ['de-DE', 'de'],
  ru: ['ru-RU', 'ru'],
};

/** The dictionary to use for `language` among those this Electron offers; none if it has none. */
export const dictionariesFor = (language: Language, available: readonly string[]): string[] => {
  const found = DICTIONARIES[language].find((code) => available.includes(code));
  return found ? [found] : [];
};

/**
 * Switches the spell checker to the release's language. macOS always uses the system's own
 * checker (which detects the language itself), so there is nothing to set there.
 */
export const applySpellcheckLanguage = (
  session: Pick<Session, 'availableSpellCheckerLanguages' | 'setSpellCheckerLanguages'>,
  language: Language,
  platform: NodeJS.Platform,
): string[] => {
  if (platform === 'darwin') return [];
  const chosen = dictionariesFor(language, session.availableSpellCheckerLanguages);
  if (chosen.length > 0) session.setSpellCheckerLanguages(chosen);
  return chosen;
};

/**
 * Where Chromium fetches Hunspell dictionaries on Windows and Linux; by default Google's CDN, the
 * first time a language is used. The app works offline, so the base URL points into the app's
 * own protocol, which serves only the built renderer and answers this with "not found": no
 * request leaves the machine. A dictionary already in the user-data folder is still used.
 */
export const DICTIONARY_BASE_URL = `${APP_ORIGIN}/spelling-dictionaries/`;

/** Must run before the first window checks spelling, or Chromium may already be downloading. */
export const keepDictionariesOffline = (
  session: Pick<Session, 'setSpellCheckerDictionaryDownloadURL'>,
): void => {
  session.setSpellCheckerDictionaryDownloadURL(DICTIONARY_BASE_URL);
};
