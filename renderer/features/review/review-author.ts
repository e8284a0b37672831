import { savePreferences, fail } from '../../app/actions';
import { appStore } from '../../app/store';
import { askAuthorName } from './review-prompts';

/** The officer's name from Preferences; asked for once when it is not set, then kept there. */
export const ensureAuthor = async (): Promise<string | null> => {
  const known = appStore.getState().preferences?.officerName.trim();
  if (known) return known;
  const name = await askAuthorName();
  if (!name) return null;
  try {
    await savePreferences({ officerName: name });
  } catch (error) {
    fail(error);
  }
  return name;
};
