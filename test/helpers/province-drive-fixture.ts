// The province drive's test world: Lamphun's officer and three others who must be refused, and a
// database with four agencies (three in Lamphun, one in Chiang Mai) and the years 2563 and 2564.
import { randomUUID } from 'node:crypto';
import { SYSTEM_CLI, type Actor } from '../../src/domain/actor.ts';
import { createServices, type Services } from '../../src/services/container.ts';
import { createTestDb, type TestDb } from './db.ts';

const user = (email: string, grants: Extract<Actor, { kind: 'user' }>['grants']): Actor => ({
  kind: 'user',
  userId: randomUUID(),
  email,
  grants,
});
export const officer = user('officer@lamphun.test', [{ role: 'province_officer', scope: 'ลำพูน' }]);
export const otherOfficer = user('officer@cm.test', [
  { role: 'province_officer', scope: 'เชียงใหม่' },
]);
export const nacc = user('admin@nacc.test', [{ role: 'nacc_admin', scope: null }]);
export const agencyAdmin = user('admin@51sm01.test', [{ role: 'agency_admin', scope: '51-SM-01' }]);
/** Lamphun's 2564 workspace. */
export const W = { province: 'ลำพูน', fiscalYear: 2564 };

export async function createDriveDb(): Promise<{ t: TestDb; s: Services }> {
  const t = await createTestDb();
  const s = createServices(t.db);
  await s.agencies.importAgencies(
    SYSTEM_CLI,
    'agencies.csv',
    [
      'code,name_th,type,province,district,website,staff_count',
      '51-PRV,จังหวัดลำพูน,province,ลำพูน,,https://51prv.test,3498',
      '51-PAO,องค์การบริหารส่วนจังหวัดลำพูน,pao,ลำพูน,,https://51pao.test,428',
      '51-SM-01,เทศบาลตำบลก่อ,subdistrict_municipality,ลำพูน,ลี้,https://51sm01.test,65',
      '50-PRV,จังหวัดเชียงใหม่,province,เชียงใหม่,,https://50prv.test,5000',
    ].join('\n'),
  );
  await s.years.create(SYSTEM_CLI, 2563, 'ita-2563');
  await s.years.create(SYSTEM_CLI, 2564, 'ita-2563');
  return { t, s };
}
