// Benchmark (issue 17.4, what a first start's demo costs): BENCH_ROUNDS (3) new processes, each
// loading the demo BENCH_LOADS (3) times into new copies of the build's empty database
// (bench/demo-load-child.ts). The first load of a process is the one a first start pays: nothing
// of the app's code has run yet. The later ones run the same statements on a new database (its
// engine's caches as cold as the first's) in a process whose code is compiled and warmed up, so
// first − later is what being a new process costs, step by step. Run: npm run bench -- demo-load
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const STEPS = [
  'open',
  'agencies',
  'drive',
  'results',
  'publication',
  'oit',
  'surveys',
  'oit-windows',
] as const;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const demoMs = (t: Record<string, number>) =>
  STEPS.slice(1).reduce((sum, step) => sum + (t[step] ?? 0), 0);

export async function runDemoLoadBench(): Promise<void> {
  process.stdout.write(
    `demo-load bench: ${ROUNDS} processes, each loading the demo into new copies of dist/empty-database\n`,
  );
  // @ts-expect-error -- plain JavaScript module without types
  const build = (await import('../scripts/build.js')) as { ensureBuilt: () => Promise<void> };
  await build.ensureBuilt();
  const firsts: Record<string, number>[] = [];
  const laters: Record<string, number>[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'bench/demo-load-child.ts'],
      { maxBuffer: 1 << 20 },
    );
    const loads = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, number>);
    firsts.push(loads[0]!);
    laters.push(...loads.slice(1));
    process.stdout.write(
      `  process ${round}: demo ${loads.map((t) => `${demoMs(t).toFixed(0)} ms`).join(', ')} (open ${loads.map((t) => t.open!.toFixed(0)).join(', ')} ms)\n`,
    );
  }
  process.stdout.write('medians, ms          first load   later loads   first − later\n');
  for (const step of [...STEPS, 'demo'] as const) {
    const of = (t: Record<string, number>) => (step === 'demo' ? demoMs(t) : t[step]!);
    const [a, b] = [median(firsts.map(of)), median(laters.map(of))];
    process.stdout.write(
      `  ${step.padEnd(18)} ${a.toFixed(0).padStart(10)} ${b.toFixed(0).padStart(13)} ${(a - b).toFixed(0).padStart(15)}\n`,
    );
  }
  const [a, b] = [median(firsts.map(demoMs)), median(laters.map(demoMs))];
  process.stdout.write(`demo first/later=${(a / b).toFixed(2)}\n`);
}
