// "Not applicable, with an explanation" (issue 15.5): offered only where the year's framework
// marks an item `with_explanation` (O12 of the 2568 structure), reviewed like any item, and an
// accepted explanation earns the item's point.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI, type Actor } from '../../src/domain/actor.ts';
import { parseOitAnswer } from '../../src/domain/oit/workflow.ts';
import { parseOitRow } from '../../src/domain/row-import.ts';
import type { Problem } from '../../src/domain/problem.ts';
import { problemText } from '../../src/i18n/problem-text.ts';
import { createServices, type Services } from '../../src/services/container.ts';
import { ServiceError } from '../../src/services/errors.ts';
import { loadOitScores } from '../../src/storage/oit.repository.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

const YEAR = 2568;
const FILE = readFileSync(
  new URL('../../frameworks/unverified/ita-2568-structure.json', import.meta.url),
  'utf8',
);
const CSV = `code,name_th,name_en,type,province,district,parent_code,website,staff_count
N-A,เทศบาลทดสอบ ก,,subdistrict_municipality,ลำพูน,เมืองลำพูน,,https://a.example.go.th,10
`;

let t: TestDb;
let s: Services;
let today = '2020-03-10';
const now = () => new Date(`${today}T05:00:00Z`);
let admin: Actor;
let auditor: Actor;

async function refusal(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('the answer rule (pure)', () => {
  const allowed = { code: 'O12', notApplicable: 'with_explanation' as const };
  it('needs an explanation instead of links, and only where the item allows it', () => {
    expect(
      parseOitAnswer({ answer: 'not_applicable', note: 'ไม่มีการจัดซื้อเกิน 5 แสนบาท' }, allowed),
    ).toMatchObject({ ok: true, value: { answer: 'not_applicable', urls: [] } });
    expect(parseOitAnswer({ answer: 'not_applicable', note: ' ' }, allowed)).toMatchObject({
      ok: false,
      problems: [{ code: 'oit_explanation_missing', field: 'note' }],
    });
    for (const item of [{ code: 'O1' }, { code: 'O1', notApplicable: 'not_allowed' as const }])
      expect(parseOitAnswer({ answer: 'not_applicable', note: 'x' }, item)).toMatchObject({
        ok: false,
        problems: [{ code: 'oit_not_applicable_not_allowed', params: { item: 'O1' } }],
      });
  });

  it('is accepted by the OIT import only for such items, with the explanation in note', () => {
    const issues: string[] = [];
    const add = (p: Problem) => issues.push(`${p.field}: ${problemText(p, 'en')}`);
    const items = new Set(['O1', 'O12']);
    const agencies = new Set(['N-A']);
    const row = (item: string, note: string) =>
      parseOitRow(
        { agency_code: 'N-A', item, answer: 'not_applicable', note },
        items,
        agencies,
        add,
        new Set(['O12']),
      );
    expect(row('O12', 'อธิบาย')).toMatchObject({ answer: 'not_applicable', note: 'อธิบาย' });
    expect(row('O1', 'อธิบาย')).toBeUndefined();
    expect(row('O12', '')).toBeUndefined();
    expect(issues).toEqual([
      `answer: The year's framework does not allow item O1 to be answered "not applicable"`,
      `note: Item O12 is "not applicable": its explanation goes in the note column`,
    ]);
  });
});

describe('through the services, on a 2568-structure year', () => {
  beforeAll(async () => {
    t = await createTestDb();
    s = createServices(t.db, { clock: now });
    const imported = await s.frameworks.import(SYSTEM_CLI, FILE);
    expect(imported.ok).toBe(true);
    await s.years.create(SYSTEM_CLI, YEAR, 'ita-2568-structure');
    await s.agencies.importAgencies(SYSTEM_CLI, 'test.csv', CSV);
    const windows: [string, string, string][] = [
      ['oit-entry', '2020-03-01', '2020-03-31'],
      ['oit-review', '2020-04-01', '2020-04-30'],
      ['clarification', '2020-05-01', '2020-05-10'],
      ['confirmation', '2020-05-11', '2020-05-31'],
    ];
    for (const [phase, opensOn, closesOn] of windows) {
      const r = await s.calendar.setPhase(SYSTEM_CLI, {
        fiscalYear: YEAR,
        phase,
        opensOn,
        closesOn,
      });
      expect(r.ok).toBe(true);
    }
    const made = async (email: string, role: 'agency_admin' | 'auditor'): Promise<Actor> => {
      const { user } = await s.users.create(SYSTEM_CLI, {
        email,
        displayName: email,
        grant: { role, scope: 'N-A' },
        password: 'a-long-enough-password-1',
      });
      return { kind: 'user', userId: user.id, email, grants: [{ role, scope: 'N-A' }] };
    };
    admin = await made('admin@n.example', 'agency_admin');
    auditor = await made('auditor@n.example', 'auditor');
  });

  afterAll(async () => t?.close());

  it('refuses "not applicable" for an item that does not allow it (422, naming the item)', async () => {
    const e = await refusal(
      s.oit.saveItem(admin, YEAR, 'N-A', 'O1', { answer: 'not_applicable', note: 'ไม่มี' }),
    );
    expect(e.status).toBe(422);
    expect(e.th).toContain('ไม่อนุญาตให้ตอบข้อ O1 ว่าไม่เกี่ยวข้อง');
    expect(e.en).toContain('does not allow item O1 to be answered "not applicable"');
    const bare = await refusal(
      s.oit.saveItem(admin, YEAR, 'N-A', 'O12', { answer: 'not_applicable' }),
    );
    expect(bare.status).toBe(422);
    expect(bare.en).toContain('Write the explanation');
  });

  it('takes an explained "not applicable", counts it done, and the auditor must judge it', async () => {
    await s.oit.saveItem(admin, YEAR, 'N-A', 'O1', {
      answer: 'has',
      urls: 'https://a.example.go.th/o1',
    });
    await s.oit.saveItem(admin, YEAR, 'N-A', 'O12', {
      answer: 'not_applicable',
      note: 'ปีนี้ไม่มีการจัดซื้อจัดจ้างที่กฎหมายกำหนดให้เผยแพร่',
    });
    const sheet = await s.oit.sheet(admin, YEAR, 'N-A');
    expect([sheet.total, sheet.done]).toEqual([28, 2]);
    expect(sheet.entries.O12).toMatchObject({ answer: 'not_applicable', urls: [] });
    await s.oit.submit(admin, YEAR, 'N-A');

    today = '2020-04-02';
    await s.oitReview.scoreItem(auditor, YEAR, 'N-A', 'O1', { score: '100' });
    const early = await refusal(s.oitReview.finishReview(auditor, YEAR, 'N-A'));
    expect(early.status).toBe(409);
    expect(early.en).toContain('O12');
    await s.oitReview.scoreItem(auditor, YEAR, 'N-A', 'O12', {
      score: '100',
      comment: 'ยอมรับคำชี้แจง',
    });
    await s.oitReview.finishReview(auditor, YEAR, 'N-A');
    today = '2020-05-12';
    await s.oitReview.confirm(auditor, YEAR, 'N-A');
    const scores = (await loadOitScores(t.db, YEAR, ['N-A'])).get('N-A');
    expect(scores?.O12).toBe(100);
    expect(scores?.O1).toBe(100);
    expect(scores?.O2).toBe(0);
    const progress = await t.db
      .selectFrom('oit_entries')
      .select(['answer', 'note'])
      .where('item', '=', 'O12')
      .where('is_current', '=', true)
      .executeTakeFirstOrThrow();
    expect(progress.answer).toBe('not_applicable');
  });
});
