#!/usr/bin/env node
// The `itas` command: runs the compiled CLI in dist/, compiling it first when dist/ is missing or
// older than the sources (a fresh clone, a pull). `npm run build` compiles on purpose. Plain
// `itas` and `itas --help` print the help the build wrote, loading no module at all.
import { readFileSync } from 'node:fs';
import { ensureBuilt, isFresh, outputs } from '../scripts/build.js';

const args = process.argv.slice(2);
if (args.length <= 1 && [undefined, '--help', '-h', 'help'].includes(args[0]) && isFresh()) {
  process.stdout.write(readFileSync(outputs.help));
} else {
  await ensureBuilt();
  await import('../dist/itas.js');
}
