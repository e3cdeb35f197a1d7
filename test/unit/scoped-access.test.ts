// Scoped access, at the service layer and over HTTP: a province officer stays in their province,
// an agency administrator in their agency, an auditor in their assigned agencies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SYSTEM_CLI, type Actor } from '../../src/domain/actor.ts';
import {
  canActForProvince,
  canManageAgency,
  canReadAgencyPrivate,
  canReviewAgency,
} from '../../src/domain/access.ts';
import { createTestApp } from '../helpers/app.ts';
import { FORM, clientFor, createStandardAccounts, type Who } from '../helpers/sessions.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: Awaited<ReturnType<typeof createStandardAccounts>>;
const actors = {} as Record<Exclude<Who, 'anonymous'>, Actor>;

const CHIANG_MAI = `code,name_th,name_en,type,province,district,parent_code,website,staff_count
50-PRV,จังหวัดเชียงใหม่,Chiang Mai Province,province,เชียงใหม่,,,https://50prv.example,4000
`;

beforeAll(async () => {
  t = await createTestApp();
  const csv = readFileSync(
    new URL('../../src/demo/data/lamphun-agencies.csv', import.meta.url),
    'utf8',
  );
  await t.services.agencies.importAgencies(SYSTEM_CLI, 'demo.csv', csv);
  await t.services.agencies.importAgencies(SYSTEM_CLI, 'cm.csv', CHIANG_MAI);
  ids = await createStandardAccounts(t.services);
  for (const [role, id] of Object.entries(ids) as [Exclude<Who, 'anonymous'>, string][]) {
    const u = await t.services.users.get(SYSTEM_CLI, id);
    actors[role] = { kind: 'user', userId: id, email: u.email, grants: u.grants };
  }
});
afterAll(() => t.close());

const LAMPHUN_PRV = { code: '51-PRV', province: 'ลำพูน' };
const LAMPHUN_PAO = { code: '51-PAO', province: 'ลำพูน' };
const CM_PRV = { code: '50-PRV', province: 'เชียงใหม่' };

describe('access rules (domain/access.ts)', () => {
  it.each([
    ['province_officer', CM_PRV, false, false, false],
    ['province_officer', LAMPHUN_PAO, true, false, false],
    ['agency_admin', LAMPHUN_PRV, true, true, false],
    ['agency_admin', LAMPHUN_PAO, false, false, false],
    ['auditor', LAMPHUN_PAO, true, false, true],
    ['auditor', LAMPHUN_PRV, false, false, false],
    ['nacc_admin', CM_PRV, true, true, true],
  ] as const)('%s on %o: read %s, manage %s, review %s', (who, agency, read, manage, review) => {
    expect(canReadAgencyPrivate(actors[who], agency)).toBe(read);
    expect(canManageAgency(actors[who], agency)).toBe(manage);
    expect(canReviewAgency(actors[who], agency)).toBe(review);
  });

  it('a province officer acts for their province only', () => {
    expect(canActForProvince(actors.province_officer, 'ลำพูน')).toBe(true);
    expect(canActForProvince(actors.province_officer, 'เชียงใหม่')).toBe(false);
    expect(canActForProvince(actors.province_officer, null)).toBe(false);
  });
});

describe('agency profile service', () => {
  const profiles = () => t.services.agencyProfiles;
  const website = async (code: string) => (await t.services.agencies.get(code))!.website;

  it('a province officer reads their province’s agencies, not another province’s, and changes neither', async () => {
    const p = await profiles().read(actors.province_officer, '51-PAO');
    expect(p.auditors.map((a) => a.email)).toEqual(['auditor@test.example']);
    expect(p.canEdit).toBe(false);
    await expect(profiles().read(actors.province_officer, '50-PRV')).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      profiles().update(actors.province_officer, '50-PRV', {
        website: 'https://x.example',
        staffCount: 1,
      }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      profiles().update(actors.province_officer, '51-PRV', {
        website: 'https://x.example',
        staffCount: 1,
      }),
    ).rejects.toMatchObject({ status: 403 });
    expect(await website('50-PRV')).toBe('https://50prv.example');
    expect(await website('51-PRV')).toBe('https://51prv.demo.example');
  });

  it('an agency administrator edits their own agency, with an audit entry, and cannot touch another', async () => {
    await profiles().update(actors.agency_admin, '51-PRV', {
      website: 'https://www.lamphun.go.th',
      staffCount: 3500,
    });
    expect(await t.services.agencies.get('51-PRV')).toMatchObject({
      website: 'https://www.lamphun.go.th',
      staffCount: 3500,
    });
    const [entry] = await t.services.audit.list(SYSTEM_CLI, {
      recordType: 'agency',
      recordId: '51-PRV',
    });
    expect(entry).toMatchObject({
      actorEmail: 'agency-admin@test.example',
      actorRoles: 'agency_admin:51-PRV',
      action: 'agency.profile.update',
      before: { website: 'https://51prv.demo.example', staffCount: 3498 },
      after: { website: 'https://www.lamphun.go.th', staffCount: 3500 },
    });
    await expect(
      profiles().update(actors.agency_admin, '51-PAO', {
        website: 'https://evil.example',
        staffCount: 0,
      }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(profiles().read(actors.agency_admin, '51-PAO')).rejects.toMatchObject({
      status: 403,
    });
    expect(await website('51-PAO')).toBe('https://51pao.demo.example');
  });

  it('an auditor sees assigned agencies only, and edits none', async () => {
    expect((await profiles().read(actors.auditor, '51-SAO-01')).agency.code).toBe('51-SAO-01');
    await expect(profiles().read(actors.auditor, '51-PRV')).rejects.toMatchObject({ status: 403 });
    await expect(
      profiles().update(actors.auditor, '51-PAO', { website: null, staffCount: null }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('refuses visitors, and rejects a bad website with 422', async () => {
    await expect(profiles().read({ kind: 'anonymous' }, '51-PRV')).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      profiles().update(actors.agency_admin, '51-PRV', {
        website: 'javascript:alert(1)',
        staffCount: 1,
      }),
    ).rejects.toMatchObject({ status: 422 });
  });
});

describe('the same over HTTP', () => {
  const get = async (who: Exclude<Who, 'anonymous'> | null, path: string) => {
    const c = await clientFor(t.services, who ? ids[who] : null);
    return t.app.request(path, { headers: c.headers() });
  };
  const post = async (
    who: Exclude<Who, 'anonymous'>,
    path: string,
    fields: Record<string, string>,
    extra: Record<string, string> = {},
  ) => {
    const c = await clientFor(t.services, ids[who]);
    return t.app.request(path, {
      method: 'POST',
      headers: c.headers({ ...FORM, ...extra }),
      body: c.form(fields),
    });
  };

  it('province officer: 200 in Lamphun, bilingual 403 in Chiang Mai', async () => {
    const seen = await get('province_officer', '/agencies/51-PAO/profile');
    expect(seen.status).toBe(200);
    // Read-only, and the page says why there is no form (issue 16.3).
    const seenHtml = await seen.text();
    expect(seenHtml).not.toContain('action="/agencies/51-PAO/profile"');
    expect(seenHtml).toContain('เฉพาะผู้ดูแลของหน่วยงานนี้เท่านั้นที่กรอกหรือแก้ไขได้');
    const r = await get('province_officer', '/agencies/50-PRV/profile');
    expect(r.status).toBe(403);
    const html = await r.text();
    expect(html).toContain('คุณไม่มีสิทธิ์เข้าถึงหน้านี้');
    expect(html).toContain('You do not have access to this page');
  });

  it('agency admin: edits 51-PRV (303, audited with the request id), is refused 51-PAO (403) and nothing changes', async () => {
    const ok = await post(
      'agency_admin',
      '/agencies/51-PRV/profile',
      { website: 'https://lamphun.example', staff: '3600' },
      { 'x-request-id': 'req-profile-1' },
    );
    expect(ok.status).toBe(303);
    expect(await t.services.agencies.get('51-PRV')).toMatchObject({
      website: 'https://lamphun.example',
      staffCount: 3600,
    });
    const [entry] = await t.services.audit.list(SYSTEM_CLI, { recordId: '51-PRV' });
    expect(entry).toMatchObject({ action: 'agency.profile.update', requestId: 'req-profile-1' });
    const no = await post('agency_admin', '/agencies/51-PAO/profile', {
      website: 'https://evil.example',
      staff: '1',
    });
    expect(no.status).toBe(403);
    expect((await t.services.agencies.get('51-PAO'))!.website).toBe('https://51pao.demo.example');
  });

  it('keeps what was typed and explains a bad staff count (422)', async () => {
    const r = await post('agency_admin', '/agencies/51-PRV/profile', {
      website: 'https://lamphun.example',
      staff: 'สามพัน',
    });
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('จำนวนบุคลากรต้องเป็นจำนวนเต็ม');
    expect(html).toContain('value="สามพัน"');
  });

  it('auditor: unassigned agency 403; visitor: sent to sign in', async () => {
    expect((await get('auditor', '/agencies/51-PRV/profile')).status).toBe(403);
    const r = await get(null, '/agencies/51-PRV/profile');
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/sign-in?next=%2Fagencies%2F51-PRV%2Fprofile');
  });
});
