// Run by scripts/build.js as dist/make-empty-database.js: makes the empty database that a first
// start copies (empty-database.ts) in the folder named on the command line.
import { makeEmptyDatabase } from './empty-database.ts';

const out = process.argv[2];
if (!out) throw new Error('usage: make-empty-database.js FOLDER');
await makeEmptyDatabase(out);
