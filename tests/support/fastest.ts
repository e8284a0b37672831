/** The fastest of three runs, in ms: the least disturbed by whatever else the machine is doing. */
export const fastest = (run: () => void): number => {
  let best = Infinity;
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
};
