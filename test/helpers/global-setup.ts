// Builds one migrated PGlite data dir per test run, so each test file starts from a copy of it
// instead of paying for initdb and every migration again.
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeEmptyDatabase } from '../../src/storage/empty-database.ts';

export default async function setup({ provide }: { provide: (k: string, v: string) => void }) {
  if (process.env.DATABASE_URL?.startsWith('postgres')) return;
  const dir = mkdtempSync(join(tmpdir(), 'itas-template-'));
  // The same migrated empty database a first start copies (src/storage/empty-database.ts).
  const dump = (await makeEmptyDatabase(null))!;
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  provide('pgliteTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
