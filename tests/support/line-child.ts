import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface LineChild {
  child: ChildProcess;
  send(line: string): void;
  /** Resolves with the first line from now on that `match` accepts; rejects if the child exits. */
  next(match: (line: string) => boolean): Promise<string>;
  stop(): Promise<void>;
}

/** Starts a script of tests/support in its own process, talking to it a line at a time. */
export const spawnLineChild = (script: string, args: string[] = []): LineChild => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join('tests/support', script), ...args],
    {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  const waiting = new Set<() => void>();
  let partial = '';
  let stderr = '';
  let exited = false;
  const wake = () => {
    for (const waiter of [...waiting]) waiter();
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    partial += chunk.toString();
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    wake();
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      wake();
      resolve();
    }),
  );
  let read = 0;
  return {
    child,
    send: (line) => child.stdin?.write(`${line}\n`),
    next: (match) =>
      new Promise((resolve, reject) => {
        const check = () => {
          while (read < lines.length) {
            const line = lines[read] ?? '';
            read += 1;
            if (match(line)) {
              waiting.delete(check);
              resolve(line);
              return;
            }
          }
          if (exited) {
            waiting.delete(check);
            reject(new Error(`${script} exited:\n${lines.join('\n')}\n${stderr}`));
          }
        };
        waiting.add(check);
        check();
      }),
    stop: async () => {
      child.stdin?.end();
      if (!exited) await exit;
    },
  };
};
