// The publication rule (domain/publication.ts) and publishing through the service: who sees a year's
// results before the NACC publishes it, the announcement, and the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, SYSTEM_CLI, type Actor, type RoleGrant } from '../../src/domain/actor.ts';
import { canSeeResults, canSeeYearResults } from '../../src/domain/publication.ts';
import { ServiceError } from '../../src/services/errors.ts';
import { createTestApp } from '../helpers/app.ts';
import { loadResultsFixture } from '../helpers/results-fixture.ts';

const user = (...grants: RoleGrant[]): Actor => ({
  kind: 'user',
  userId: '00000000-0000-0000-0000-000000000001',
  email: 'someone@example.org',
  grants,
});
const nacc = user({ role: 'nacc_admin', scope: null });
const prvAdmin = user({ role: 'agency_admin', scope: '51-PRV' });
const paoAdmin = user({ role: 'agency_admin', scope: '51-PAO' });
const prvAuditor = user({ role: 'auditor', scope: '51-PRV' });
const officer = user({ role: 'province_officer', scope: 'ลำพูน' });

describe('canSeeResults', () => {
  const unpublished = { fiscalYear: 2563, publishedAt: null };
  const published = { fiscalYear: 2563, publishedAt: new Date() };
  const prv = { code: '51-PRV', province: 'ลำพูน' };
  it.each([
    ['NACC', nacc, false, true],
    ['the agency’s auditor', prvAuditor, false, true],
    ['its administrator after OIT confirmation', prvAdmin, true, true],
    ['its administrator before confirmation', prvAdmin, false, false],
    ['another agency’s administrator', paoAdmin, true, false],
    ['a province officer', officer, true, false],
    ['a visitor', ANONYMOUS, true, false],
  ] as const)('before publication: %s → %s', (_, actor, confirmed, expected) => {
    expect(canSeeResults(actor, unpublished, prv, confirmed)).toBe(expected);
  });
  it('after publication everyone sees every agency and the year-wide pages', () => {
    expect(canSeeResults(ANONYMOUS, published, prv, false)).toBe(true);
    expect(canSeeYearResults(ANONYMOUS, published)).toBe(true);
    expect(canSeeYearResults(prvAuditor, unpublished)).toBe(false);
    expect(canSeeYearResults(nacc, unpublished)).toBe(true);
  });
});

describe('publishing 2563', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp();
    await loadResultsFixture(t.services, t.db);
  }, 60_000);
  afterAll(() => t.close());

  it('before publication, only the NACC, the auditor and the confirmed agency’s admin get the report', async () => {
    const view = t.services.resultsView;
    expect(await view.agencyReport(nacc, 2563, '51-PRV')).toBeDefined();
    expect(await view.agencyReport(prvAuditor, 2563, '51-PRV')).toBeDefined();
    expect(await view.agencyReport(prvAdmin, 2563, '51-PRV')).toBeDefined();
    // 51-PAO has no confirmed OIT: its own administrator waits.
    expect(await view.agencyReport(paoAdmin, 2563, '51-PAO')).toBeUndefined();
    expect(await view.agencyReport(officer, 2563, '51-PRV')).toBeUndefined();
    expect(await view.agencyReport(ANONYMOUS, 2563, '51-PRV')).toBeUndefined();
    expect(
      await view.rankings(prvAuditor, 2563, {
        scope: 'national',
        type: '',
        province: '',
        q: '',
        level: '',
        passed: '',
        sort: 'rank',
      }),
    ).toBeUndefined();
    expect(await view.summary(nacc, 2563)).toBeDefined();
    // The storage helper's API service follows the same rule.
    await expect(t.services.results.summary(ANONYMOUS, 2563)).rejects.toThrow(ServiceError);
  });

  it('sends a signed-out visitor of the publication page to sign in', async () => {
    const r = await t.app.request('/admin/publication');
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toContain('sign-in');
  });

  it('refuses publishing without an announcement (422) and by anyone but the NACC (403)', async () => {
    const view = t.services.resultsView;
    await expect(
      view.setPublication(nacc, 2563, { publish: true, announcementTh: '  ', announcementEn: '' }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      view.setPublication(prvAuditor, 2563, {
        publish: true,
        announcementTh: 'x',
        announcementEn: '',
      }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      view.setPublication(nacc, 2599, { publish: true, announcementTh: 'x', announcementEn: '' }),
    ).rejects.toMatchObject({ status: 404 });
    expect((await view.year(2563))!.publishedAt).toBeNull();
  });

  it('publishes with the announcement, opens the pages to visitors, and audits publish and unpublish', async () => {
    const view = t.services.resultsView;
    await view.setPublication(nacc, 2563, {
      publish: true,
      announcementTh: 'ประกาศผล 2563',
      announcementEn: 'Results 2563',
    });
    expect((await t.app.request('/results/2563/agencies/51-PRV')).status).toBe(200);
    expect((await t.app.request('/results/2563/rankings')).status).toBe(200);
    expect((await view.year(2563))!.announcementTh).toBe('ประกาศผล 2563');
    expect(await t.services.results.summary(ANONYMOUS, 2563)).toBeDefined();

    await view.setPublication(nacc, 2563, { publish: false });
    expect((await t.app.request('/results/2563/agencies/51-PRV')).status).toBe(404);
    const log = await t.db
      .selectFrom('audit_log')
      .select(['action', 'record_id', 'actor_email'])
      .where('record_type', '=', 'assessment_year')
      .orderBy('id')
      .execute();
    expect(log.map((l) => l.action)).toEqual(['year.publish', 'year.unpublish']);
    expect(log[0]!.record_id).toBe('2563');
    expect(log[0]!.actor_email).toBe('someone@example.org');
    await view.setPublication(SYSTEM_CLI, 2563, {
      publish: true,
      announcementTh: 'อีกครั้ง',
      announcementEn: '',
    });
  });
});
