// Run by scripts/build.js as dist/make-empty-database.js: writes the snapshot that a first start
// restores (empty-database.ts) to the file named on the command line.
import { writeFileSync } from 'node:fs';
import { makeEmptyDatabase } from './empty-database.ts';

const out = process.argv[2];
if (!out) throw new Error('usage: make-empty-database.js FILE');
writeFileSync(out, Buffer.from(await (await makeEmptyDatabase('gzip')).arrayBuffer()));
