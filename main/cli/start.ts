import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * `npm start`: the desktop editor. The Electron package fetches its binary on first use; where
 * that cannot happen (no network, a locked-down build machine) say so in one line and open the
 * same editor in browser mode, so the README's first command always runs the editor.
 */
const require = createRequire(import.meta.url);

const electronPath = (): string | null => {
  // Resolving the package's main module triggers the first-run download, in a child process so a
  // failure (and its noise) stays there.
  const probe = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    // A network that drops packets without a word must not keep the editor from opening.
    timeout: 60_000,
  });
  return probe.status === 0 && probe.stdout ? probe.stdout : null;
};

const electronVite = join(
  dirname(require.resolve('electron-vite/package.json')),
  'bin',
  'electron-vite.js',
);

const binary = electronPath();
if (!binary) {
  console.error(
    'The Electron binary is not installed and could not be downloaded here, so the same editor opens in your browser instead (browser mode).',
  );
  // The same steps as `npm run start:web`: build the renderer, then serve it and the store.
  const run = (args: string[]) =>
    spawnSync(process.execPath, args, { stdio: 'inherit', env: process.env }).status ?? 1;
  const built = run([electronVite, 'build']);
  if (built !== 0) process.exit(built);
  const tsx = join(dirname(require.resolve('tsx/package.json')), 'dist', 'cli.mjs');
  const host = spawn(process.execPath, [tsx, 'main/cli/web-host.ts', ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  host.on('exit', (code) => process.exit(code ?? 0));
} else {
  const child = spawn(process.execPath, [electronVite, 'preview', '--', ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}
