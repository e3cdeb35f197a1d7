// Issue 18: a route makes one service call per request, a refused form included: the write
// gives back the page to show the refusal on, with the typed values kept, answered with the
// refusal's own status (422, 404, 409). The services the routes see are wrapped so each call a
// route makes is counted (calls between services are not).
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { thaiDay } from '../../src/domain/calendar.ts';
import { createApp } from '../../src/http/app.tsx';
import { createServices, type Services } from '../../src/services/container.ts';
import { createTestDb } from '../helpers/db.ts';
import { oitCsv } from '../helpers/results-fixtures.ts';
import { FORM, TEST_PASSWORD, clientFor, createAccount, type Client } from '../helpers/sessions.ts';

/** The session's own look-up runs before every route; it is not the route's call. */
const NOT_THE_ROUTE = new Set(['auth.resolveSession']);

function counted(services: Services, calls: string[]): Services {
  return new Proxy(services, {
    get(target, ns, receiver) {
      const part: unknown = Reflect.get(target, ns, receiver);
      if (typeof ns !== 'string' || part === null || typeof part !== 'object') return part;
      return new Proxy(part, {
        get(o, name, r) {
          const f: unknown = Reflect.get(o, name, r);
          if (typeof f !== 'function' || typeof name !== 'string') return f;
          return (...args: unknown[]) => {
            if (!NOT_THE_ROUTE.has(`${ns}.${name}`)) calls.push(`${ns}.${name}`);
            return (f as (...a: unknown[]) => unknown).apply(o, args);
          };
        },
      });
    },
  });
}

let close: () => Promise<void>;
let services: Services;
let app: ReturnType<typeof createApp>;
const calls: string[] = [];
let officer: Client;
let nacc: Client;
let naccId: string;

beforeAll(async () => {
  const t = await createTestDb();
  close = t.close;
  services = createServices(t.db, {});
  app = createApp({ services: counted(services, calls), log: pino({ level: 'silent' }) });
  const csv = readFileSync('src/demo/data/lamphun-agencies.csv', 'utf8');
  await services.agencies.importAgencies(SYSTEM_CLI, 'demo.csv', csv);
  await services.years.create(SYSTEM_CLI, 2564, 'ita-2563');
  officer = await clientFor(
    services,
    await createAccount(services, 'officer@lamphun.test', [
      { role: 'province_officer', scope: 'ลำพูน' },
    ]),
  );
  naccId = await createAccount(services, 'admin@nacc.test', [{ role: 'nacc_admin', scope: null }]);
  nacc = await clientFor(services, naccId);
});
afterAll(() => close());
beforeEach(() => {
  calls.length = 0;
});

const post = (c: Client, path: string, fields: Record<string, string>) =>
  app.request(path, { method: 'POST', headers: c.headers(FORM), body: c.form(fields) });

describe('pages: one call each', () => {
  it('reads each page with one service call', async () => {
    const province = `/province/${encodeURIComponent('ลำพูน')}/2564`;
    const pages: [Client, string][] = [
      ...['committee', 'coordinators', 'mous', 'training', 'progress', 'reminders'].map(
        (p): [Client, string] => [officer, `${province}/${p}`],
      ),
      [nacc, '/admin/users'],
      [nacc, `/admin/users/${naccId}`],
      [nacc, '/admin/years'],
      [nacc, '/admin/calendar'],
      [nacc, '/admin/publication/2564'],
      [nacc, '/oit/2564/assign'],
      [nacc, '/oit/2564/agencies/51-PAO'],
      [nacc, '/agencies/51-PAO/profile'],
    ];
    for (const [who, path] of pages) {
      calls.length = 0;
      const r = await app.request(path, { headers: who.headers() });
      expect(r.status, path).toBe(200);
      expect(calls, path).toHaveLength(1);
    }
  });
});

describe('the province workspace: a refused form is one call', () => {
  const at = `/province/${encodeURIComponent('ลำพูน')}/2564`;
  const W = { province: 'ลำพูน', fiscalYear: 2564 };

  it('committee: 422 with the typed values and the orders already recorded', async () => {
    const order = {
      number: '12/2564',
      orderedOn: '3/2/2564',
      title: 'แต่งตั้งคณะกรรมการ ITA',
      signer: 'ผู้ว่าราชการจังหวัดลำพูน',
      'members[0][position]': 'รองผู้ว่าราชการจังหวัดลำพูน',
      'members[0][office]': 'ศาลากลางจังหวัดลำพูน',
      'members[0][role]': 'chair',
    };
    expect((await services.provinceDrive.recordCommitteeOrder(SYSTEM_CLI, W, order)).ok).toBe(true);
    calls.length = 0;
    const r = await post(officer, `${at}/committee`, {
      ...order,
      number: '99/2564',
      orderedOn: '30/2/2564',
    });
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('href="#orderedOn"');
    expect(html).toContain('value="99/2564"');
    expect(html).toContain('12/2564');
    expect(calls).toEqual(['provinceDrive.recordCommitteeOrder']);
  });

  it('coordinators: 422 with the typed values and the agencies', async () => {
    const r = await post(officer, `${at}/coordinators`, {
      agencyCode: '51-PRV',
      name: 'สมศรี ใจดี',
      position: 'ปลัด',
      email: 'not-an-address',
      phone: '053-000000',
    });
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('href="#email"');
    expect(html).toContain('value="not-an-address"');
    expect(html).toContain('เทศบาลตำบลก่อ');
    expect(calls).toEqual(['provinceDrive.addCoordinator']);
  });

  it('MOUs: 422 on the list, and on the MOU’s own page when the form names it', async () => {
    const mou = {
      level: 'province',
      partyName: 'องค์การบริหารส่วนจังหวัดลำพูน',
      agencyCode: '51-PAO',
      firstSigner: 'ผู้ว่าราชการจังหวัดลำพูน',
    };
    const saved = await services.provinceDrive.saveMou(SYSTEM_CLI, W, mou);
    expect(saved.ok).toBe(true);
    const id = saved.ok ? saved.value : '';
    calls.length = 0;
    const list = await post(officer, `${at}/mous`, {
      ...mou,
      partyName: 'สำนักงานจังหวัดลำพูน',
      agencyCode: '',
      copiesMade: 'many',
    });
    expect(list.status).toBe(422);
    const listHtml = await list.text();
    expect(listHtml).toContain('href="#copiesMade"');
    expect(listHtml).toContain('value="many"');
    expect(listHtml).toContain('องค์การบริหารส่วนจังหวัดลำพูน');
    expect(calls).toEqual(['provinceDrive.saveMou']);
    calls.length = 0;
    const detail = await post(officer, `${at}/mous`, {
      ...mou,
      mouId: id,
      publishedUrl: 'https://51pao.test/mou',
    });
    expect(detail.status).toBe(422);
    const detailHtml = await detail.text();
    expect(detailHtml).toContain('href="#signedOn"');
    expect(detailHtml).toContain('value="https://51pao.test/mou"');
    expect(calls).toEqual(['provinceDrive.saveMou']);
  });

  it('training and attendance: 422 with the events and the typed values', async () => {
    const e = await services.provinceDrive.addTrainingEvent(SYSTEM_CLI, W, {
      title: 'อบรมเชิงปฏิบัติการ ITA',
      heldOn: '8/3/2564',
      place: 'ห้องประชุมจามเทวี',
      audience: 'หน่วยงานส่วนภูมิภาค',
    });
    expect(e.ok).toBe(true);
    calls.length = 0;
    const bad = await post(officer, `${at}/training`, {
      title: 'อบรมรอบสอง',
      heldOn: '31/2/2564',
      place: 'ห้องประชุมเล็ก',
      audience: 'ท้องถิ่น',
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('href="#heldOn"');
    expect(html).toContain('value="อบรมรอบสอง"');
    expect(html).toContain('อบรมเชิงปฏิบัติการ ITA');
    expect(calls).toEqual(['provinceDrive.addTrainingEvent']);
    calls.length = 0;
    const attendance = await post(officer, `${at}/training/${e.ok ? e.value : ''}/attendance`, {
      agencyCode: '51-PRV',
      people: '0',
    });
    expect(attendance.status).toBe(422);
    expect(await attendance.text()).toContain('อบรมเชิงปฏิบัติการ ITA');
    expect(calls).toEqual(['provinceDrive.recordAttendance']);
  });

  it('reminders: a preview, a refused send and a template saved or refused are one call each', async () => {
    const path = `${at}/reminders/preview`;
    const preview = await post(officer, path, {
      codes: '51-PRV',
      template: 'follow_up',
      subject: 'ติดตาม ITA: {{agency}}',
      body: 'ข้อความ',
    });
    expect(preview.status).toBe(200);
    expect(calls).toEqual(['provinceReminders.previewPage']);
    calls.length = 0;
    const noSubject = await post(officer, path, {
      codes: '51-PRV',
      template: 'follow_up',
      subject: '',
      body: 'ข้อความที่พิมพ์ไว้',
    });
    expect(noSubject.status).toBe(422);
    expect(await noSubject.text()).toContain('ข้อความที่พิมพ์ไว้');
    expect(calls).toEqual(['provinceReminders.previewPage']);
    calls.length = 0;
    const send = await post(officer, path, {
      action: 'send',
      template: 'follow_up',
      subject: 'ติดตาม',
      body: 'ข้อความที่จะส่ง',
    });
    expect(send.status).toBe(422);
    expect(await send.text()).toContain('ข้อความที่จะส่ง');
    expect(calls).toEqual(['provinceReminders.sendReminder']);
    calls.length = 0;
    const badTemplate = await post(officer, path, {
      action: 'save-template',
      template: 'follow_up',
      subject: 'หัวเรื่องใหม่',
      body: '',
    });
    expect(badTemplate.status).toBe(422);
    expect(await badTemplate.text()).toContain('หัวเรื่องใหม่');
    expect(calls).toEqual(['provinceReminders.saveReminderTemplate']);
    calls.length = 0;
    const template = await post(officer, path, {
      action: 'save-template',
      template: 'follow_up',
      subject: 'หัวเรื่องใหม่',
      body: 'เนื้อความใหม่',
    });
    expect(template.status).toBe(200);
    expect(calls).toEqual(['provinceReminders.saveReminderTemplate']);
  });
});

describe('the users pages: a refused change is one call', () => {
  it('an invitation refused by the service (409) shows the list with the typed values', async () => {
    const r = await post(nacc, '/admin/users/invite', {
      email: 'officer@lamphun.test',
      name: 'ชื่อที่พิมพ์ไว้',
      role: 'auditor',
      scope: '51-PAO',
    });
    expect(r.status).toBe(409);
    const html = await r.text();
    expect(html).toContain('value="ชื่อที่พิมพ์ไว้"');
    expect(html).toContain('admin@nacc.test');
    // Shown beside the input the refusal names (its field, not words matched in its message).
    expect(html).toContain('<a href="#email">');
    expect(calls).toEqual(['users.invite']);
  });

  it('an invitation refused before the service is one read of the list', async () => {
    const r = await post(nacc, '/admin/users/invite', { email: 'x', name: 'ก', role: 'auditor' });
    expect(r.status).toBe(422);
    expect(calls).toEqual(['users.list']);
  });

  it("a role refused (422) or a change refused (409) shows the user's page", async () => {
    const grant = await post(nacc, `/admin/users/${naccId}/roles`, {
      role: 'auditor',
      scope: 'NO-SUCH-AGENCY',
    });
    expect(grant.status).toBe(422);
    const html = await grant.text();
    expect(html).toContain('value="NO-SUCH-AGENCY"');
    expect(html).toContain('<a href="#scope">');
    expect(html).toContain('admin@nacc.test');
    expect(calls).toEqual(['users.change']);
    calls.length = 0;
    const self = await post(nacc, `/admin/users/${naccId}/disable`, {});
    expect(self.status).toBe(409);
    const selfHtml = await self.text();
    expect(selfHtml).toContain('admin@nacc.test');
    expect(selfHtml).toContain('<a href="#role-nacc_admin">');
    expect(calls).toEqual(['users.change']);
  });
});

describe('the OIT sheets: a refused form is one call', () => {
  const sheet = '/oit/2564/agencies/51-PAO';
  let admin: Client;
  let auditor: Client;

  beforeAll(async () => {
    const today = thaiDay(new Date());
    for (const phase of ['oit-entry', 'oit-review', 'clarification'])
      await services.calendar.setPhase(SYSTEM_CLI, {
        fiscalYear: 2564,
        phase,
        opensOn: today,
        closesOn: today,
      });
    admin = await clientFor(
      services,
      await createAccount(services, 'admin@51pao.test', [
        { role: 'agency_admin', scope: '51-PAO' },
      ]),
    );
    auditor = await clientFor(
      services,
      await createAccount(services, 'auditor@51pao.test', [{ role: 'auditor', scope: '51-PAO' }]),
    );
  });

  it('an item refused (422) shows the sheet with the typed text', async () => {
    const r = await post(admin, `${sheet}/items/O1`, {
      answer: 'has',
      urls: 'javascript:alert(1)',
      note: 'หมายเหตุที่พิมพ์ไว้',
    });
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('หมายเหตุที่พิมพ์ไว้');
    expect(html).toContain('ทำแล้ว 0 จาก 43');
    expect(calls).toEqual(['oit.saveItemOrSheet']);
  });

  it('the whole sheet saved with a refused item shows the sheet; the autosave reads none', async () => {
    const fields = { 'O1-answer': 'has', 'O1-urls': 'javascript:alert(1)', 'O2-answer': 'has_not' };
    const r = await post(admin, `${sheet}/items`, fields);
    expect(r.status).toBe(422);
    expect(await r.text()).toContain('ทำแล้ว 1 จาก 43');
    expect(calls).toEqual(['oit.saveItemsOrSheet']);
    calls.length = 0;
    const auto = await app.request(`${sheet}/items`, {
      method: 'POST',
      headers: admin.headers({ ...FORM, 'X-Autosave': '1' }),
      body: admin.form(fields),
    });
    expect(auto.status).toBe(200);
    expect(((await auto.json()) as { errors: unknown[] }).errors).toHaveLength(1);
    expect(calls).toEqual(['oit.saveItems']);
  });

  it('disputes refused (422) show the sheet', async () => {
    const r = await post(admin, `${sheet}/disputes`, { 'dispute-O1': '' });
    expect(r.status).toBe(422);
    expect(await r.text()).toContain('href="#O1-dispute"');
    expect(calls).toEqual(['oit.disputeOrSheet']);
  });

  it("an auditor's score refused (422) shows the review sheet with the typed comment", async () => {
    const o1 = { answer: 'has', urls: 'https://51pao.demo.example/ita/o1' };
    expect((await post(admin, `${sheet}/items/O1`, o1)).status).toBe(303);
    expect((await post(admin, `${sheet}/submit`, { confirm: 'yes' })).status).toBe(303);
    calls.length = 0;
    const r = await post(auditor, '/oit/2564/review/51-PAO/items/O1', {
      score: '50',
      comment: 'ความเห็นที่พิมพ์ไว้',
    });
    expect(r.status).toBe(422);
    expect(await r.text()).toContain('ความเห็นที่พิมพ์ไว้');
    expect(calls).toEqual(['oitReview.reviewItemOrSheet']);
  });

  it('an assignment refused (no auditor 404, nothing matching 422) shows the screen again', async () => {
    const one = await post(nacc, '/oit/2564/assign', {
      auditor: 'nobody@test.example',
      agency: '51-PAO',
    });
    expect(one.status).toBe(404);
    expect(await one.text()).toContain('value="nobody@test.example"');
    expect(calls).toEqual(['oitAdmin.assignOrPage']);
    calls.length = 0;
    const bulk = await post(nacc, '/oit/2564/assign/bulk', {
      auditor: 'auditor@51pao.test',
      type: 'no_such_type',
    });
    expect(bulk.status).toBe(422);
    expect(await bulk.text()).toContain('value="auditor@51pao.test"');
    expect(calls).toEqual(['oitAdmin.assignOrPage']);
  });
});

describe("an agency's profile: a refused form is one call", () => {
  it('a website refused by the service (422) shows the profile with the typed values', async () => {
    const admin = await clientFor(
      services,
      await createAccount(services, 'admin@51prv.test', [
        { role: 'agency_admin', scope: '51-PRV' },
      ]),
    );
    const r = await post(admin, '/agencies/51-PRV/profile', {
      website: 'ftp://51prv.test',
      staff: '120',
    });
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('value="ftp://51prv.test"');
    expect(html).toContain('admin@51prv.test');
    expect(html).toContain('<a href="#website">');
    expect(calls).toEqual(['agencyProfiles.updateOrPage']);
    calls.length = 0;
    const staff = await post(admin, '/agencies/51-PRV/profile', {
      website: 'https://51prv.test',
      staff: '-3',
    });
    expect(staff.status).toBe(422);
    expect(await staff.text()).toContain('<a href="#staff">');
  });
});

describe('a new password from a link: a refused link is one call', () => {
  it('an unknown reset link (404) is said without reading the token again', async () => {
    const visitor = await clientFor(services, null);
    const r = await post(visitor, `/reset-password/${'a'.repeat(43)}`, {
      password: TEST_PASSWORD,
      confirm: TEST_PASSWORD,
    });
    expect(r.status).toBe(404);
    expect(calls).toEqual(['auth.resetPassword']);
  });
});

describe("a year's publication: a refused form is one call", () => {
  const at = '/admin/publication/2564';

  it('publishing refused (422 unconfirmed, 409 not ready) shows the page with the announcement', async () => {
    const unconfirmed = await post(nacc, `${at}/publish`, { announcement_th: 'ประกาศที่พิมพ์ไว้' });
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.text()).toContain('ประกาศที่พิมพ์ไว้');
    expect(calls).toEqual(['publication.publishOrPage']);
    calls.length = 0;
    const notReady = await post(nacc, `${at}/publish`, {
      announcement_th: 'ประกาศที่พิมพ์ไว้',
      confirm: 'yes',
    });
    expect(notReady.status).toBe(409);
    expect(await notReady.text()).toContain('ประกาศที่พิมพ์ไว้');
    expect(calls).toEqual(['publication.publishOrPage']);
  });

  it('an OIT exception refused (422) shows the page with the typed values', async () => {
    const r = await post(nacc, `${at}/exceptions`, { agency: '51-PAO', reason: '' });
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('value="51-PAO"');
    expect(html).toContain('<a href="#exception-reason">');
    expect(calls).toEqual(['publication.addExceptionOrPage']);
    const unknown = await post(nacc, `${at}/exceptions`, { agency: 'NO-SUCH', reason: 'เหตุผล' });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('<a href="#exception-agency">');
  });
});

// Last: the OIT answers imported here make the year's move refused.
describe('the years page: a refused form is one call', () => {
  it('a year that exists (409) shows the years with the typed values', async () => {
    const r = await post(nacc, '/admin/years', { year: '2564', framework: 'ita-2566' });
    expect(r.status).toBe(409);
    const html = await r.text();
    expect(html).toContain('data-year="2564"');
    expect(html).toContain('value="ita-2566"');
    expect(html).toContain('<a href="#year">');
    expect(calls).toEqual(['yearFrameworks.createYear']);
    const unknown = await post(nacc, '/admin/years', { year: '2590', framework: 'no-such' });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('<a href="#framework">');
  });

  it('a move refused under the lock (409) shows the plan made again, with why', async () => {
    await services.frameworks.import(
      SYSTEM_CLI,
      readFileSync('frameworks/unverified/ita-2568-structure.json', 'utf8'),
    );
    await services.imports.importOit(SYSTEM_CLI, 2564, 'o.csv', oitCsv(['51-PRV']));
    calls.length = 0;
    const r = await post(nacc, '/admin/years/2564/framework', {
      framework: 'ita-2568-structure',
    });
    expect(r.status).toBe(409);
    expect(await r.text()).toContain('O43');
    expect(calls).toEqual(['yearFrameworks.moveOrPlan']);
  });
});
