import type { Preferences, StoreMoveResult } from '../../shared/preferences-schema';
import type { Handlers } from './handlers';
import type { Services } from './types';

/** What the shell around the services offers for preferences, in either mode. */
export interface AppAbilities {
  preferences: {
    get(): Preferences;
    update(patch: Partial<Preferences>): Promise<Preferences>;
  };
  /** Only a shell that can reopen its services (the desktop app) moves the store. */
  moveStore?(): Promise<StoreMoveResult>;
  /** Whether the shell sets the spell checker's language (Electron, except on macOS). */
  choosesSpellcheckLanguage?: boolean;
}

type PreferenceChannels = 'preferences:get' | 'preferences:set' | 'store:move';

export const preferenceHandlers = (
  services: Pick<Services, 'storePath'>,
  app: AppAbilities,
): Pick<Handlers, PreferenceChannels> => {
  const view = (preferences: Preferences) => ({
    ...preferences,
    activeStorePath: services.storePath,
    canMoveStore: app.moveStore !== undefined,
    canChooseSpellcheckLanguage: app.choosesSpellcheckLanguage ?? false,
  });
  const handlers: Pick<Handlers, PreferenceChannels> = {
    'preferences:get': async () => view(app.preferences.get()),
    'preferences:set': async (patch) => view(await app.preferences.update(patch)),
  };
  const move = app.moveStore;
  if (move) handlers['store:move'] = () => move();
  return handlers;
};
