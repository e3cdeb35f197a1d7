#!/usr/bin/env node
// `npm start`: runs the compiled server in dist/, compiling it first when dist/ is missing or
// older than the sources (a fresh clone, a pull). `npm run build` compiles on purpose.
import { ensureBuilt } from '../scripts/build.js';

await ensureBuilt();
await import('../dist/main.js');
