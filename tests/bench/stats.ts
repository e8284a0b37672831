/** Median and 95th percentile of a set of timings, in milliseconds. */
export const summarizeTimes = (times: readonly number[]): { median: number; p95: number } => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
};

export const time = async (task: () => Promise<unknown>): Promise<number> => {
  const start = performance.now();
  await task();
  return performance.now() - start;
};

export const ms = (value: number): string =>
  value >= 100
    ? `${value.toFixed(0)} ms`
    : value >= 10
      ? `${value.toFixed(1)} ms`
      : `${value.toFixed(2)} ms`;

export interface BenchModule {
  name: string;
  run(print: (line: string) => void): Promise<void>;
}
