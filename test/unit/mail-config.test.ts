// Mail configuration and delivery: SMTP_URL and MAIL_FROM are validated; without SMTP a message
// only lands in the outbox; with SMTP a failed delivery is recorded, never thrown at the user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { createMailService } from '../../src/services/mail.service.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe('mail configuration', () => {
  it('accepts smtp:// and smtps://, and reports anything else', () => {
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.go.th:465' }).smtpUrl).toBe(
      'smtps://u:p@mail.example.go.th:465',
    );
    expect(loadConfig({}).smtpUrl).toBeNull();
    expect(loadConfig({ MAIL_FROM: 'ITA <ita@nacc.go.th>' }).mailFrom).toBe('ITA <ita@nacc.go.th>');
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example' })).toThrow(ConfigError);
    expect(() => loadConfig({ MAIL_FROM: 'nobody' })).toThrow(/MAIL_FROM/);
  });
});

describe('mail service', () => {
  it('keeps the message in the outbox when SMTP is not configured', async () => {
    const mail = createMailService(t.db);
    const id = await mail.send({
      to: 'a@example.go.th',
      subject: 'ทดสอบ',
      text: 'สวัสดี https://x.example/y',
    });
    expect(await mail.get(SYSTEM_CLI, id)).toMatchObject({
      status: 'stored',
      to: 'a@example.go.th',
      subject: 'ทดสอบ',
    });
  });

  it('records a failed SMTP delivery instead of failing the request', async () => {
    // Port 9 on loopback: nothing listens, so the connection is refused at once.
    const mail = createMailService(t.db, { smtpUrl: 'smtp://127.0.0.1:9' });
    const id = await mail.send({ to: 'b@example.go.th', subject: 'ทดสอบ', text: 'x' });
    const m = await mail.get(SYSTEM_CLI, id);
    expect(m?.status).toBe('failed');
    expect(m?.error).toBeTruthy();
  });
});
