// The province's drive records entered many at once (coordinators, MOUs, attendance): the same
// checks as one form, all or nothing, and the same rows and audit entries as one call per form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../../src/domain/actor.ts';
import type { Services } from '../../../src/services/container.ts';
import type { TestDb } from '../../helpers/db.ts';
import {
  agencyAdmin,
  createDriveDb,
  nacc,
  officer,
  otherOfficer,
  W,
} from '../../helpers/province-drive-fixture.ts';

/** Two workspaces' years: one filled form by form, the other in one call, then compared. */
const ONE = { ...W, fiscalYear: 2563 };

let t: TestDb;
let s: Services;

beforeAll(async () => {
  ({ t, s } = await createDriveDb());
});
afterAll(() => t.close());

const coordinator = (code: string, n: number) => ({
  agencyCode: code,
  name: `ผู้ประสานงาน ${n}`,
  position: 'นักวิเคราะห์',
  email: `c${n}.${code.toLowerCase()}@lamphun.test`,
  phone: `0-5351-100${n}`,
  fax: '',
});

/** A table's rows of one year, without ids, times or the year itself. */
async function rowsOf(table: 'drive_coordinators' | 'drive_mous', fiscalYear: number) {
  const rows = await t.db
    .selectFrom(table)
    .selectAll()
    .where('fiscal_year', '=', fiscalYear)
    .orderBy('id')
    .execute();
  return rows.map((r) => {
    const rest: Record<string, unknown> = { ...r };
    for (const k of ['id', 'fiscal_year', 'created_at', 'updated_at']) delete rest[k];
    return rest;
  });
}

/** Audit entries of an action for these records, as a reader compares them. */
async function auditOf(action: string, ids: string[]) {
  if (!ids.length) return [];
  const rows = await t.db
    .selectFrom('audit_log')
    .select(['action', 'record_type', 'before', 'after', 'actor_email'])
    .where('action', '=', action)
    .where('record_id', 'in', ids)
    .orderBy('id')
    .execute();
  // The record's own id differs between the two workspaces; the rest must not.
  const noId = (v: unknown) => {
    if (!v || typeof v !== 'object') return v;
    const rest: Record<string, unknown> = { ...v };
    delete rest.id;
    return rest;
  };
  return rows.map((r) => ({ ...r, before: noId(r.before), after: noId(r.after) }));
}

describe('coordinators many at once', () => {
  it("refuses an agency's administrator another agency's coordinator, and adds none", async () => {
    await expect(
      s.provinceDrive.addCoordinators(agencyAdmin, W, [
        coordinator('51-SM-01', 1),
        coordinator('51-PAO', 1),
      ]),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      s.provinceDrive.addCoordinators(otherOfficer, W, [coordinator('51-SM-01', 1)]),
    ).rejects.toMatchObject({ status: 403 });
    expect(await rowsOf('drive_coordinators', W.fiscalYear)).toEqual([]);
    // Its own agency's people it may enter, several at once.
    const own = await s.provinceDrive.addCoordinators(agencyAdmin, W, [
      coordinator('51-SM-01', 7),
      coordinator('51-SM-01', 8),
    ]);
    expect(own.ok && own.value).toHaveLength(2);
  });

  it('adds none when one form is wrong or names an agency of another province', async () => {
    const before = await rowsOf('drive_coordinators', W.fiscalYear);
    const bad = await s.provinceDrive.addCoordinators(officer, W, [
      coordinator('51-PRV', 1),
      { ...coordinator('51-PAO', 1), email: 'not-an-address' },
    ]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.map((p) => p.field)).toEqual(['email']);
    const elsewhere = await s.provinceDrive.addCoordinators(officer, W, [
      coordinator('51-PRV', 1),
      coordinator('50-PRV', 1),
    ]);
    expect(elsewhere.ok).toBe(false);
    if (!elsewhere.ok) expect(elsewhere.error[0]!.code).toBe('agency_not_in_province');
    expect(await rowsOf('drive_coordinators', W.fiscalYear)).toEqual(before);
  });

  it('refuses in order: who may enter, then the forms, then the province', async () => {
    const before = await rowsOf('drive_coordinators', W.fiscalYear);
    const wrong = { ...coordinator('51-PAO', 2), email: 'not-an-address' };
    // Another agency's form is refused for who sends it, however it is filled in.
    await expect(
      s.provinceDrive.addCoordinators(agencyAdmin, W, [coordinator('51-SM-01', 2), wrong]),
    ).rejects.toMatchObject({ status: 403 });
    // A wrong form is named before an agency of another province.
    const bad = await s.provinceDrive.addCoordinators(officer, W, [
      coordinator('50-PRV', 2),
      wrong,
    ]);
    expect(!bad.ok && bad.error.map((p) => p.code)).toEqual(['email_invalid']);
    expect(await rowsOf('drive_coordinators', W.fiscalYear)).toEqual(before);
  });

  it("lets an agency's administrator type its own code in Thai digits", async () => {
    // The permission is checked on the code as it is stored (๕๑-SM-๐๑ is 51-SM-01).
    const r = await s.provinceDrive.addCoordinators(agencyAdmin, W, [
      { ...coordinator('51-SM-01', 9), agencyCode: '๕๑-SM-๐๑' },
    ]);
    expect(r.ok).toBe(true);
    const rows = await rowsOf('drive_coordinators', W.fiscalYear);
    expect(rows.at(-1)).toMatchObject({ agency_code: '51-SM-01' });
  });

  it('leaves the same rows and audit entries as one call per coordinator, ids in order', async () => {
    const forms = [coordinator('51-PRV', 1), coordinator('51-PAO', 1), coordinator('51-PRV', 2)];
    const one: string[] = [];
    for (const f of forms) {
      const r = await s.provinceDrive.addCoordinator(officer, ONE, f);
      if (r.ok) one.push(r.value);
    }
    const many = await s.provinceDrive.addCoordinators(
      officer,
      { ...ONE, fiscalYear: 2564 },
      forms,
    );
    expect(many.ok).toBe(true);
    const ids = many.ok ? many.value : [];
    const rows = await rowsOf('drive_coordinators', 2564);
    expect(rows.slice(-3)).toEqual(await rowsOf('drive_coordinators', 2563));
    // Each id is its form's row.
    const stored = await t.db
      .selectFrom('drive_coordinators')
      .select(['id', 'email'])
      .where('id', 'in', ids)
      .execute();
    expect(ids.map((id) => stored.find((r) => String(r.id) === id)?.email)).toEqual(
      forms.map((f) => f.email),
    );
    expect(await auditOf('drive.coordinator.create', ids)).toEqual(
      await auditOf('drive.coordinator.create', one),
    );
  });
});

describe('MOUs and attendance many at once', () => {
  const mou = (partyName: string, agencyCode: string, url: string) => ({
    level: 'province',
    partyName,
    agencyCode,
    firstSigner: 'ผู้ว่าราชการจังหวัดลำพูน',
    signedOn: '2021-03-29',
    copiesMade: '2',
    publishedUrl: url,
  });
  const forms = [
    mou('องค์การบริหารส่วนจังหวัดลำพูน', '51-PAO', 'https://51pao.test/mou'),
    mou('สำนักงานจังหวัดลำพูน', '', ''),
    // The same party again: the second form updates what the first made.
    mou('สำนักงานจังหวัดลำพูน', '', 'https://51prv.test/mou'),
  ];

  it('refuses a reader (the NACC) and writes no MOU for a form with a wrong date', async () => {
    await expect(s.provinceDrive.saveMous(nacc, W, forms)).rejects.toMatchObject({ status: 403 });
    const bad = await s.provinceDrive.saveMous(officer, W, [
      forms[0]!,
      { ...forms[1]!, signedOn: '2021-02-30' },
    ]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.page.kind).toBe('list');
    expect(await rowsOf('drive_mous', W.fiscalYear)).toEqual([]);
  });

  it('leaves the same MOUs, link checks and audit entries as one call per form', async () => {
    const one: string[] = [];
    for (const f of forms) {
      const r = await s.provinceDrive.saveMou(officer, ONE, f);
      if (r.ok) one.push(r.value);
    }
    const many = await s.provinceDrive.saveMous(officer, W, forms);
    expect(many.ok).toBe(true);
    const ids = many.ok ? many.value : [];
    expect(ids[1]).toBe(ids[2]);
    expect(await rowsOf('drive_mous', W.fiscalYear)).toEqual(await rowsOf('drive_mous', 2563));
    for (const action of ['drive.mou.create', 'drive.mou.update'])
      expect(await auditOf(action, ids)).toEqual(await auditOf(action, one));
    const checks = await t.db
      .selectFrom('jobs')
      .select('key')
      .where('kind', '=', 'mou-link-check')
      .execute();
    expect(checks).toHaveLength(4);
  });

  it('enters a signing day of new parties by one insert, with the same rows as one by one', async () => {
    for (const fiscalYear of [2565, 2566]) await s.years.create(SYSTEM_CLI, fiscalYear, 'ita-2563');
    const day = [
      mou('องค์การบริหารส่วนจังหวัดลำพูน', '51-PAO', 'https://51pao.test/mou'),
      mou('สำนักงานจังหวัดลำพูน', '', ''),
      mou('เทศบาลตำบลก่อ', '51-SM-01', 'https://51sm01.test/mou'),
    ];
    const one: string[] = [];
    for (const f of day) {
      const r = await s.provinceDrive.saveMou(officer, { ...W, fiscalYear: 2565 }, f);
      if (r.ok) one.push(r.value);
    }
    const many = await s.provinceDrive.saveMous(officer, { ...W, fiscalYear: 2566 }, day);
    const ids = many.ok ? many.value : [];
    expect(await rowsOf('drive_mous', 2566)).toEqual(await rowsOf('drive_mous', 2565));
    const stored = await t.db
      .selectFrom('drive_mous')
      .select(['id', 'party_name'])
      .where('id', 'in', ids)
      .execute();
    expect(ids.map((id) => stored.find((r) => String(r.id) === id)?.party_name)).toEqual(
      day.map((f) => f.partyName),
    );
    expect(await auditOf('drive.mou.create', ids)).toEqual(await auditOf('drive.mou.create', one));
    // A link check for each MOU with a URL, keyed by the MOU.
    const jobs = async (list: string[]) =>
      (
        await t.db
          .selectFrom('jobs')
          .select('key')
          .where('kind', '=', 'mou-link-check')
          .where('key', 'in', list)
          .execute()
      ).length;
    expect(await jobs(one)).toBe(2);
    expect(await jobs(ids)).toBe(await jobs(one));
  });

  it('records attendance of many parties, all or nothing, as one call per party would', async () => {
    const event = async (w: typeof W) => {
      const e = await s.provinceDrive.addTrainingEvent(officer, w, {
        title: 'อบรม ITA',
        heldOn: '2021-03-08',
        place: 'ศาลากลาง',
        audience: 'provincial_offices',
        people: '10',
      });
      if (!e.ok) throw new Error(JSON.stringify(e.error));
      return e.value;
    };
    const parties: Record<string, string>[] = [
      { agencyCode: '51-PAO', people: '3' },
      { partyName: 'สำนักงานจังหวัดลำพูน', people: '4' },
      { agencyCode: '51-PAO', people: '5' },
    ];
    const e1 = await event(ONE);
    for (const p of parties)
      expect((await s.provinceDrive.recordAttendance(officer, ONE, e1, p)).ok).toBe(true);
    const e2 = await event(W);
    await expect(
      s.provinceDrive.recordAttendances(agencyAdmin, W, e2, parties),
    ).rejects.toMatchObject({ status: 403 });
    const bad = await s.provinceDrive.recordAttendances(officer, W, e2, [
      parties[0]!,
      { agencyCode: '50-PRV', people: '2' },
    ]);
    expect(bad.ok).toBe(false);
    const attendance = async (id: string) =>
      (await s.provinceDrive.training(officer, id === e1 ? ONE : W)).events.find((e) => e.id === id)
        ?.attendance;
    expect(await attendance(e2)).toEqual([]);
    expect((await s.provinceDrive.recordAttendances(officer, W, e2, parties)).ok).toBe(true);
    expect(await attendance(e2)).toEqual(await attendance(e1));
    expect(await auditOf('drive.training.attendance', [e2])).toEqual(
      await auditOf('drive.training.attendance', [e1]),
    );
  });
});
