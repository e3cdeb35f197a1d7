// `itas users create|list|disable` over a test database (the commands as the CLI runs them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { UsageError } from '../../src/cli/command.ts';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { createServices, type Services } from '../../src/services/container.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { runCommand } from '../helpers/cli.ts';

let t: TestDb;
let services: Services;
beforeAll(async () => {
  t = await createTestDb();
  services = createServices(t.db, { publicUrl: 'https://itas.example' });
  const csv = readFileSync(
    new URL('../../src/demo/data/lamphun-agencies.csv', import.meta.url),
    'utf8',
  );
  await services.agencies.importAgencies(SYSTEM_CLI, 'demo.csv', csv);
});
afterAll(() => t.close());

const itas = (...argv: string[]) => runCommand(services, ...argv);

describe('itas users', () => {
  it('creates an account with a password, or with an invitation link', async () => {
    const admin = await itas(
      'users',
      'create',
      '--email',
      'Boss@NACC.go.th',
      '--name',
      'หัวหน้า',
      '--role',
      'nacc_admin',
      '--password',
      'a long passphrase',
    );
    expect(admin.code).toBe(0);
    expect(admin.out).toContain('Created boss@nacc.go.th');
    expect((await services.auth.signIn('boss@nacc.go.th', 'a long passphrase')).ok).toBe(true);

    const officer = await itas(
      'users',
      'create',
      '--email',
      'officer@lamphun.go.th',
      '--name',
      'เจ้าหน้าที่',
      '--role',
      'province_officer',
      '--scope',
      'ลำพูน',
    );
    expect(officer.out).toMatch(
      /Invitation link \(e-mailed; [^)]*\): https:\/\/itas\.example\/invitation\/[\w-]{43}/,
    );
  });

  it('explains mistakes: unknown role, missing options, a scope that names nothing', async () => {
    await expect(
      itas('users', 'create', '--email', 'x@x.go.th', '--name', 'X', '--role', 'king'),
    ).rejects.toThrow(UsageError);
    await expect(
      itas('users', 'create', '--email', 'x@x.go.th', '--role', 'auditor'),
    ).rejects.toThrow(UsageError);
    await expect(
      itas(
        'users',
        'create',
        '--email',
        'x@x.go.th',
        '--name',
        'X',
        '--role',
        'province_officer',
        '--scope',
        'Atlantis',
      ),
    ).rejects.toMatchObject({ status: 422, th: expect.stringContaining('ไม่พบจังหวัด') });
  });

  it('disables an account and lists everyone with roles and status', async () => {
    expect((await itas('users', 'disable', '--email', 'OFFICER@lamphun.go.th')).code).toBe(0);
    const list = await itas('users', 'list');
    expect(list.out).toMatch(/boss@nacc\.go\.th\s+active\s+หัวหน้า \[nacc_admin\]/);
    expect(list.out).toMatch(
      /officer@lamphun\.go\.th\s+disabled\s+เจ้าหน้าที่ \[province_officer:ลำพูน\]/,
    );
    expect(list.out).toContain('2 users');
  });
});
