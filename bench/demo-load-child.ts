// One process of `npm run bench -- demo-load` (bench/demo-load.ts): LOADS demo loads one after
// another, each into a new copy of the build's empty database, as the server's first start opens
// it; prints one JSON line per load (the open, then each demo step, in ms).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSurveyLimits } from '../src/config-survey.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { createServices } from '../src/services/container.ts';
import { openDatabase } from '../src/storage/database.ts';
import { EMPTY_DATABASE_DIR } from '../src/storage/empty-database-prefetch.ts';
import { copyEmptyDatabase } from '../src/storage/empty-database.ts';
import { pendingMigrations } from '../src/storage/migrate.ts';
import { ensureReferenceData } from '../src/storage/reference.repository.ts';

const LOADS = Number(process.env.BENCH_LOADS ?? 3);

for (let i = 0; i < LOADS; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'itas-demo-load-'));
  try {
    const t0 = performance.now();
    copyEmptyDatabase(EMPTY_DATABASE_DIR, join(dir, 'data'));
    const db = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'data') });
    // What the server's start asks of the database before the demo (bootstrap.ts).
    if ((await pendingMigrations(db)).length) throw new Error('dist/empty-database is behind');
    await ensureReferenceData(db);
    const times: Record<string, number> = { open: performance.now() - t0 };
    const services = createServices(db, {
      surveySecret: 'x'.repeat(43),
      surveyLimits: loadSurveyLimits(),
    });
    let t = performance.now();
    await loadDemo(services, (step) => {
      const now = performance.now();
      times[step] = now - t;
      t = now;
    });
    await db.destroy();
    process.stdout.write(`${JSON.stringify(times)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
