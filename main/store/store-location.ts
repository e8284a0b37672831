import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const PRODUCT_NAME = 'Newsroom Editor';

export const STORE_ENV = 'NEWSROOM_STORE';

/** `--store DIR` or `--store=DIR` from a command line, if given. */
export const storeFlag = (argv: readonly string[]): string | undefined => {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--store') return argv[i + 1];
    if (arg?.startsWith('--store=')) return arg.slice('--store='.length);
  }
  return undefined;
};

/**
 * The OS user-data folder Electron uses for this app (`app.getPath('userData')`), computed
 * without Electron so browser mode and the CLI open the same store as the desktop app.
 */
export const userDataDir = (
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string => {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
};

/**
 * The store someone asked for: the `--store` flag, else NEWSROOM_STORE; null when neither is
 * given. The CLI insists on one: guessing could write releases where the user never looks.
 */
export const explicitStoreDir = (
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | null => {
  const chosen = flag?.trim() || env[STORE_ENV]?.trim();
  return chosen ? resolve(chosen) : null;
};

/** The store the app opens: the one asked for, else `store/` in the user-data folder. */
export const resolveStoreDir = (
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  userData: string = userDataDir(),
): string => explicitStoreDir(storeFlag(argv), env) ?? join(userData, 'store');
