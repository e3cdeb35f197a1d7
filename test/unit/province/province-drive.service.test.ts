// The province's drive through its services: each action, its refusals, the board, reminders
// sent through the outbox, and the planner over stored item-level results.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI, type Actor } from '../../../src/domain/actor.ts';
import type { Services } from '../../../src/services/container.ts';
import { ForbiddenError } from '../../../src/services/errors.ts';
import type { TestDb } from '../../helpers/db.ts';
import {
  agencyAdmin,
  createDriveDb,
  nacc,
  officer,
  otherOfficer,
  W,
} from '../../helpers/province-drive-fixture.ts';

let t: TestDb;
let s: Services;

beforeAll(async () => {
  ({ t, s } = await createDriveDb());
});
afterAll(() => t.close());

const order = {
  number: '๒๓๐/๒๕๖๔',
  orderedOn: '3/2/2564',
  title: 'การแต่งตั้งคณะกรรมการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๔ ของจังหวัดลำพูน',
  signer: 'ผู้ว่าราชการจังหวัดลำพูน',
  'members[0][position]': 'รองผู้ว่าราชการจังหวัดลำพูน',
  'members[0][office]': 'ศาลากลางจังหวัดลำพูน',
  'members[0][role]': 'chair',
  'members[1][position]': 'หัวหน้าสำนักงานจังหวัดลำพูน',
  'members[1][office]': 'สำนักงานจังหวัดลำพูน',
  'members[1][role]': 'vice_chair',
};

describe('committee', () => {
  it('records an order with its members; the BE date is stored as the calendar day', async () => {
    const r = await s.provinceDrive.recordCommitteeOrder(officer, W, order);
    expect(r.ok).toBe(true);
    const [o] = await s.provinceDrive.committee(officer, W);
    // Typed in Thai digits, kept in Arabic ones: the app's one convention (issue 16).
    expect(o).toMatchObject({ number: '230/2564', orderedOn: '2021-02-03' });
    expect(o!.title).toContain('พ.ศ. 2564 ของจังหวัดลำพูน');
    expect(o!.members.map((m) => m.role)).toEqual(['chair', 'vice_chair']);
    const audit = await s.audit.list(nacc, { recordType: 'committee_order', recordId: o!.id });
    expect(audit.map((a) => a.action)).toEqual(['drive.committee.create']);
  });

  it('names each wrong field of a bad order', async () => {
    const r = await s.provinceDrive.recordCommitteeOrder(officer, W, {
      ...order,
      orderedOn: '31/2/2564',
      'members[1][role]': 'king',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((p) => p.field)).toEqual(['orderedOn', 'members-1-role']);
  });

  it('refuses an officer of another province (403) and lets the NACC read but not write', async () => {
    await expect(s.provinceDrive.committee(otherOfficer, W)).rejects.toMatchObject({ status: 403 });
    await expect(
      s.provinceDrive.recordCommitteeOrder(otherOfficer, W, order),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await s.provinceDrive.committee(nacc, W)).length).toBe(1);
    await expect(s.provinceDrive.recordCommitteeOrder(nacc, W, order)).rejects.toMatchObject({
      status: 403,
    });
  });
});

describe('coordinators', () => {
  it('are entered by the province or the agency, and agencies short of two are listed', async () => {
    const add = (a: Actor, agencyCode: string, n: number) =>
      s.provinceDrive.addCoordinator(a, W, {
        agencyCode,
        name: `ผู้ประสานงาน ${n}`,
        position: 'นักทรัพยากรบุคคล',
        email: `c${n}@demo.test`,
        phone: '0-5351-1192 ต่อ 27970',
        fax: '0-5351-1192',
      });
    expect((await add(officer, '51-PRV', 1)).ok).toBe(true);
    expect((await add(officer, '51-PRV', 2)).ok).toBe(true);
    expect((await add(agencyAdmin, '51-SM-01', 3)).ok).toBe(true);
    await expect(add(agencyAdmin, '51-PAO', 4)).rejects.toMatchObject({ status: 403 });
    await expect(add(otherOfficer, '51-PAO', 5)).rejects.toMatchObject({ status: 403 });
    const bad = await add(officer, '50-PRV', 6);
    expect(bad.ok ? [] : bad.error.map((p) => p.field)).toEqual(['agencyCode']);
    const list = await s.provinceDrive.coordinators(officer, W);
    const counts = Object.fromEntries(list.map((x) => [x.agency.code, x.coordinators.length]));
    expect(counts).toEqual({ '51-PRV': 2, '51-PAO': 0, '51-SM-01': 1 });
  });

  it('exports the ministry shape with a BOM', async () => {
    const csv = await s.provinceProgress.coordinatorsCsv(officer, W);
    expect(csv.startsWith('\uFEFFหน่วยงาน,ชื่อ-นามสกุล,ตำแหน่ง,โทรศัพท์,โทรสาร,อีเมล')).toBe(true);
    expect(csv).toContain(
      'จังหวัดลำพูน,ผู้ประสานงาน 1,นักทรัพยากรบุคคล,0-5351-1192 ต่อ 27970,0-5351-1192,c1@demo.test',
    );
  });
});

describe('MOUs and training', () => {
  it('records a signing, then its published URL; the board counts it as published', async () => {
    const base = {
      level: 'province',
      partyName: 'องค์การบริหารส่วนจังหวัดลำพูน',
      agencyCode: '51-PAO',
      firstSigner: 'ผู้ว่าราชการจังหวัดลำพูน',
    };
    expect((await s.provinceDrive.saveMou(officer, W, base)).ok).toBe(true);
    let row = (await s.provinceProgress.board(officer, W)).find((r) => r.agency.code === '51-PAO')!;
    expect(row.reasons).toContain('mou_signed');
    const noDate = await s.provinceDrive.saveMou(officer, W, {
      ...base,
      publishedUrl: 'https://51pao.test/mou',
    });
    expect(noDate.ok ? [] : noDate.error.map((p) => p.field)).toEqual(['signedOn']);
    const r = await s.provinceDrive.saveMou(officer, W, {
      ...base,
      signedOn: '29/3/2564',
      place: 'ห้องประชุมจามเทวี ศาลากลางจังหวัดลำพูน',
      witnesses: 'หัวหน้าสำนักงานจังหวัดลำพูน\nผู้อำนวยการกลุ่มงานบริหารทรัพยากรบุคคล',
      copiesMade: '2',
      copiesKept: '1',
      publishedUrl: 'https://51pao.test/mou',
    });
    expect(r.ok).toBe(true);
    const { mous } = await s.provinceDrive.mous(officer, W);
    expect(mous).toHaveLength(1);
    expect(mous[0]).toMatchObject({
      signedOn: '2021-03-29',
      linkStatus: 'unchecked',
      witnesses: [expect.any(String), expect.any(String)],
    });
    row = (await s.provinceProgress.board(officer, W)).find((r) => r.agency.code === '51-PAO')!;
    expect(row).toMatchObject({ mouSigned: true, mouPublished: true });
    expect(row.reasons).not.toContain('mou_signed');
    await expect(s.provinceDrive.saveMou(nacc, W, base)).rejects.toMatchObject({ status: 403 });
  });

  it('queues the published URL for the link checker and shows what it found', async () => {
    const jobs = await s.jobs.claim({ limit: 10, leaseSeconds: 60, kinds: ['mou-link-check'] });
    expect(jobs).toHaveLength(1);
    const { mouId } = jobs[0]!.payload as { mouId: string };
    const seen: string[] = [];
    const answer = (httpStatus: number | null) => async (url: string) => {
      seen.push(url);
      return { httpStatus, error: null, blocked: false };
    };
    expect(await s.provinceDrive.checkMouLink(SYSTEM_CLI, mouId, answer(200))).toBe('ok');
    expect(seen).toEqual(['https://51pao.test/mou']);
    expect((await s.provinceDrive.mous(officer, W)).mous[0]!.linkStatus).toBe('ok');
    expect(await s.provinceDrive.checkMouLink(SYSTEM_CLI, mouId, answer(404))).toBe('broken');
    const row = (await s.provinceProgress.board(officer, W)).find(
      (r) => r.agency.code === '51-PAO',
    )!;
    expect(row.linkStatus).toBe('broken');
    await expect(s.provinceDrive.checkMouLink(officer, mouId, answer(200))).rejects.toMatchObject({
      status: 403,
    });
  });

  it('records training attendance and lists who has not attended', async () => {
    const e = await s.provinceDrive.addTrainingEvent(officer, W, {
      title: 'อบรมเชิงปฏิบัติการ ITA',
      heldOn: '8/3/2564',
      place: 'ห้องประชุมจามเทวี',
      audience: 'หน่วยงานส่วนภูมิภาค',
    });
    expect(e.ok).toBe(true);
    if (!e.ok) return;
    expect(
      (
        await s.provinceDrive.recordAttendance(officer, W, e.value, {
          agencyCode: '51-PRV',
          people: '2',
        })
      ).ok,
    ).toBe(true);
    expect(
      (
        await s.provinceDrive.recordAttendance(officer, W, e.value, {
          partyName: 'สำนักงานคลังจังหวัดลำพูน',
          people: '3',
        })
      ).ok,
    ).toBe(true);
    const bad = await s.provinceDrive.recordAttendance(officer, W, e.value, {
      agencyCode: '51-PAO',
      people: '0',
    });
    expect(bad.ok ? [] : bad.error.map((p) => p.field)).toEqual(['people']);
    const tr = await s.provinceDrive.training(officer, W);
    expect(tr.events[0]!.attendance.reduce((n, a) => n + a.people, 0)).toBe(5);
    expect(tr.notAttended.map((a) => a.code).sort()).toEqual(['51-PAO', '51-SM-01']);
    await expect(s.provinceDrive.training(otherOfficer, W)).rejects.toMatchObject({ status: 403 });
  });
});

describe('progress board and reminders', () => {
  it('shows IIT and EIT counts against their minimums', async () => {
    const rows = await s.provinceProgress.board(officer, W);
    const prv = rows.find((r) => r.agency.code === '51-PRV')!;
    // 3,498 staff: 10 % rounded up.
    expect(prv).toMatchObject({ iit: 0, iitMin: 350, eitMin: 30, oitSubmitted: 0, oitTotal: 43 });
    expect(prv.reasons).toEqual(['iit', 'eit', 'oit']);
    const csv = await s.provinceProgress.boardCsv(officer, W);
    expect(csv.split('\n')[0]).toContain('\uFEFFรหัสหน่วยงาน');
    await expect(s.provinceProgress.board(otherOfficer, W)).rejects.toMatchObject({ status: 403 });
  });

  it('previews, then sends reminders to the coordinators through the outbox and records them', async () => {
    const input = {
      codes: ['51-PRV', '51-PAO'],
      subject: 'ติดตาม ITA: {{agency}}',
      body: 'IIT {{iit}}/{{iitMin}}\n{{missing}}',
    };
    const preview = await s.provinceReminders.previewReminder(officer, W, input);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.value.messages).toHaveLength(1);
    expect(preview.value.messages[0]).toMatchObject({
      to: ['c1@demo.test', 'c2@demo.test'],
      subject: 'ติดตาม ITA: จังหวัดลำพูน',
    });
    expect(preview.value.messages[0]!.body).toContain('IIT 0/350');
    expect(preview.value.unreachable.map((a) => a.code)).toEqual(['51-PAO']);
    expect((await s.mail.list(nacc)).length).toBe(0);
    await expect(s.provinceReminders.sendReminder(nacc, W, input)).rejects.toMatchObject({
      status: 403,
    });
    const sent = await s.provinceReminders.sendReminder(officer, W, input);
    expect(sent.ok && sent.value.sent).toBe(2);
    const outbox = await s.mail.list(nacc);
    expect(outbox.map((m) => m.to).sort()).toEqual(['c1@demo.test', 'c2@demo.test']);
    expect(outbox[0]!.subject).toBe('ติดตาม ITA: จังหวัดลำพูน');
    const history = await s.provinceReminders.reminders(officer, W);
    expect(history[0]).toMatchObject({ recipients: 2, agencyCodes: ['51-PRV'] });
  });

  it('keeps edited templates per province', async () => {
    const r = await s.provinceReminders.saveReminderTemplate(officer, W, {
      key: 'follow_up',
      subject: 'เร่งรัด {{agency}}',
      body: 'ข้อความใหม่',
    });
    expect(r.ok).toBe(true);
    const tpl = await s.provinceReminders.reminderTemplates(officer, W);
    expect(tpl.find((x) => x.key === 'follow_up')!.subject).toBe('เร่งรัด {{agency}}');
  });
});

describe('plan to pass over stored results', () => {
  it('reports the province unit at 87.96 and 91.10 with the five OIT items ticked', async () => {
    const report = JSON.parse(
      readFileSync('test/fixtures/seed/lamphun-2563-report.json', 'utf8'),
    ) as {
      questions: { code: string; items: { distribution: number[] }[] }[];
      oit: { code: string; score: number }[];
    };
    const answers: Record<string, number[]> = {};
    for (const q of report.questions)
      q.items.forEach((it, i) => (answers[`${q.code}.${i + 1}`] = it.distribution));
    const oit = Object.fromEntries(report.oit.map((o) => [o.code, o.score]));
    await expect(
      s.provinceProgress.loadPublishedItemResults(officer, 2563, '51-PRV', { answers, oit }),
    ).rejects.toMatchObject({ status: 403 });
    expect(
      await s.provinceProgress.loadPublishedItemResults(SYSTEM_CLI, 2563, '51-PRV', {
        answers,
        oit,
      }),
    ).toBe(true);
    expect(
      await s.provinceProgress.loadPublishedItemResults(SYSTEM_CLI, 2563, '51-PRV', {
        answers,
        oit,
      }),
    ).toBe(false);
    const ticked = ['oit:O3', 'oit:O8', 'oit:O9', 'oit:O25', 'oit:O32'];
    const plan = await s.provinceProgress.plan(officer, W, '51-PRV', ticked);
    const p = plan.plans[0]!.plan;
    expect(p.base.overall!.toFixed(2)).toBe('87.96');
    expect(p.projected.overall!.toFixed(2)).toBe('91.10');
    const whole = await s.provinceProgress.plan(
      nacc,
      W,
      'all',
      ticked.map((x) => `51-PRV|${x}`),
    );
    expect(whole.provinceActions[0]!.agencyCode).toBe('51-PRV');
    await expect(s.provinceProgress.plan(otherOfficer, W, '51-PRV', [])).rejects.toMatchObject({
      status: 403,
    });
  });
});
