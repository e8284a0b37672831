import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * `npm start`: the desktop editor. The Electron package fetches its binary on first use; where
 * that cannot happen (no network, a locked-down build machine) say so in one line and point to
 * browser mode instead of printing a stack trace.
 */
const require = createRequire(import.meta.url);

const electronPath = (): string | null => {
  // Resolving the package's main module triggers the first-run download, in a child process so a
  // failure (and its noise) stays there.
  const probe = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return probe.status === 0 && probe.stdout ? probe.stdout : null;
};

const binary = electronPath();
if (!binary) {
  console.error(
    'The Electron binary is not installed and could not be downloaded here; run the same editor in your browser with `npm run start:web`.',
  );
  process.exit(1);
}

const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const child = spawn(process.execPath, [cli, 'preview', '--', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
child.on('exit', (code) => process.exit(code ?? 0));
