/**
 * `npm run bench`: runs each benchmark module in turn and prints what it measures. Add a
 * benchmark by adding its module to this list.
 */
import os from 'node:os';
import type { BenchModule } from './stats';

const modules: (() => Promise<{ default: BenchModule }>)[] = [
  () => import('./store-bench'),
  () => import('./export-bench'),
  // Browser mode in Debian's Chromium (CHROMIUM_PATH for another); the renderer is built once.
  () => import('./typing-bench'),
  () => import('./library-bench'),
];

const main = async (): Promise<void> => {
  console.log(
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`,
  );
  const only = process.argv[2];
  for (const load of modules) {
    const { default: bench } = await load();
    if (only && bench.name !== only) continue;
    console.log(`\n== ${bench.name} ==`);
    const started = performance.now();
    await bench.run((line) => console.log(line));
    console.log(`(${bench.name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
