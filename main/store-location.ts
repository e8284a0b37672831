import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Newsroom Editor';

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

/** The store a process opens: the flag, else NEWSROOM_STORE, else the user-data store. */
export const resolveStoreDir = (
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  userData: string = userDataDir(),
): string => storeFlag(argv) ?? env.NEWSROOM_STORE ?? join(userData, 'store');
