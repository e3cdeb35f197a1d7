// A client that hangs up mid-body or mid-response (issue 14), or sends a request target no browser
// would: over real HTTP, the server logs no error and no stack trace (debug at most), and keeps
// serving.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import pino from 'pino';
import { createApp } from '../../src/http/app.tsx';
import { createServices } from '../../src/services/container.ts';
import { createTestDb } from '../helpers/db.ts';

const lines: { level: number; msg: string; err?: { stack?: string } }[] = [];
let server: ServerType;
let port: number;
let close: () => Promise<void>;

beforeAll(async () => {
  const t = await createTestDb();
  close = t.close;
  const log = pino(
    { level: 'debug' },
    { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) },
  );
  const app = createApp({ services: createServices(t.db), log });
  await new Promise<void>((ready) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => ready());
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((done) => server?.close(done));
  await close?.();
});

/** Sends `head` and part of a body, then closes the connection without waiting. */
function hangUp(head: string, partial: string, afterMs = 50): Promise<void> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(head + partial);
      setTimeout(() => {
        socket.destroy();
        done();
      }, afterMs);
    });
    socket.on('error', () => undefined);
  });
}

const settle = () => new Promise((r) => setTimeout(r, 300));

describe('client aborts are non-events', () => {
  it('a form body cut short: no error logged, no stack trace, the server answers the next one', async () => {
    const consoleError = vi.spyOn(console, 'error');
    const body = '_csrf=x&email=someone%40test.example&password=';
    for (const path of ['/sign-in', '/forgot-password', '/oit/2563/assign']) {
      await hangUp(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nCookie: itas_csrf=${'a'.repeat(43)}\r\nContent-Length: 100000\r\n\r\n`,
        body,
      );
    }
    // A multipart body cut in the middle of a part.
    await hangUp(
      `POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=B\r\nContent-Length: 5000\r\n\r\n`,
      '--B\r\nContent-Disposition: form-data; name="email"\r\n\r\nabc',
    );
    await settle();
    // Each was seen, and put down as what it is.
    expect(lines.filter((l) => l.msg === 'client went away').length).toBeGreaterThanOrEqual(3);
    const errors = lines.filter((l) => l.level >= 40);
    expect(errors, JSON.stringify(errors)).toEqual([]);
    expect(lines.some((l) => l.err?.stack)).toBe(false);
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
    const r = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(r.status).toBe(200);
  });

  it('a client that leaves before the answer is written: nothing logged as an error', async () => {
    const consoleError = vi.spyOn(console, 'error');
    for (const path of ['/', '/agencies', '/sign-in', '/static/favicon.svg'])
      await hangUp(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`, '', 0);
    await settle();
    expect(lines.filter((l) => l.level >= 40)).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });

  // Found by `npm run bench -- fuzz`: `/\host>…` is read by a URL parser as a host, so no browser
  // sends it, but an attacker's client can. The server must refuse such a target (or not find it),
  // never fail on it, and never send anyone to the host it seems to name.
  it('request targets no browser would send are refused or not found, never a 5xx or a redirect', async () => {
    const raw = (target: string) =>
      new Promise<string>((done) => {
        let answer = '';
        const socket = connect(port, '127.0.0.1', () =>
          socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
        );
        socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
        socket.on('close', () => done(answer));
        socket.on('error', () => done(answer));
      });
    for (const target of [
      '/\\fo>]A]/x?sort=&next=%2F%F0%AF%BE%9D',
      '/\\\\evil.example/x',
      '/\\',
      '//evil.example/x',
      '//',
      '/go/iit/\\evil.example',
    ]) {
      const answer = await raw(target);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
      expect([400, 404], `${target}: ${answer.slice(0, 80)}`).toContain(status);
      expect(answer).not.toMatch(/^location:/im);
    }
    await settle();
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });
});
