// Runs one benchmark by name: npm run bench -- scoring | agencies | results | surveys | fuzz | compare | form-costs | recompute | first-start | demo-load. Never part of npm test.
export {};

const [benchName, ...args] = process.argv.slice(2);

const benches: Record<string, () => Promise<void>> = {
  scoring: async () => (await import('./scoring.ts')).runScoringBench(args),
  agencies: async () => (await import('./agencies.ts')).runAgenciesBench(),
  results: async () => (await import('./results.ts')).runResultsBench(),
  surveys: async () => (await import('./surveys.ts')).runSurveysBench(),
  fuzz: async () => (await import('./fuzz.ts')).runFuzzBench(),
  compare: async () => (await import('./compare.ts')).runCompareBench(),
  'form-costs': async () => {
    await import('./form-costs.ts');
  },
  recompute: async () => (await import('./recompute.ts')).runRecomputeBench(),
  'first-start': async () => (await import('./first-start.ts')).runFirstStartBench(),
  'demo-load': async () => (await import('./demo-load.ts')).runDemoLoadBench(),
};

const run = benchName ? benches[benchName] : undefined;
if (run === undefined) {
  process.stderr.write(`Usage: npm run bench -- ${Object.keys(benches).join(' | ')}\n`);
  process.exitCode = 2;
} else {
  await run();
}
