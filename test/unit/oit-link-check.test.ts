// The OIT link checker against a local fixture web server (never the internet): findings, limits,
// the SSRF guard in production mode, and the background job storing what it found.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import {
  addressAllowed,
  classifyAddress,
  linkFlags,
  linkProblem,
} from '../../src/domain/oit/link-findings.ts';
import { registerBuiltInJobs, runDueJobs } from '../../src/jobs/worker.ts';
import { createServices } from '../../src/services/container.ts';
import { linkCheckJob } from '../../src/services/job-kinds.ts';
import {
  createLinkCheckService,
  DEFAULT_LINK_CHECK,
  fetchLink,
} from '../../src/services/link-check.service.ts';
import { saveOitVersions } from '../../src/storage/oit.repository.ts';
import { enqueueJobs } from '../../src/storage/job.repository.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

let server: http.Server;
let base: string;
let hits = 0;
const TEST = { ...DEFAULT_LINK_CHECK, allowLoopback: true, timeoutMs: 1500, maxBytes: 10_000 };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits++;
    const path = req.url ?? '/';
    if (path === '/ok') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<html><head><title>โครงสร้างหน่วยงาน &amp; ผู้บริหาร</title></head><body>ok</body></html>',
      );
    } else if (path === '/moved') {
      res.writeHead(301, { location: '/ok' });
      res.end();
    } else if (path === '/to-home') {
      res.writeHead(302, { location: '/' });
      res.end();
    } else if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<title>หน้าแรก</title>');
    } else if (path === '/to-private') {
      res.writeHead(302, { location: 'http://10.0.0.1/secret' });
      res.end();
    } else if (path === '/big') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(Buffer.alloc(50_000, 1));
    } else if (path === '/slow') {
      setTimeout(() => res.end('late'), 5000).unref();
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('address guard', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.5.5.5', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.3.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'private'],
    ['100.64.0.1', 'private'],
    ['0.0.0.0', 'private'],
    ['::', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::a00:1', 'private'],
    ['fe80::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['ff02::1', 'private'],
    ['224.0.0.1', 'private'],
    ['8.8.8.8', 'public'],
    ['164.115.1.1', 'public'],
    ['2606:4700::1111', 'public'],
    ['not-an-ip', 'invalid'],
  ])('%s is %s', (ip, verdict) => {
    expect(classifyAddress(ip)).toBe(verdict);
  });

  it('allows loopback only with the test-only flag, never a private range', () => {
    expect(addressAllowed('127.0.0.1', false)).toBe(false);
    expect(addressAllowed('127.0.0.1', true)).toBe(true);
    expect(addressAllowed('10.0.0.1', true)).toBe(false);
    expect(addressAllowed('169.254.1.1', true)).toBe(false);
  });
});

describe('production mode refuses internal addresses without connecting', () => {
  it.each([
    () => `${base}/ok`,
    () => 'http://10.0.0.1/',
    () => 'http://[::1]/',
    () => `http://[::1]:${new URL(base).port}/ok`,
    () => 'http://169.254.169.254/latest/meta-data/',
    () => 'http://192.168.0.1/',
    () => 'http://[::ffff:127.0.0.1]/',
    () => `http://localhost:${new URL(base).port}/ok`,
  ])('refuses case %#', async (url) => {
    const before = hits;
    const r = await fetchLink(url(), DEFAULT_LINK_CHECK);
    expect(r.blocked).toBe(true);
    expect(r.httpStatus).toBeNull();
    expect(r.error).toMatch(/not allowed/);
    expect(linkFlags(r, null)).toEqual(expect.arrayContaining(['blocked', 'dead']));
    expect(hits).toBe(before);
  });
});

describe('fetching (loopback allowed for the fixture server)', () => {
  it('reads status, type, title, size and hash', async () => {
    const r = await fetchLink(`${base}/ok`, TEST);
    expect(r).toMatchObject({
      httpStatus: 200,
      finalUrl: `${base}/ok`,
      title: 'โครงสร้างหน่วยงาน & ผู้บริหาร',
      error: null,
    });
    expect(r.contentType).toContain('text/html');
    expect(r.sizeBytes).toBeGreaterThan(50);
    expect(r.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(linkFlags(r, base)).toEqual(['not_https']);
  });

  it('follows redirects to the final URL and flags a redirect to the home page', async () => {
    const moved = await fetchLink(`${base}/moved`, TEST);
    expect(moved.finalUrl).toBe(`${base}/ok`);
    expect(moved.httpStatus).toBe(200);
    const home = await fetchLink(`${base}/to-home`, TEST);
    expect(home.finalUrl).toBe(`${base}/`);
    expect(linkFlags(home, base)).toContain('redirect_home');
  });

  it('refuses a redirect into a private network', async () => {
    const r = await fetchLink(`${base}/to-private`, TEST);
    expect(r.blocked).toBe(true);
    expect(r.error).toContain('10.0.0.1');
  });

  it('flags a dead link, caps the size read, and times out', async () => {
    const dead = await fetchLink(`${base}/missing`, TEST);
    expect(dead.httpStatus).toBe(404);
    expect(linkFlags(dead, base)).toContain('dead');
    const big = await fetchLink(`${base}/big`, TEST);
    expect(big.sizeBytes).toBe(10_000);
    const slow = await fetchLink(`${base}/slow`, TEST);
    expect(slow.error).toBe('timeout');
    expect(slow.durationMs).toBeGreaterThanOrEqual(1400);
    expect(slow.durationMs).toBeLessThan(4000);
  });

  it('says in words why a link could not be opened, not the network error code', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const refused = await fetchLink(`http://127.0.0.1:${port}/`, TEST);
    expect(refused.error).toMatch(/ECONNREFUSED/);
    expect(linkProblem(refused)).toBe('refused');
    const unknown = await fetchLink('http://no-such-agency.invalid/', TEST);
    expect(linkProblem(unknown)).toBe('no_such_host');
    const slow = { error: 'timeout', blocked: false };
    expect(linkProblem(slow)).toBe('timeout');
    const ok = await fetchLink(`${base}/ok`, TEST);
    expect(linkProblem(ok)).toBeNull();
  });

  it('flags links off the agency website', () => {
    const r = {
      url: 'https://www.facebook.com/x',
      httpStatus: 200,
      finalUrl: 'https://www.facebook.com/x',
      error: null,
    };
    expect(linkFlags(r, 'https://www.lamphun.go.th')).toEqual(['off_site']);
    const sub = {
      url: 'https://eservice.lamphun.go.th/a',
      httpStatus: 200,
      finalUrl: 'https://eservice.lamphun.go.th/a',
      error: null,
    };
    expect(linkFlags(sub, 'www.lamphun.go.th')).toEqual([]);
  });
});

describe('the link-check job', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t?.close());

  it('checks every URL of the agency and stores the findings', async () => {
    const s = createServices(t.db);
    s.oitLinks = createLinkCheckService({ db: t.db, options: TEST });
    await s.years.create(SYSTEM_CLI, 2563, 'ita-2563');
    await t.db
      .insertInto('agencies')
      .values({
        code: 'L-1',
        name_th: 'เทศบาลตำบลทดสอบ',
        name_en: null,
        type: 'subdistrict_municipality',
        province: 'ลำพูน',
        district: 'เมืองลำพูน',
        parent_code: null,
        website: base,
        staff_count: 5,
      })
      .execute();
    // Another loopback address: off the agency's site, and nothing listens there (dead).
    const offSite = `http://127.0.0.2:${new URL(base).port}/ok`;
    const entry = (item: string, urls: string[]) => ({
      agencyCode: 'L-1',
      item,
      status: 'submitted' as const,
      answer: 'has' as const,
      urls,
      note: null,
      score: null,
      comment: null,
      dispute: null,
    });
    await saveOitVersions(
      t.db,
      2563,
      [
        entry('O1', [`${base}/ok`]),
        entry('O2', [`${base}/gone`, offSite]),
        entry('O3', [`${offSite}?again`]),
      ],
      'agency',
      'test',
    );
    registerBuiltInJobs();
    await enqueueJobs(t.db, [linkCheckJob(2563, 'L-1', 'submission')]);
    expect(await runDueJobs(s, pino({ level: 'silent' }))).toBe(1);
    const sheet = await s.oit.sheet(SYSTEM_CLI, 2563, 'L-1');
    expect(sheet.checks.O1?.[0]).toMatchObject({
      httpStatus: 200,
      flags: ['not_https'],
      reason: 'submission',
    });
    const o2 = Object.fromEntries((sheet.checks.O2 ?? []).map((c) => [c.url, c]));
    expect(o2[`${base}/gone`]?.flags).toEqual(['dead', 'not_https']);
    expect(o2[offSite]?.flags).toEqual(expect.arrayContaining(['dead', 'off_site']));
    // The unreachable host is not asked again for its other URL in the same run.
    expect(sheet.checks.O3?.[0]).toMatchObject({ durationMs: 0, error: o2[offSite]?.error });
  });
});
