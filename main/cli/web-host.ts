import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createEventBus } from '../services/event-bus';
import { createHandlers } from '../services/handlers';
import { openServices } from '../services';
import { preferencesPath, PreferencesFile, storeDirFor } from '../services/preferences';
import { userDataDir } from '../store/store-location';
import { startHost } from './http-host';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const openInBrowser = (url: string): void => {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No desktop to open a browser on: the printed URL is enough.
  }
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      store: { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const rendererDir = join(root, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(
      `The renderer is not built (${rendererDir}). Run \`npm run build\` first, or use \`npm run start:web\`.`,
    );
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port must be a port number, not ${values.port}`);
  const userData = userDataDir();
  // The same preferences file as the desktop app's; the store cannot move from here.
  const { preferences, problem } = await PreferencesFile.open(
    preferencesPath(userData, process.env),
  );
  if (problem) console.warn(problem);
  const storeDir = storeDirFor(
    values.store ? ['--store', values.store] : [],
    process.env,
    userData,
    preferences.get(),
  );
  const bus = createEventBus();
  const services = await openServices({ storeDir, publish: bus.publish });
  const handlers = createHandlers(services, undefined, { preferences });
  const host = await startHost({ handlers, events: bus, rendererDir, port });

  console.log(`Newsroom editor (browser mode) on store ${storeDir}`);
  console.log(`Open: ${host.url}`);
  console.log(
    'Only this machine can reach it, and only with the token in that URL. Ctrl+C to stop.',
  );
  if (!values['no-open'] && !process.env.CI) openInBrowser(host.url);

  const stop = () => {
    void host
      .close()
      .then(() => services.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

main().catch((error: unknown) => {
  console.error(`newsroom web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
