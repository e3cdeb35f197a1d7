// The demo's accounts, one per role, with passwords printed at start (for the demo only).
import { SYSTEM_CLI, type Role } from '../domain/actor.ts';
import type { Services } from '../services/container.ts';

interface DemoAccount {
  role: Role;
  email: string;
  name: string;
  password: string;
  scopes: (string | null)[];
}

/** Kept in step with README.md ("Demo accounts (demo only)") and docs/roles.md. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    role: 'nacc_admin',
    email: 'admin@demo.itas.local',
    name: 'ผู้ดูแลระบบ ป.ป.ช. (สาธิต)',
    password: 'demo-admin-2569',
    scopes: [null],
  },
  {
    role: 'auditor',
    email: 'auditor@demo.itas.local',
    name: 'ที่ปรึกษาการประเมิน (สาธิต)',
    password: 'demo-auditor-2569',
    scopes: ['51-PRV', '51-PAO', '51-TM-01', '51-SM-01', '51-SAO-01'],
  },
  {
    role: 'province_officer',
    email: 'lamphun@demo.itas.local',
    name: 'เจ้าหน้าที่จังหวัดลำพูน (สาธิต)',
    password: 'demo-province-2569',
    scopes: ['ลำพูน'],
  },
  {
    role: 'agency_admin',
    email: '51-prv@demo.itas.local',
    name: 'ผู้ดูแลหน่วยงาน จังหวัดลำพูน (สาธิต)',
    password: 'demo-agency-2569',
    scopes: ['51-PRV'],
  },
];

export async function loadDemoAccounts(
  services: Services,
): Promise<{ role: string; email: string; password: string }[]> {
  // Together: each password's hash (argon2, off the main thread) is most of an account's cost,
  // and the four hash at once while the database takes the rows in turn.
  await Promise.all(
    DEMO_ACCOUNTS.map(async (a) => {
      const [first, ...rest] = a.scopes;
      const { user } = await services.users.create(SYSTEM_CLI, {
        email: a.email,
        displayName: a.name,
        grant: { role: a.role, scope: first ?? null },
        password: a.password,
      });
      for (const scope of rest)
        await services.users.grantRole(SYSTEM_CLI, user.id, { role: a.role, scope });
    }),
  );
  return DEMO_ACCOUNTS.map((a) => ({ role: a.role, email: a.email, password: a.password }));
}
