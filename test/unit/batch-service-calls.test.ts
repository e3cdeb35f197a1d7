// Service calls that take many items at once (the NACC's targets for many agencies, an auditor's
// scores for many items): the same checks as one item's call, all or nothing, and the same rows
// and audit entries as calling once per item.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI, type Actor } from '../../src/domain/actor.ts';
import { createServices, type Services } from '../../src/services/container.ts';
import { ServiceError } from '../../src/services/errors.ts';
import { OitInputError } from '../../src/services/oit-shared.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

const YEAR = 2563;
const CSV = `code,name_th,name_en,type,province,district,parent_code,website,staff_count
B-A,เทศบาลทดสอบ ก,,subdistrict_municipality,ลำพูน,เมืองลำพูน,,https://a.example.go.th,10
B-B,เทศบาลทดสอบ ข,,subdistrict_municipality,ลำพูน,เมืองลำพูน,,https://b.example.go.th,10
B-C,อบต.ทดสอบ ค,,sao,ลำพูน,ป่าซาง,,https://c.example.go.th,10
B-D,อบต.ทดสอบ ง,,sao,ลำพูน,ป่าซาง,,https://d.example.go.th,10
`;

let t: TestDb;
let s: Services;
let today = '2020-03-10';
const now = () => new Date(`${today}T05:00:00Z`);
let auditor: Actor;
const admins: Record<string, Actor> = {};

async function refusal(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** An agency's audit entries of one action, without what differs by agency or moment. */
async function auditOf(action: string, code: string) {
  const rows = await t.db
    .selectFrom('audit_log')
    .select(['action', 'record_type', 'record_id', 'before', 'after', 'actor_email'])
    .where('action', '=', action)
    .where('record_id', 'like', `%/${code}%`)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, record_id: r.record_id.replace(code, '*') }));
}

beforeAll(async () => {
  t = await createTestDb();
  s = createServices(t.db, { clock: now });
  await s.years.create(SYSTEM_CLI, YEAR, 'ita-2563');
  await s.agencies.importAgencies(SYSTEM_CLI, 'test.csv', CSV);
  for (const [phase, opensOn, closesOn] of [
    ['oit-entry', '2020-03-01', '2020-03-31'],
    ['oit-review', '2020-04-01', '2020-04-30'],
  ] as const) {
    const r = await s.calendar.setPhase(SYSTEM_CLI, { fiscalYear: YEAR, phase, opensOn, closesOn });
    expect(r.ok).toBe(true);
  }
  for (const code of ['B-A', 'B-B', 'B-C', 'B-D']) {
    const email = `admin@${code.toLowerCase()}.example`;
    const { user } = await s.users.create(SYSTEM_CLI, {
      email,
      displayName: email,
      grant: { role: 'agency_admin', scope: code },
      password: 'a-long-enough-password-1',
    });
    admins[code] = {
      kind: 'user',
      userId: user.id,
      email,
      grants: [{ role: 'agency_admin', scope: code }],
    };
  }
  const { user } = await s.users.create(SYSTEM_CLI, {
    email: 'auditor@example.org',
    displayName: 'ผู้ตรวจ ทดสอบ',
    grant: { role: 'auditor', scope: 'B-A' },
    password: 'a-long-enough-password-1',
  });
  auditor = {
    kind: 'user',
    userId: user.id,
    email: user.email,
    grants: ['B-A', 'B-B', 'B-C'].map((scope) => ({ role: 'auditor' as const, scope })),
  };
});
afterAll(async () => t?.close());

describe("the NACC's targets for many agencies (setManyTargets)", () => {
  const targetsOf = (codes: string[]) =>
    t.db
      .selectFrom('survey_targets')
      .select(['agency_code', 'iit_population', 'eit_population'])
      .where('fiscal_year', '=', YEAR)
      .where('agency_code', 'in', codes)
      .orderBy('agency_code')
      .execute();

  it("refuses an agency's administrator another agency's figures, and writes none", async () => {
    const e = await refusal(
      s.sampleTargets.setManyTargets(admins['B-A']!, YEAR, [
        { agencyCode: 'B-A', iit: '10', eit: '40' },
        { agencyCode: 'B-B', iit: '10', eit: '40' },
      ]),
    );
    expect(e.status).toBe(403);
    expect(await targetsOf(['B-A', 'B-B'])).toEqual([]);
    expect(await auditOf('survey_target.set', 'B-A')).toEqual([]);
  });

  it('writes nothing when one figure is unreadable, and says which agency', async () => {
    const r = await s.sampleTargets.setManyTargets(SYSTEM_CLI, YEAR, [
      { agencyCode: 'B-A', iit: '10', eit: '40' },
      { agencyCode: 'B-B', iit: 'ten', eit: '40' },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toEqual([
        {
          agencyCode: 'B-B',
          problems: [expect.objectContaining({ field: 'iit_population' })],
        },
      ]);
    expect(await targetsOf(['B-A', 'B-B'])).toEqual([]);
    const unknown = await refusal(
      s.sampleTargets.setManyTargets(SYSTEM_CLI, YEAR, [
        { agencyCode: 'B-A', iit: '10', eit: '40' },
        { agencyCode: 'NO-SUCH', iit: '10', eit: '40' },
      ]),
    );
    expect(unknown.status).toBe(404);
    expect(await targetsOf(['B-A'])).toEqual([]);
  });

  it('leaves the same rows and audit entries as one call per agency', async () => {
    for (const code of ['B-A', 'B-B'])
      expect(
        (await s.sampleTargets.setTargets(SYSTEM_CLI, YEAR, code, { iit: '12', eit: '1,200' })).ok,
      ).toBe(true);
    const r = await s.sampleTargets.setManyTargets(SYSTEM_CLI, YEAR, [
      { agencyCode: 'B-C', iit: '12', eit: '1,200' },
      { agencyCode: 'B-D', iit: '12', eit: '1,200' },
    ]);
    expect(r).toEqual({
      ok: true,
      value: [
        { iit: 12, eit: 1200 },
        { iit: 12, eit: 1200 },
      ],
    });
    const rows = await targetsOf(['B-A', 'B-B', 'B-C', 'B-D']);
    expect(rows.map(({ agency_code: _, ...rest }) => rest)).toEqual(
      Array(4).fill({ iit_population: 12, eit_population: 1200 }),
    );
    const one = await auditOf('survey_target.set', 'B-A');
    expect(one).toHaveLength(1);
    for (const code of ['B-B', 'B-C', 'B-D'])
      expect(await auditOf('survey_target.set', code)).toEqual(one);
  });
});

describe("an auditor's scores for many items (scoreItems)", () => {
  const published = ['O1', 'O2', 'O3'];
  const scores = {
    O1: { score: '100', comment: 'ครบถ้วน' },
    O2: { score: '0', comment: 'ไม่พบรายชื่อผู้บริหาร' },
    O3: { score: '100' },
  };
  const entriesOf = async (code: string) =>
    (
      await t.db
        .selectFrom('oit_entries')
        .select([
          'item',
          'version',
          'is_current',
          'status',
          'answer',
          'urls',
          'note',
          'score',
          'comment',
          'source',
          'changed_by',
        ])
        .where('fiscal_year', '=', YEAR)
        .where('agency_code', '=', code)
        .orderBy('item')
        .orderBy('version')
        .execute()
    ).map((r) => ({
      ...r,
      urls: r.urls.map((u) => u.replace(code.toLowerCase(), '*')),
      changed_by: r.changed_by.replace(code.toLowerCase(), '*'),
    }));

  beforeAll(async () => {
    today = '2020-03-10';
    for (const code of ['B-A', 'B-B', 'B-C']) {
      const form = Object.fromEntries(
        published.map((item) => [
          item,
          { answer: 'has', urls: `https://${code.toLowerCase()}.example.go.th/${item}` },
        ]),
      );
      expect((await s.oit.saveItems(admins[code]!, YEAR, code, form)).problems).toEqual([]);
      await s.oit.submit(admins[code]!, YEAR, code);
    }
    today = '2020-04-02';
  });

  it("refuses an agency's administrator (wrong role) and an auditor not assigned", async () => {
    expect(
      (await refusal(s.oitReview.scoreItems(admins['B-A']!, YEAR, 'B-A', scores))).status,
    ).toBe(403);
    expect((await refusal(s.oitReview.scoreItems(auditor, YEAR, 'B-D', scores))).status).toBe(403);
  });

  it('saves nothing when one item is refused, and names every problem on its item', async () => {
    const before = await entriesOf('B-C');
    const e = await refusal(
      s.oitReview.scoreItems(auditor, YEAR, 'B-C', {
        O1: { score: '100' },
        O2: { score: '0', comment: ' ' },
        O3: { score: '50' },
      }),
    );
    expect(e).toBeInstanceOf(OitInputError);
    expect((e as OitInputError).problems.map((p) => p.field)).toEqual(['O2-comment', 'O3-score']);
    const unanswered = await refusal(
      s.oitReview.scoreItems(auditor, YEAR, 'B-C', { O1: { score: '100' }, O9: { score: '100' } }),
    );
    expect(unanswered.status).toBe(404);
    expect(await entriesOf('B-C')).toEqual(before);
    expect(await auditOf('oit.item.score', 'B-C')).toEqual([]);
  });

  it('leaves the same versions, state and audit entries as scoring item by item', async () => {
    for (const [item, raw] of Object.entries(scores))
      await s.oitReview.scoreItem(auditor, YEAR, 'B-A', item, raw);
    await s.oitReview.scoreItems(auditor, YEAR, 'B-B', scores);
    expect(await entriesOf('B-B')).toEqual(await entriesOf('B-A'));
    const audit = await auditOf('oit.item.score', 'B-A');
    expect(audit).toHaveLength(3);
    expect(await auditOf('oit.item.score', 'B-B')).toEqual(audit);
    const state = async (code: string) =>
      t.db
        .selectFrom('oit_agency_states')
        .select(['status'])
        .where('agency_code', '=', code)
        .executeTakeFirst();
    expect(await state('B-B')).toEqual(await state('B-A'));
    const jobs = await t.db
      .selectFrom('jobs')
      .select('key')
      .where('key', 'in', [`${YEAR}:B-A:review`, `${YEAR}:B-B:review`])
      .execute();
    expect(jobs).toHaveLength(2);
  });
});
