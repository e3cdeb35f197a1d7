// `itas framework …` over a test database, and the JSON Schema the running app serves.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/app.ts';
import { runCommand } from '../helpers/cli.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
const dir = mkdtempSync(join(tmpdir(), 'itas-framework-'));
const shipped = readFileSync(new URL('../../frameworks/ita-2563.json', import.meta.url), 'utf8');
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const itas = (...argv: string[]) => runCommand(t.services, ...argv);
/** Writes a variant of the 2563 file and returns its path. */
function fileWith(name: string, change: (d: Record<string, unknown>) => void): string {
  const d = JSON.parse(shipped) as Record<string, unknown>;
  change(d);
  const path = join(dir, name);
  writeFileSync(path, `${JSON.stringify(d, null, 2)}\n`);
  return path;
}

describe('itas framework validate', () => {
  it('accepts a valid file', async () => {
    const r = await itas(
      'framework',
      'validate',
      fileWith('ok.json', () => {}),
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ita-2563 \(version 1, fiscal year 2563\) is valid/);
  });

  it('lists every problem with its path in Thai and English, and exits 1', async () => {
    const file = fileWith('bad.json', (d) => {
      (d.toolWeights as { OIT: number }).OIT = 0.5;
      (d.questions as { code: string }[])[1]!.code = 'I1';
    });
    const r = await itas('framework', 'validate', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/3 problem\(s\) in the framework file/);
    expect(r.err).toMatch(/toolWeights: Tool weights sum to 1\.1/);
    expect(r.err).toMatch(/questions\[1\]\.code: Duplicate question code "I1"/);
    expect(r.err).toMatch(/toolWeights: น้ำหนักของแบบวัดรวมกันได้ 1\.1/);
  });
});

describe('the JSON Schema of framework files', () => {
  it('is served at /frameworks/schema.json as published in docs', async () => {
    const res = await t.app.request('/frameworks/schema.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    const docs = readFileSync(new URL('../../docs/framework.schema.json', import.meta.url), 'utf8');
    expect(await res.text()).toBe(docs);
  });

  it('is what itas framework schema prints', async () => {
    const r = await itas('framework', 'schema');
    const docs = readFileSync(new URL('../../docs/framework.schema.json', import.meta.url), 'utf8');
    expect(r.out).toBe(docs);
  });
});
