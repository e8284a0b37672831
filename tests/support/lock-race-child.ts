/**
 * A process that races others for a store's lock, for the lock race test. It waits on stdin:
 *   go DIR     tries to take DIR's lock; prints "held DIR" or "refused DIR <why>"
 *   release    lets go of the lock it holds (if any); prints "released"
 * It prints "ready" once loaded, so the test can start every racer at the same moment.
 */
import readline from 'node:readline';
import { acquireStoreLock, type AcquiredLock } from '../../main/store/store-lock';

let held: AcquiredLock | null = null;

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const [command, dir] = line.split(' ');
  if (command === 'go' && dir) {
    acquireStoreLock(dir, `racer ${process.pid}`).then(
      (lock) => {
        held = lock;
        process.stdout.write(`held ${dir}\n`);
      },
      (error: unknown) => {
        const why = error instanceof Error ? error.message : String(error);
        process.stdout.write(`refused ${dir} ${why.replace(/\n/g, ' ')}\n`);
      },
    );
  } else if (command === 'release') {
    const lock = held;
    held = null;
    void (lock ? lock.release() : Promise.resolve()).then(() => process.stdout.write('released\n'));
  }
});
lines.on('close', () => process.exit(0));
process.stdout.write('ready\n');
