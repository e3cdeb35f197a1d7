// Benchmark helper: runs the app in BENCH_PROCESSES node cluster workers sharing one port, to
// measure whether more processes help (the app keeps no state that needs a single process).
import cluster from 'node:cluster';

const n = Math.max(1, Number(process.env.BENCH_PROCESSES ?? 2));
if (cluster.isPrimary) {
  for (let i = 0; i < n; i++) cluster.fork();
  const stop = () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    setTimeout(() => process.exit(0), 5000).unref();
  };
  cluster.on('exit', () => {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  });
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  await import('../src/main.ts');
}
