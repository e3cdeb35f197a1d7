// The restore drill (issue 19.1): a backup taken while survey answers keep arriving restores into
// an empty database with every answer acknowledged before it began; a quiet backup restores to a
// copy equal to the source, table by table; and every way a restore could half-happen is refused
// with the target left as it was. Runs on PGlite, and on PostgreSQL when DATABASE_URL names one.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI, type Actor } from '../../src/domain/actor.ts';
import { createServices } from '../../src/services/container.ts';
import { ServiceError } from '../../src/services/errors.ts';
import type { Db } from '../../src/storage/database.ts';
import { listTables } from '../../src/storage/backup.repository.ts';
import { createTestApp } from '../helpers/app.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import {
  demographicsFor,
  fullAnswers,
  linkCode,
  openSurveyYear,
} from '../helpers/survey-fixture.ts';

let src: Awaited<ReturnType<typeof createTestApp>>;
const targets: TestDb[] = [];
const dir = mkdtempSync(join(tmpdir(), 'itas-backup-'));
const AGENCIES = ['51-PRV', '51-PAO', '51-SAO-01', '51-SAO-02', '51-SAO-03'];
let codes: string[] = [];

beforeAll(async () => {
  src = await createTestApp();
  await openSurveyYear(src.services);
  codes = await Promise.all(AGENCIES.map((a) => linkCode(src.services, a)));
});
afterAll(async () => {
  await src?.close();
  for (const t of targets) await t.close();
  rmSync(dir, { recursive: true, force: true });
});

async function emptyTarget(): Promise<TestDb> {
  const t = await createTestDb();
  targets.push(t);
  return t;
}

/** One survey answer over the API; resolves to its id once acknowledged (201). */
async function answer(i: number): Promise<string> {
  const tool = i % 2 ? 'IIT' : 'EIT';
  const id = randomUUID();
  const res = await src.app.request(
    `/api/v1/surveys/${codes[i % codes.length]}/${tool.toLowerCase()}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        response_id: id,
        answers: fullAnswers(tool),
        demographics: demographicsFor(tool),
      }),
    },
  );
  expect(res.status).toBe(201);
  return id;
}

async function responseIds(db: Db): Promise<Set<string>> {
  const { rows } = await sql<{ response_id: string }>`select response_id from responses`.execute(
    db,
  );
  return new Set(rows.map((r) => r.response_id));
}

/** Per table: its row count and a digest of its rows in a fixed order. */
async function fingerprint(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of await listTables(db)) {
    const { rows } = await sql<{ n: number; h: string }>`
      select count(*)::int as n, md5(coalesce(string_agg(j, E'\n' order by j), '')) as h
      from (select row_to_json(t)::text as j from ${sql.table(t.name)} t) x`.execute(db);
    out[t.name] = `${rows[0]!.n}:${rows[0]!.h}`;
  }
  return out;
}

describe('backup and restore', () => {
  it('a backup under survey load restores every answer acknowledged before it began', async () => {
    const before = await Promise.all(Array.from({ length: 20 }, (_, i) => answer(i)));
    const file = join(dir, 'busy.itas.gz');
    // Answers keep arriving while the snapshot is written.
    const during = Promise.all(Array.from({ length: 20 }, (_, i) => answer(100 + i)));
    const summary = await src.services.backup.backupToFile(SYSTEM_CLI, file);
    await during;
    expect(summary.rows).toBeGreaterThan(0);

    const target = await emptyTarget();
    const restored = await createServices(target.db).backup.restoreFromFile(SYSTEM_CLI, file);
    expect(restored.rows).toBe(summary.rows);
    const ids = await responseIds(target.db);
    expect(before.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('a quiet backup restores to a copy equal to the source, table by table', async () => {
    const file = join(dir, 'quiet.itas.gz');
    await src.services.backup.backupToFile(SYSTEM_CLI, file);
    const target = await emptyTarget();
    await createServices(target.db).backup.restoreFromFile(SYSTEM_CLI, file);
    const [a, b] = await Promise.all([fingerprint(src.db), fingerprint(target.db)]);
    expect(Object.keys(a).length).toBeGreaterThan(20);
    expect(b).toEqual(a);
    // The restored copy works: new rows get fresh ids (sequences moved past the restored ones).
    const copy = createServices(target.db);
    await copy.agencies.importAgencies(
      SYSTEM_CLI,
      'x.csv',
      'code,name_th,type,province\nX-1,ทดสอบ,sao,ลำพูน\n',
    );
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(
      target.db,
    );
    expect(audit.rows[0]!.n).toBeGreaterThan(0);
  });

  it('refuses to restore into a database that holds data, and changes nothing', async () => {
    const file = join(dir, 'quiet.itas.gz');
    const before = await fingerprint(src.db);
    await expect(src.services.backup.restoreFromFile(SYSTEM_CLI, file)).rejects.toMatchObject({
      status: 409,
      en: expect.stringContaining('needs an empty database') as unknown,
    });
    expect(await fingerprint(src.db)).toEqual(before);
  });

  it('refuses a file cut short, tampered or not a backup, leaving the target empty', async () => {
    const good = gunzipSync(readFileSync(join(dir, 'quiet.itas.gz'))).toString('utf8');
    const lines = good.trimEnd().split('\n');
    const cut = lines.slice(0, Math.floor(lines.length * 0.8)).join('\n');
    const dropRow = lines.filter((l, i) => !(i > 3 && l.startsWith('{') && i % 7 === 0)).join('\n');
    const cases: [string, Buffer][] = [
      ['cut', gzipSync(cut)],
      ['dropped rows', gzipSync(dropRow)],
      ['not gzip', Buffer.from('agency_code,name\n')],
      ['not a backup', gzipSync('{"hello":1}\n')],
    ];
    const target = await emptyTarget();
    const empty = await fingerprint(target.db);
    for (const [name, bytes] of cases) {
      const file = join(dir, `${name}.gz`);
      writeFileSync(file, bytes);
      const e = await createServices(target.db)
        .backup.restoreFromFile(SYSTEM_CLI, file)
        .catch((x: unknown) => x);
      expect(e, name).toBeInstanceOf(ServiceError);
      expect((e as ServiceError).th, name).toMatch(/ไฟล์/);
      expect(await fingerprint(target.db), name).toEqual(empty);
    }
  });

  it('only the NACC may back up or restore', async () => {
    const officer: Actor = {
      kind: 'user',
      userId: 'u1',
      email: 'p@example.org',
      grants: [{ role: 'province_officer', scope: 'ลำพูน' }],
    };
    await expect(
      src.services.backup.backupToFile(officer, join(dir, 'no.gz')),
    ).rejects.toMatchObject({ status: 403 });
  });
});
