// OIT workflow through the services: every state change and every refusal, with its message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI, type Actor } from '../../src/domain/actor.ts';
import { createServices, type Services } from '../../src/services/container.ts';
import { ServiceError } from '../../src/services/errors.ts';
import { OitInputError } from '../../src/services/oit-shared.ts';
import { saveOitVersions } from '../../src/storage/oit.repository.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

const YEAR = 2563;
const CSV = `code,name_th,name_en,type,province,district,parent_code,website,staff_count
T-A,เทศบาลทดสอบ ก,,subdistrict_municipality,ลำพูน,เมืองลำพูน,,https://a.example.go.th,10
T-B,เทศบาลทดสอบ ข,,subdistrict_municipality,ลำพูน,เมืองลำพูน,,https://b.example.go.th,10
T-C,อบต.ทดสอบ ค,,sao,ลำพูน,ป่าซาง,,https://c.example.go.th,10
`;

let t: TestDb;
let s: Services;
let today = '2020-03-10';
const now = () => new Date(`${today}T05:00:00Z`);

let adminA: Actor;
let adminB: Actor;
let adminC: Actor;
let auditor: Actor;

async function agencyAdmin(email: string, code: string): Promise<Actor> {
  const { user } = await s.users.create(SYSTEM_CLI, {
    email,
    displayName: email,
    grant: { role: 'agency_admin', scope: code },
    password: 'a-long-enough-password-1',
  });
  return { kind: 'user', userId: user.id, email, grants: [{ role: 'agency_admin', scope: code }] };
}

async function refusal(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

beforeAll(async () => {
  t = await createTestDb();
  s = createServices(t.db, { clock: now });
  await s.years.create(SYSTEM_CLI, YEAR, 'ita-2563');
  await s.agencies.importAgencies(SYSTEM_CLI, 'test.csv', CSV);
  const windows: [string, string, string][] = [
    ['oit-entry', '2020-03-01', '2020-03-31'],
    ['oit-review', '2020-04-01', '2020-04-30'],
    ['clarification', '2020-05-01', '2020-05-10'],
    ['confirmation', '2020-05-11', '2020-05-31'],
  ];
  for (const [phase, opensOn, closesOn] of windows) {
    const r = await s.calendar.setPhase(SYSTEM_CLI, { fiscalYear: YEAR, phase, opensOn, closesOn });
    expect(r.ok).toBe(true);
  }
  const { user } = await s.users.create(SYSTEM_CLI, {
    email: 'auditor@example.org',
    displayName: 'ผู้ตรวจ ทดสอบ',
    grant: { role: 'auditor', scope: 'T-C' },
    password: 'a-long-enough-password-1',
  });
  adminA = await agencyAdmin('admin@a.example', 'T-A');
  adminB = await agencyAdmin('admin@b.example', 'T-B');
  adminC = await agencyAdmin('admin@c.example', 'T-C');
  expect(await s.oitAdmin.assign(SYSTEM_CLI, 'auditor@example.org', 'T-A')).toBe(1);
  auditor = {
    kind: 'user',
    userId: user.id,
    email: user.email,
    grants: [
      { role: 'auditor', scope: 'T-A' },
      { role: 'auditor', scope: 'T-C' },
    ],
  };
});

afterAll(async () => t?.close());

describe('agency entry', () => {
  it('refuses an answer from another agency, with its message', async () => {
    const e = await refusal(
      s.oit.saveItem(adminB, YEAR, 'T-A', 'O1', {
        answer: 'has',
        urls: 'https://a.example.go.th/o1',
      }),
    );
    expect(e.status).toBe(403);
    expect(e.th).toContain('เฉพาะผู้ดูแลของหน่วยงานนี้');
    expect(e.en).toContain("Only this agency's administrators");
  });

  it('refuses an auditor editing answers (wrong role)', async () => {
    const e = await refusal(
      s.oit.saveItem(auditor, YEAR, 'T-A', 'O1', {
        answer: 'has',
        urls: 'https://a.example.go.th/o1',
      }),
    );
    expect(e.status).toBe(403);
  });

  it('refuses bad input field by field and an unknown item', async () => {
    const e = await refusal(
      s.oit.saveItem(adminA, YEAR, 'T-A', 'O1', { answer: 'has', urls: 'ftp://x\nnot-a-url' }),
    );
    expect(e.status).toBe(422);
    expect(e).toBeInstanceOf(OitInputError);
    expect((e as OitInputError).problems.map((p) => p.field)).toEqual(['O1-urls', 'O1-urls']);
    expect(e.th).toContain('บรรทัดที่ 1: ลิงก์ต้องขึ้นต้นด้วย https://');
    expect(e.en).toContain('Line 2: not a usable link «not-a-url»');
    // One coded refusal carrying the problems; the catalogue joins their words for the CLI and logs.
    expect((e as OitInputError).problem.code).toBe('oit_input_invalid');
    expect(e.en).toBe(
      'Line 1: a link must start with https:// or http:// «ftp://x» · Line 2: not a usable link «not-a-url» (links only, one per line)',
    );
    const missing = await refusal(s.oit.saveItem(adminA, YEAR, 'T-A', 'O1', { urls: '' }));
    expect(missing.en).toContain('Choose whether');
    const unknown = await refusal(
      s.oit.saveItem(adminA, YEAR, 'T-A', 'O99', { answer: 'has_not' }),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.th).toContain('ไม่มีข้อนี้');
  });

  it('refuses edits before the OIT window opens (409)', async () => {
    today = '2020-02-28';
    const e = await refusal(s.oit.saveItem(adminA, YEAR, 'T-A', 'O1', { answer: 'has_not' }));
    expect(e.status).toBe(409);
    expect(e.th).toContain('ไม่อยู่ในช่วงเวลากรอกข้อมูล OIT');
    expect(e.en).toContain('The OIT entry window is not open');
    today = '2020-03-10';
  });

  it('saves drafts as versions and counts progress', async () => {
    await s.oit.saveItem(adminA, YEAR, 'T-A', 'O1', {
      answer: 'has',
      urls: 'https://a.example.go.th/o1',
    });
    await s.oit.saveItem(adminA, YEAR, 'T-A', 'O1', {
      answer: 'has',
      urls: 'https://a.example.go.th/o1-new',
      note: 'หน้าโครงสร้าง',
    });
    await s.oit.saveItem(adminA, YEAR, 'T-A', 'O2', {
      answer: 'has',
      urls: 'https://a.example.go.th/o2\nhttps://a.example.go.th/o2b',
    });
    await s.oit.saveItem(adminA, YEAR, 'T-A', 'O3', { answer: 'has_not' });
    const sheet = await s.oit.sheet(adminA, YEAR, 'T-A');
    expect(sheet.status).toBe('draft');
    expect(sheet.done).toBe(3);
    expect(sheet.total).toBe(43);
    expect(sheet.entries.O2?.urls).toEqual([
      'https://a.example.go.th/o2',
      'https://a.example.go.th/o2b',
    ]);
    const h = await s.oit.history(adminA, YEAR, 'T-A');
    expect(h.versions.filter((v) => v.item === 'O1').map((v) => v.urls[0])).toEqual([
      'https://a.example.go.th/o1',
      'https://a.example.go.th/o1-new',
    ]);
  });

  it('refuses to submit nothing', async () => {
    await s.oit.saveItem(adminB, YEAR, 'T-B', 'O1', {
      answer: 'has',
      urls: 'https://b.example.go.th/o1',
    });
    // B has an answer; a third agency with none cannot submit.
    const e = await refusal(s.oit.submit(adminC, YEAR, 'T-C'));
    expect(e.status).toBe(409);
  });

  it('refuses scoring before submission', async () => {
    today = '2020-04-02';
    const e = await refusal(s.oitReview.scoreItem(auditor, YEAR, 'T-A', 'O1', { score: '100' }));
    expect(e.status).toBe(409);
    expect(e.en).toContain('only after submission');
    today = '2020-03-10';
  });

  it('submits within the window, queues a link check, and then refuses edits', async () => {
    await s.oit.submit(adminA, YEAR, 'T-A');
    const sheet = await s.oit.sheet(adminA, YEAR, 'T-A');
    expect(sheet.status).toBe('submitted');
    expect(Object.values(sheet.entries).every((e) => e.status === 'submitted')).toBe(true);
    const jobs = await t.db
      .selectFrom('jobs')
      .select(['kind', 'key'])
      .where('kind', '=', 'link-check')
      .execute();
    expect(jobs).toEqual([{ kind: 'link-check', key: `${YEAR}:T-A:submission` }]);
    const e = await refusal(s.oit.saveItem(adminA, YEAR, 'T-A', 'O4', { answer: 'has_not' }));
    expect(e.status).toBe(409);
    expect(e.en).toContain('Already submitted');
    const again = await refusal(s.oit.submit(adminA, YEAR, 'T-A'));
    expect(again.status).toBe(409);
  });
});

describe('auditor review', () => {
  it('lists only the assigned agencies with progress', async () => {
    today = '2020-04-02';
    const rows = await s.oitReview.assigned(auditor, YEAR);
    expect(rows.map((r) => r.code).sort()).toEqual(['T-A', 'T-C']);
    const a = rows.find((r) => r.code === 'T-A')!;
    expect(a).toMatchObject({ status: 'submitted', answered: 3, scored: 0, total: 43 });
  });

  it('refuses an auditor not assigned to the agency', async () => {
    const e = await refusal(s.oitReview.scoreItem(auditor, YEAR, 'T-B', 'O1', { score: '100' }));
    expect(e.status).toBe(403);
    expect(e.th).toContain('เฉพาะผู้ตรวจที่ได้รับมอบหมาย');
  });

  it('refuses an agency admin scoring (wrong role)', async () => {
    const e = await refusal(s.oitReview.scoreItem(adminA, YEAR, 'T-A', 'O1', { score: '100' }));
    expect(e.status).toBe(403);
  });

  it('refuses a 0 without a comment', async () => {
    const e = await refusal(
      s.oitReview.scoreItem(auditor, YEAR, 'T-A', 'O2', { score: '0', comment: '  ' }),
    );
    expect(e.status).toBe(422);
    expect(e.th).toContain('ให้ 0 คะแนนต้องเขียนความเห็น');
    expect(e.en).toContain('A score of 0 needs a comment');
  });

  it('refuses scoring outside the review window', async () => {
    today = '2020-05-02';
    const e = await refusal(s.oitReview.scoreItem(auditor, YEAR, 'T-A', 'O1', { score: '100' }));
    expect(e.status).toBe(409);
    expect(e.en).toContain('The OIT review window is not open');
    today = '2020-04-02';
  });

  it('starting the review re-checks the links; finishing needs every published item scored', async () => {
    await s.oitReview.startReview(auditor, YEAR, 'T-A');
    const keys = (
      await t.db.selectFrom('jobs').select('key').where('kind', '=', 'link-check').execute()
    ).map((j) => j.key);
    expect(keys).toContain(`${YEAR}:T-A:review`);
    await s.oitReview.reviewItem(auditor, YEAR, 'T-A', 'O1', { score: '100', comment: 'ครบถ้วน' });
    const e = await refusal(s.oitReview.finishReview(auditor, YEAR, 'T-A'));
    expect(e.status).toBe(409);
    expect(e.en).toContain('Not scored yet: O2');
    await s.oitReview.scoreItem(auditor, YEAR, 'T-A', 'O2', {
      score: '0',
      comment: 'ไม่พบรายชื่อผู้บริหาร',
    });
    await s.oitReview.finishReview(auditor, YEAR, 'T-A');
    const sheet = await s.oit.sheet(adminA, YEAR, 'T-A');
    expect(sheet.status).toBe('reviewed');
    expect(sheet.entries.O3).toMatchObject({ score: 0, status: 'reviewed' });
    expect(sheet.entries.O43?.score).toBe(0);
    expect(sheet.scored).toBe(43);
  });
});

describe('clarification and confirmation', () => {
  it('refuses a dispute outside the clarification window', async () => {
    today = '2020-04-20';
    const e = await refusal(s.oit.dispute(adminA, YEAR, 'T-A', { O2: 'มีรายชื่อแล้ว' }));
    expect(e.status).toBe(409);
    expect(e.th).toContain('ไม่อยู่ในช่วงเวลาชี้แจง');
  });

  it('refuses a dispute from another agency and an empty one', async () => {
    today = '2020-05-03';
    expect((await refusal(s.oit.dispute(adminB, YEAR, 'T-A', { O2: 'x' }))).status).toBe(403);
    const e = await refusal(s.oit.dispute(adminA, YEAR, 'T-A', { O2: '  ' }));
    expect(e.status).toBe(422);
    expect(e.en).toContain('No explanation');
  });

  it('disputes chosen items only', async () => {
    expect(await s.oit.dispute(adminA, YEAR, 'T-A', { O2: 'รายชื่อผู้บริหารอยู่ท้ายหน้า', O1: '' })).toBe(1);
    const sheet = await s.oit.sheet(adminA, YEAR, 'T-A');
    expect(sheet.status).toBe('clarification_requested');
    expect(sheet.entries.O2).toMatchObject({
      status: 'clarification_requested',
      dispute: 'รายชื่อผู้บริหารอยู่ท้ายหน้า',
    });
    expect(sheet.entries.O1?.status).toBe('reviewed');
  });

  it('refuses confirming while a dispute is open, and re-reviewing an undisputed item', async () => {
    today = '2020-05-12';
    const e = await refusal(s.oitReview.confirm(auditor, YEAR, 'T-A'));
    expect(e.status).toBe(409);
    expect(e.en).toContain('Disputed items not re-reviewed yet: O2');
    // The page's one call: in the clarification phase it is the second look, so an item the
    // agency did not dispute is refused.
    const r = await refusal(
      s.oitReview.reviewItem(auditor, YEAR, 'T-A', 'O1', { score: '0', comment: 'x' }),
    );
    expect(r.status).toBe(409);
    expect(r.th).toContain('ไม่ได้ขอชี้แจงข้อ O1');
  });

  it('re-reviews and confirms; the score card is queued and the history keeps every step', async () => {
    await s.oitReview.reviewItem(auditor, YEAR, 'T-A', 'O2', {
      score: '100',
      comment: 'พบข้อมูลตามคำชี้แจง',
    });
    let sheet = await s.oit.sheet(adminA, YEAR, 'T-A');
    expect(sheet.status).toBe('re_reviewed');
    await s.oitReview.confirm(auditor, YEAR, 'T-A');
    sheet = await s.oit.sheet(adminA, YEAR, 'T-A');
    expect(sheet.status).toBe('confirmed');
    expect(Object.values(sheet.entries).every((e) => e.status === 'confirmed')).toBe(true);
    // 9.1 has O1–O9: O1 and O2 score 100 → 22.2…; the other sub-indicators 0.
    expect(sheet.scores?.subIndicators['9.1']).toBeCloseTo(200 / 9, 6);
    expect(sheet.scores?.oit).toBeCloseTo(200 / 9 / 5 / 2, 6);
    const recompute = await t.db
      .selectFrom('jobs')
      .select('key')
      .where('kind', '=', 'recompute')
      .execute();
    expect(recompute.map((j) => j.key)).toContain(`${YEAR}:T-A`);
    const h = await s.oit.history(adminA, YEAR, 'T-A');
    expect(h.events.map((e) => e.status)).toEqual([
      'draft',
      'submitted',
      'submitted',
      'reviewed',
      'clarification_requested',
      're_reviewed',
      'confirmed',
    ]);
    expect(h.versions.filter((v) => v.item === 'O2').map((v) => [v.status, v.score])).toEqual([
      ['draft', null],
      ['submitted', null],
      ['submitted', 0],
      ['reviewed', 0],
      ['clarification_requested', 0],
      ['re_reviewed', 100],
      ['confirmed', 100],
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'oit.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'oit.submit',
        'oit.review.finish',
        'oit.dispute',
        'oit.item.re_review',
        'oit.confirm',
      ]),
    );
  });

  it('refuses a dispute after confirmation', async () => {
    today = '2020-05-05';
    const e = await refusal(s.oit.dispute(adminA, YEAR, 'T-A', { O3: 'x' }));
    expect(e.status).toBe(409);
    expect(e.en).toContain('only after the preliminary review and before confirmation');
  });
});

describe('windows and imports', () => {
  it('refuses confirming outside the confirmation window', async () => {
    today = '2020-04-05';
    const e = await refusal(s.oitReview.confirm(auditor, YEAR, 'T-A'));
    expect(e.status).toBe(409);
    expect(e.th).toContain('ไม่อยู่ในช่วงเวลายืนยันผล');
    expect(e.en).toContain('The confirmation window is not open');
  });

  it('gives imported, confirmed agencies the confirmed state', async () => {
    await saveOitVersions(
      t.db,
      YEAR,
      [
        {
          agencyCode: 'T-C',
          item: 'O1',
          status: 'confirmed',
          answer: 'has',
          urls: ['https://c.example.go.th/o1'],
          note: null,
          score: 100,
          comment: null,
          dispute: null,
        },
      ],
      'import',
      'cli',
    );
    expect(await s.oitAdmin.recordImportedStates(SYSTEM_CLI, YEAR)).toBe(1);
    expect((await s.oit.sheet(SYSTEM_CLI, YEAR, 'T-C')).status).toBe('confirmed');
    expect(await s.oitAdmin.recordImportedStates(SYSTEM_CLI, YEAR)).toBe(0);
  });
});

describe('assignment and export', () => {
  it('only the NACC assigns; bulk by type and province counts new grants', async () => {
    const e = await refusal(s.oitAdmin.assign(auditor, 'auditor@example.org', 'T-B'));
    expect(e.status).toBe(403);
    expect(
      await s.oitAdmin.assignBulk(SYSTEM_CLI, 'auditor@example.org', {
        type: 'subdistrict_municipality',
        province: 'ลำพูน',
      }),
    ).toBe(1);
    const none = await refusal(
      s.oitAdmin.assignBulk(SYSTEM_CLI, 'auditor@example.org', { type: 'pao', province: 'ลำพูน' }),
    );
    expect(none.status).toBe(422);
    const nobody = await refusal(s.oitAdmin.assign(SYSTEM_CLI, 'nobody@example.org', 'T-B'));
    expect(nobody.status).toBe(404);
  });

  it('exports a province as CSV with a BOM and as XLSX', async () => {
    const csv = await s.oitAdmin.statusCsv(SYSTEM_CLI, YEAR, { province: 'ลำพูน' }, 'th');
    expect(csv.startsWith('\uFEFFรหัสหน่วยงาน,หน่วยงาน')).toBe(true);
    expect(csv).toContain(
      'T-A,เทศบาลทดสอบ ก,subdistrict_municipality,ลำพูน,เมืองลำพูน,ยืนยันผลแล้ว,3,43,0,43',
    );
    const xlsx = await s.oitAdmin.statusXlsx(
      SYSTEM_CLI,
      YEAR,
      { type: 'subdistrict_municipality' },
      'en',
    );
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    const e = await refusal(s.oitAdmin.statusCsv(adminA, YEAR, { province: 'ลำพูน' }, 'th'));
    expect(e.status).toBe(403);
  });
});
