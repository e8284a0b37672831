import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface StoreChild {
  child: ChildProcess;
  /** Everything it printed on stdout so far. */
  output(): string;
  /** Resolves once it printed `ready`; rejects with its output if it exits first. */
  ready: Promise<void>;
  exited: Promise<number | null>;
}

/** Starts tests/support/store-child.ts in its own process, as a second program would. */
export const spawnStoreChild = (mode: 'hold' | 'save-loop', dir: string): StoreChild => {
  const child = spawn(
    process.execPath,
    // tsx as a loader, not its CLI: the CLI runs the script in a grandchild, which a SIGKILL
    // of the child would leave running.
    ['--import', 'tsx', 'tests/support/store-child.ts', mode, dir],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const ready = new Promise<void>((resolve, reject) => {
    const poll = setInterval(() => {
      if (stdout.includes('ready\n')) {
        clearInterval(poll);
        resolve();
      }
    }, 5);
    void exited.then((code) => {
      clearInterval(poll);
      reject(new Error(`store child exited with ${code}:\n${stdout}\n${stderr}`));
    });
  });
  ready.catch(() => undefined);
  return { child, output: () => stdout, ready, exited };
};
