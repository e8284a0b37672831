import { useCallback, useEffect, useState } from 'react';
import type { PreferencesUpdate, PreferencesView } from '../../../shared/preferences-schema';
import { api } from '../../api/client';
import { onEvent } from '../../api/client';
import { applyTheme, rememberedTheme } from './theme';

// Before React renders anything: no flash of the light theme for a dark-theme officer.
applyTheme(rememberedTheme());

/**
 * The app's preferences as this window knows them, kept current when another window changes
 * them; the theme follows them onto the page.
 */
export const usePreferences = (onError: (error: unknown) => void) => {
  const [preferences, setPreferences] = useState<PreferencesView | null>(null);

  const load = useCallback(
    () =>
      api['preferences:get']({}).then((view) => {
        setPreferences(view);
        applyTheme(view.theme);
      }, onError),
    [onError],
  );
  useEffect(() => {
    void load();
    return onEvent('preferences:changed', ({ preferences: view }) => {
      setPreferences(view);
      applyTheme(view.theme);
    });
  }, [load]);

  const save = useCallback(async (patch: PreferencesUpdate): Promise<PreferencesView> => {
    const view = await api['preferences:set'](patch);
    setPreferences(view);
    applyTheme(view.theme);
    return view;
  }, []);

  return { preferences, save, reload: load };
};
