// Mail configuration and delivery: SMTP_URL and MAIL_FROM are validated; without SMTP a message
// only lands in the outbox; with SMTP a failed delivery is recorded, never thrown at the user, and
// the outbox keeps no usable reset or invitation link (the e-mail alone carries it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { createServices } from '../../src/services/container.ts';
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
  const outboxOnly = { smtpUrl: null, mailFrom: 'Open ITAS <no-reply@localhost>' };
  it('keeps the message in the outbox when SMTP is not configured', async () => {
    const mail = createMailService({ db: t.db, clock: () => new Date(), config: outboxOnly });
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
    const mail = createMailService({
      db: t.db,
      clock: () => new Date(),
      config: { ...outboxOnly, smtpUrl: 'smtp://127.0.0.1:9' },
    });
    const id = await mail.send({ to: 'b@example.go.th', subject: 'ทดสอบ', text: 'x' });
    const m = await mail.get(SYSTEM_CLI, id);
    expect(m?.status).toBe('failed');
    expect(m?.error).toBeTruthy();
  });
});

/** A minimal SMTP server that accepts every message and keeps what it received. */
async function smtpSink(): Promise<{ url: string; received: string[]; close: () => void }> {
  const received: string[] = [];
  const server: Server = createServer((socket) => {
    let data = false;
    let buffer = '';
    let message = '';
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (data) {
          if (line === '.') {
            data = false;
            received.push(message);
            message = '';
            socket.write('250 queued\r\n');
          } else message += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 sink\r\n');
        else if (verb === 'DATA') {
          data = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => server.close() };
}

/** Undoes quoted-printable soft breaks and escapes so a link can be searched for in a raw mail. */
const unQuote = (raw: string) =>
  raw
    .replace(/=\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

describe('reset and invitation links in the outbox', () => {
  const linkIn = (text: string) =>
    /https:\/\/itas\.example\/(reset-password|invitation)\/[\w-]+/.exec(text)?.[0];

  it('with SMTP: the e-mail carries the link, the outbox keeps only a note that it was sent', async () => {
    const sink = await smtpSink();
    try {
      const s = createServices(t.db, { publicUrl: 'https://itas.example', smtpUrl: sink.url });
      const { invitationLink } = await s.users.create(SYSTEM_CLI, {
        email: 'invited.smtp@example.go.th',
        displayName: 'ผู้ได้รับเชิญ',
        grant: { role: 'nacc_admin', scope: null },
      });
      await s.auth.requestPasswordReset('somebody.smtp@example.go.th'); // no account: no mail
      await s.users.create(SYSTEM_CLI, {
        email: 'reset.smtp@example.go.th',
        displayName: 'ลืมรหัส',
        grant: { role: 'nacc_admin', scope: null },
        password: 'a long enough password',
      });
      await s.auth.requestPasswordReset('reset.smtp@example.go.th');
      const mails = await s.mail.list(SYSTEM_CLI);
      const invite = mails.find((m) => m.to === 'invited.smtp@example.go.th')!;
      const reset = mails.find((m) => m.to === 'reset.smtp@example.go.th')!;
      for (const m of [invite, reset]) {
        expect(m.status).toBe('sent');
        expect(linkIn(m.text)).toBeUndefined();
        expect(m.text).toContain('link sent by e-mail');
      }
      // What the person received does carry a working link.
      expect(sink.received).toHaveLength(2);
      const sentInvite = linkIn(unQuote(sink.received[0]!));
      expect(sentInvite).toBe(invitationLink);
      const token = linkIn(unQuote(sink.received[1]!))!.split('/').pop()!;
      expect(await s.auth.tokenEmail(token, 'reset')).toBe('reset.smtp@example.go.th');
    } finally {
      sink.close();
    }
  });

  it('without SMTP (development, the demo): the outbox keeps the link, which works', async () => {
    const s = createServices(t.db, { publicUrl: 'https://itas.example' });
    await s.users.create(SYSTEM_CLI, {
      email: 'reset.outbox@example.go.th',
      displayName: 'ลืมรหัส',
      grant: { role: 'nacc_admin', scope: null },
      password: 'a long enough password',
    });
    await s.auth.requestPasswordReset('reset.outbox@example.go.th');
    const m = (await s.mail.list(SYSTEM_CLI)).find((x) => x.to === 'reset.outbox@example.go.th')!;
    expect(m.status).toBe('stored');
    const token = linkIn(m.text)!.split('/').pop()!;
    expect(await s.auth.tokenEmail(token, 'reset')).toBe('reset.outbox@example.go.th');
  });
});
