import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Electron binary, when this machine has one; the package downloads it only on first run. */
export const electronBinary = (): string | null => {
  const pkg = join('node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, relative) : join(pkg, 'dist', relative);
  return existsSync(candidate) ? candidate : null;
};

export const SKIP_REASON =
  'no Electron binary on this machine (set ELECTRON_OVERRIDE_DIST_PATH or let `npx electron` download it): desktop journey skipped';
