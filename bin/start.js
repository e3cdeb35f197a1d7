#!/usr/bin/env node
// `npm start`: runs the compiled server in dist/, compiling it first when dist/ is missing or
// older than the sources (a fresh clone, a pull). `npm run build` compiles on purpose.
import { ensureBuilt } from '../scripts/build.js';

await ensureBuilt();
// A first start's copy of the empty database begins in a worker thread while the server's
// modules load (src/storage/empty-database-prefetch.ts, ADR 0027).
const { prefetchForStart } = await import('../dist/prestart.js');
prefetchForStart();
await import('../dist/main.js');
