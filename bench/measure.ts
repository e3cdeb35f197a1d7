// Timing and peak-memory helpers for the benchmarks: each step prints its time and peak RSS.
export interface StepResult {
  name: string;
  ms: number;
  peakRssMb: number;
  rssBeforeMb: number;
}

const mb = (b: number) => Math.round(b / 1048576);

export async function step<T>(
  name: string,
  fn: () => Promise<T>,
  results: StepResult[],
): Promise<T> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    const ms = performance.now() - t0;
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    const r = { name, ms, peakRssMb: mb(peak), rssBeforeMb: mb(before) };
    results.push(r);
    process.stdout.write(
      `  ${name.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(8)} s   peak RSS ${String(r.peakRssMb).padStart(5)} MB (before ${r.rssBeforeMb} MB)\n`,
    );
  }
}
