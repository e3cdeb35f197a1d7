// Behind a TLS proxy (issue 19.4). First, the app's side with app.request(): behind the one
// trusted proxy (TRUST_PROXY) the client address is the last X-Forwarded-For entry — never one a
// client wrote — and X-Forwarded-Proto: https makes cookies Secure; without it both headers are
// ignored. Then the real thing: Debian's nginx started with docs/deploy/nginx.conf (ports, paths
// and app address substituted) in front of `src/main.ts`, a certificate made here with openssl;
// a person signs in over HTTPS and gets Secure cookies, plain HTTP is redirected to HTTPS, the
// survey limit counts the real client's network (a spoofed X-Forwarded-For changes nothing), and
// nginx writes no log line for a survey request. Skipped, saying so, without nginx or openssl.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import http from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSurveyLimits } from '../../src/config-survey.ts';
import { createApp } from '../../src/http/app.tsx';
import { createServices, type Services } from '../../src/services/container.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { migrateToLatest } from '../../src/storage/migrate.ts';
import { ensureReferenceData } from '../../src/storage/reference.repository.ts';
import { freePort, startAppProcess, type AppProcess } from '../helpers/app-process.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { createAccount, TEST_PASSWORD } from '../helpers/sessions.ts';
import {
  demographicsFor,
  fullAnswers,
  linkCode,
  openSurveyYear,
} from '../helpers/survey-fixture.ts';

/** Survey answers one network may send per window, in both parts of this file. */
const NETWORK_MAX = 3;
const surveyLimits = { ...defaultSurveyLimits(), networkMax: NETWORK_MAX };

const answer = () =>
  JSON.stringify({
    response_id: randomUUID(),
    answers: fullAnswers('EIT'),
    demographics: demographicsFor('EIT'),
  });

describe('the app behind one trusted proxy (app.request)', () => {
  let t: TestDb;
  let services: Services;
  let code: string;
  const appWith = (trustProxy: boolean) =>
    createApp({
      services: createServices(t.db, { trustProxy, surveyLimits }),
      log: pino({ level: 'silent' }),
    });

  beforeAll(async () => {
    t = await createTestDb();
    services = createServices(t.db);
    await openSurveyYear(services);
    code = await linkCode(services, '51-PRV');
  });
  afterAll(() => t?.close());

  it('makes cookies Secure on X-Forwarded-Proto: https only when it trusts the proxy', async () => {
    const headers = { 'x-forwarded-proto': 'https' };
    const trusted = await appWith(true).request('/sign-in', { headers });
    expect(trusted.headers.get('set-cookie')).toMatch(/itas_csrf=[^;]+;.*Secure/);
    const plain = await appWith(true).request('/sign-in');
    expect(plain.headers.get('set-cookie')).not.toMatch(/Secure/);
    const untrusted = await appWith(false).request('/sign-in', { headers });
    expect(untrusted.headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('counts the network the proxy saw (the last X-Forwarded-For entry), not one a client wrote', async () => {
    const app = appWith(true);
    const post = async (xff: string) =>
      (
        await app.request(`/api/v1/surveys/${code}/eit`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': xff },
          body: answer(),
        })
      ).status;
    // The client writes a different first entry each time; the proxy's entry stays the same.
    for (let i = 0; i < NETWORK_MAX; i++) expect(await post(`198.51.${i}.7, 192.0.2.10`)).toBe(201);
    expect(await post('203.0.113.99, 192.0.2.10')).toBe(429);
    expect(await post('192.0.2.10')).toBe(429);
    // Another client (another network as the proxy saw it), whatever it claims to be.
    expect(await post('192.0.2.10, 192.0.3.10')).toBe(201);
  });
});

// ---- nginx in front of the real server -------------------------------------------------------

const nginxBin = ['/usr/sbin/nginx', '/usr/bin/nginx'].find(
  (p) => spawnSync(p, ['-v']).status === 0,
);
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
const why = !nginxBin
  ? 'needs nginx (Debian: apt-get install nginx; .ci/run installs it)'
  : !hasOpenssl
    ? 'needs openssl to make the test certificate'
    : '';
if (why) console.warn(`TLS proxy test skipped: ${why}`);

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe.skipIf(!!why)(
  `nginx terminating TLS in front of the app${why ? ` — skipped: ${why}` : ''}`,
  () => {
    let dir: string;
    let t: TestDb | undefined;
    let app: AppProcess;
    let nginx: ChildProcess;
    let nginxOut = '';
    let httpPort: number;
    let httpsPort: number;
    let ca: Buffer;
    let code: string;
    const email = 'admin@proxy.example';

    /** One HTTPS request through nginx, from a chosen local address, checking the certificate. */
    function viaTls(
      path: string,
      opts: {
        method?: string;
        headers?: Record<string, string>;
        body?: string;
        from?: string;
      } = {},
    ): Promise<Reply> {
      return new Promise((resolve, reject) => {
        const req = https.request(
          {
            host: '127.0.0.1',
            port: httpsPort,
            path,
            method: opts.method ?? 'GET',
            ca,
            servername: 'localhost',
            localAddress: opts.from ?? '127.0.0.1',
            headers: { host: `localhost:${httpsPort}`, ...opts.headers },
            agent: false,
          },
          (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (d: string) => (body += d));
            res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
          },
        );
        req.on('error', reject);
        req.end(opts.body);
      });
    }

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'itas-tls-'));
      const cert = join(dir, 'cert.pem');
      const key = join(dir, 'key.pem');
      const made = spawnSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-keyout',
          key,
          '-out',
          cert,
          '-days',
          '2',
          '-subj',
          '/CN=localhost',
          '-addext',
          'subjectAltName=DNS:localhost,IP:127.0.0.1',
        ],
        { encoding: 'utf8' },
      );
      if (made.status !== 0) throw new Error(`openssl: ${made.stderr}`);
      ca = readFileSync(cert);

      // The database: the PostgreSQL one of this run, or an embedded one in a folder.
      let databaseUrl: string;
      const setUp = async (services: Services) => {
        await openSurveyYear(services);
        code = await linkCode(services, '51-PRV');
        await createAccount(services, email, [{ role: 'nacc_admin', scope: null }]);
      };
      if (process.env.DATABASE_URL?.startsWith('postgres')) {
        t = await createTestDb();
        await setUp(createServices(t.db));
        databaseUrl = t.url!;
      } else {
        const data = join(dir, 'data');
        const db = await openDatabase({ kind: 'pglite', dataDir: data });
        await migrateToLatest(db);
        await ensureReferenceData(db);
        await setUp(createServices(db));
        await db.destroy(); // the server is the folder's one owner from here on
        databaseUrl = `file:${data}`;
      }

      [httpPort, httpsPort] = [await freePort(), await freePort()];
      app = await startAppProcess({
        DATABASE_URL: databaseUrl,
        HOST: '127.0.0.1',
        PUBLIC_URL: `https://localhost:${httpsPort}`,
        TRUST_PROXY: 'on',
        SURVEY_SECRET: 'tls-proxy-test-survey-secret-0123456789abcdef',
        SURVEY_RATE_NETWORK_MAX: String(NETWORK_MAX),
      });

      // docs/deploy/nginx.conf as shipped, with this machine's ports, paths and app address.
      let site = readFileSync('docs/deploy/nginx.conf', 'utf8');
      const substitutions: [string, string][] = [
        ['server 127.0.0.1:3000;', `server 127.0.0.1:${app.port};`],
        ['listen 80;', `listen 127.0.0.1:${httpPort};`],
        ['listen 443 ssl;', `listen 127.0.0.1:${httpsPort} ssl;`],
        ['/etc/ssl/open-itas/fullchain.pem', cert],
        ['/etc/ssl/open-itas/privkey.pem', key],
        ['server_name itas.example.go.th;', 'server_name localhost;'],
      ];
      for (const [from, to] of substitutions) {
        if (!site.includes(from)) throw new Error(`docs/deploy/nginx.conf no longer has "${from}"`);
        site = site.split(from).join(to);
      }
      writeFileSync(join(dir, 'open-itas.conf'), site);
      for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, d));
      writeFileSync(
        join(dir, 'nginx.conf'),
        [
          // As root, nginx's workers would otherwise switch to a user who cannot read this folder.
          process.getuid?.() === 0 ? 'user root;' : '',
          'worker_processes 1;',
          `pid ${dir}/nginx.pid;`,
          `error_log ${dir}/error.log warn;`,
          'events { worker_connections 256; }',
          'http {',
          `  access_log ${dir}/access.log;`,
          `  client_body_temp_path ${dir}/body;`,
          `  proxy_temp_path ${dir}/proxy;`,
          `  fastcgi_temp_path ${dir}/fastcgi;`,
          `  uwsgi_temp_path ${dir}/uwsgi;`,
          `  scgi_temp_path ${dir}/scgi;`,
          `  include ${dir}/open-itas.conf;`,
          '}',
          '',
        ].join('\n'),
      );
      nginx = spawn(
        nginxBin!,
        [
          '-e',
          join(dir, 'error.log'),
          '-p',
          `${dir}/`,
          '-c',
          join(dir, 'nginx.conf'),
          '-g',
          'daemon off;',
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      nginx.stdout!.on('data', (d: Buffer) => (nginxOut += d.toString()));
      nginx.stderr!.on('data', (d: Buffer) => (nginxOut += d.toString()));
      const until = Date.now() + 20_000;
      for (;;) {
        if (nginx.exitCode !== null) throw new Error(`nginx exited: ${nginxOut}`);
        const open = await new Promise<boolean>((resolve) => {
          const s = connect(httpsPort, '127.0.0.1', () => (s.end(), resolve(true)));
          s.on('error', () => resolve(false));
        });
        if (open) break;
        if (Date.now() > until) throw new Error(`nginx did not listen: ${nginxOut}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }, 240_000);

    afterAll(async () => {
      if (nginx && nginx.exitCode === null) {
        await new Promise<void>((resolve) => {
          nginx.once('exit', () => resolve());
          nginx.kill('SIGQUIT');
          setTimeout(() => nginx.kill('SIGKILL'), 5000).unref();
        });
      }
      await app?.stop();
      await t?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('redirects plain HTTP to HTTPS, keeping the path and query', async () => {
      const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
        http
          .get(
            {
              host: '127.0.0.1',
              port: httpPort,
              path: '/sign-in?next=/account',
              headers: { host: 'localhost' },
            },
            resolve,
          )
          .on('error', reject),
      );
      res.resume();
      expect(res.statusCode).toBe(308);
      expect(res.headers.location).toBe('https://localhost/sign-in?next=/account');
    });

    it('signs a person in over HTTPS with Secure, HttpOnly cookies, and keeps them signed in', async () => {
      const page = await viaTls('/sign-in');
      expect(page.status).toBe(200);
      expect(page.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      const csrfCookie = page.headers['set-cookie']!.find((c) => c.startsWith('itas_csrf='))!;
      expect(csrfCookie).toMatch(/; Secure/);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
      const signIn = await viaTls('/sign-in', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: csrfCookie.split(';')[0]!,
        },
        body: new URLSearchParams({
          email,
          password: TEST_PASSWORD,
          _csrf: csrf,
          next: '/account',
        }).toString(),
      });
      expect(signIn.status, signIn.body.slice(0, 500)).toBe(303);
      expect(signIn.headers.location).toBe('/account');
      const session = signIn.headers['set-cookie']!.find((c) => c.startsWith('itas_session='))!;
      expect(session).toMatch(/; HttpOnly/);
      expect(session).toMatch(/; Secure/);
      const account = await viaTls('/account', { headers: { cookie: session.split(';')[0]! } });
      expect(account.status).toBe(200);
      expect(account.body).toContain(email);
    });

    it('counts the real client network: a spoofed X-Forwarded-For changes nothing', async () => {
      const submit = async (from: string, headers: Record<string, string> = {}) =>
        (
          await viaTls(`/api/v1/surveys/${code}/eit`, {
            method: 'POST',
            from,
            headers: { 'content-type': 'application/json', ...headers },
            body: answer(),
          })
        ).status;
      // 127.0.0.1 and 127.0.1.1 are two loopback networks (/24) of this machine.
      for (let i = 0; i < NETWORK_MAX; i++) expect(await submit('127.0.0.1')).toBe(201);
      expect(await submit('127.0.0.1')).toBe(429);
      expect(await submit('127.0.0.1', { 'x-forwarded-for': '198.51.100.9' })).toBe(429);
      // Another client, on another network: the app sees it as such, not as the proxy.
      expect(await submit('127.0.1.1')).toBe(201);
    });

    it('leaves no nginx log line for a survey request, and logs staff pages as usual', async () => {
      await viaTls(`/go/eit/${code}`);
      await new Promise((r) => setTimeout(r, 200));
      const log = readFileSync(join(dir, 'access.log'), 'utf8');
      expect(log).toMatch(/GET \/sign-in /);
      expect(log).not.toMatch(/\/api\/v1\/surveys|\/go\//);
      expect(log).not.toContain(code);
    });
  },
);
