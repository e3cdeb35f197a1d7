// Run by scripts/build.js as dist/make-demo-database.js: the demo's undated part (demo/load-demo.ts:
// the agencies, the accounts, the province's 2564 drive, 2563's data and publication, 2564's OIT
// workflow, whose windows the first start moves to its own day, ADR 0035) in a copy of
// the build's empty database, in the folder named on the command line. The compiled server's
// first start on an empty embedded folder copies it and runs only the dated part (ADR 0033).
// Those steps read neither SURVEY_SECRET nor SECRET_KEY, and nothing they date stays dated from
// the day they run (their audit entries and creation times say when the build ran). Each
// installation's build makes its own, the accounts' password hashes included.
import { createServices } from './services/container.ts';
import { openDatabase } from './storage/database.ts';
import { EMPTY_DATABASE_DIR } from './storage/empty-database-prefetch.ts';
import { copyEmptyDatabase } from './storage/empty-database.ts';
import { loadUndatedDemo } from './demo/load-demo.ts';

const out = process.argv[2];
if (!out) throw new Error('usage: make-demo-database.js FOLDER');
copyEmptyDatabase(EMPTY_DATABASE_DIR, out);
const db = await openDatabase({ kind: 'pglite', dataDir: out });
try {
  await loadUndatedDemo(createServices(db));
} finally {
  await db.destroy();
}
