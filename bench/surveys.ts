// Benchmark: survey submissions on PostgreSQL with 50 concurrent clients, through the API and
// through the HTML form path of a real server process, against a raw single-row INSERT baseline
// in the same run; then counts stored rows to prove every acknowledged answer was kept.
// Run: npm run bench -- surveys   (DATABASE_URL defaults to the local PostgreSQL 15)
// Options (env): BENCH_SECONDS, BENCH_CLIENTS, BENCH_POOL (server pool per process),
// BENCH_PROCESSES (node cluster workers sharing the port), BENCH_NODE_ARGS (e.g. --cpu-prof),
// BENCH_PHASES (some of baseline,ceiling,api,form,service; all by default).
import { spawn } from 'node:child_process';
import { benchFetch } from './http-client.ts';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { sql } from 'kysely';
import { answerColumns, subItemOf } from '../src/domain/framework/helpers.ts';
import { getFramework } from '../src/domain/framework/registry.ts';
import { openDatabase } from '../src/storage/database.ts';
import { prepareSurveys, UNLIMITED } from './compare-setup.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// The server under test: its pool size and how many processes (node cluster) share its port.
const POOL = Number(process.env.BENCH_POOL ?? 10);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 1);
const PHASES = new Set(
  (process.env.BENCH_PHASES ?? 'baseline,ceiling,api,form,service').split(','),
);
const skipped = (name: string): Run => ({ name, ok: 0, errors: 0, seconds: 1, latencies: [] });

interface Run {
  name: string;
  ok: number;
  errors: number;
  seconds: number;
  latencies: number[];
}

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function report(r: Run): string {
  const s = [...r.latencies].sort((a, b) => a - b);
  return `  ${r.name.padEnd(34)} ${(r.ok / r.seconds).toFixed(0).padStart(6)} /s   p50 ${pct(s, 50).toFixed(1).padStart(6)} ms   p99 ${pct(s, 99).toFixed(1).padStart(6)} ms   ok ${r.ok}   errors ${r.errors}\n`;
}

/** Runs `clients` loops of `once` for `seconds`; each resolved true counts as acknowledged. */
async function drive(
  name: string,
  phase: string,
  once: (client: number) => Promise<boolean>,
): Promise<Run> {
  if (!PHASES.has(phase)) return skipped(`${name} (skipped)`);
  const run: Run = { name, ok: 0, errors: 0, seconds: SECONDS, latencies: [] };
  const end = performance.now() + SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      while (performance.now() < end) {
        const t = performance.now();
        let good: boolean;
        try {
          good = await once(client);
        } catch {
          good = false;
        }
        run.latencies.push(performance.now() - t);
        if (good) run.ok++;
        else run.errors++;
      }
    }),
  );
  run.seconds = (performance.now() - t0) / 1000;
  return run;
}

export async function runSurveysBench(): Promise<void> {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (!url.startsWith('postgres'))
    throw new Error('bench surveys needs PostgreSQL (DATABASE_URL=postgres://…)');
  const name = `itas_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const dbUrl = u.toString();
  const db = await openDatabase({ kind: 'postgres', url: dbUrl }, { poolSize: 10 });
  let server: ReturnType<typeof spawn> | undefined;
  try {
    // Lamphun's agencies, a year open today and their links, as `bench -- compare` prepares them.
    const { codes, services } = await prepareSurveys(db);

    // The server under test: its own process, as in production (with its recompute worker).
    const port = 20000 + Math.floor(Math.random() * 20000);
    let out = '';
    const entry = PROCESSES > 1 ? 'bench/cluster-server.ts' : 'src/main.ts';
    // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server.
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    server = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry], {
      env: {
        ...process.env,
        BENCH_PROCESSES: String(PROCESSES),
        DATABASE_POOL_SIZE: String(POOL),
        DATABASE_URL: dbUrl,
        PORT: String(port),
        DEMO: 'off',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        // Production requires a survey secret; every process of the run shares this one.
        SURVEY_SECRET: randomBytes(32).toString('base64url'),
        // Limits raised so the benchmark measures throughput, not the rate limiter refusing the
        // single test network.
        ...UNLIMITED,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      if (server.exitCode !== null) throw new Error(`server exited: ${out}`);
      if (
        await fetch(`${base}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 240) throw new Error(`server did not start: ${out}`);
      await new Promise((r) => setTimeout(r, 250));
    }

    const fw = getFramework('ita-2563')!;
    // Memoised: the client's own CPU time must not be what is measured.
    const answerSets = new Map<number, Record<string, string>>();
    const eitAnswers = (seed: number) =>
      answerSets.get(seed) ?? answerSets.set(seed, makeAnswers(seed)).get(seed)!;
    const makeAnswers = (seed: number): Record<string, string> =>
      Object.fromEntries(
        answerColumns(fw, 'EIT').map((col, i) => {
          const scale = subItemOf(fw, col)!.item.scale;
          return [
            col,
            scale.endsWith('_good') ? ((seed + i) % 2 ? 'Y' : 'N') : String(((seed + i) % 4) + 1),
          ];
        }),
      );
    const demographics = Object.fromEntries(
      fw.demographics.EIT.map((d) => [d.code, d.options[0]!.value]),
    );
    // The API body after its response id, serialised once per client for the same reason.
    const apiBodies = new Map<number, string>();
    const apiBodyRest = (client: number) =>
      apiBodies.get(client) ??
      apiBodies
        .set(client, JSON.stringify({ answers: eitAnswers(client), demographics }).slice(1))
        .get(client)!;
    const acknowledged = new Set<string>();
    let formAcks = 0;
    process.stdout.write(
      `\nSurvey submissions on PostgreSQL, ${CLIENTS} concurrent clients, ${SECONDS} s each (server: ${PROCESSES} process(es), pool ${POOL} each)\n`,
    );

    // 1. Baseline: one single-row INSERT per statement (autocommit), same clients, same database.
    await admin.end();
    const raw = new pg.Pool({ connectionString: dbUrl, max: CLIENTS });
    await raw.query(
      'create table bench_baseline (id text primary key, answers smallint[] not null)',
    );
    const baseline = await drive('raw single-row INSERT (pg, 50 conns)', 'baseline', async () => {
      await raw.query('insert into bench_baseline (id, answers) values ($1, $2)', [
        randomUUID(),
        [1, 2, 3, 4],
      ]);
      return true;
    });
    process.stdout.write(report(baseline));
    // Closing its connections makes them report their counters now, not during the API phase.
    await raw.end();

    // Transactions per API submission, from the database's own counters (server and its worker).
    const commits = async () =>
      Number(
        (
          await sql<{
            n: number;
          }>`select (xact_commit + xact_rollback)::int as n from pg_stat_database where datname = current_database()`.execute(
            db,
          )
        ).rows[0]!.n,
      );
    // Diagnostic: the HTTP ceiling of this client and server (no database work at all).
    const ceiling = await drive('HTTP ceiling: GET /healthz', 'ceiling', async () => {
      const res = await benchFetch(`${base}/healthz`);
      await res.arrayBuffer();
      return res.ok;
    });
    process.stdout.write(report(ceiling));

    // CPU seconds spent by the server process and by this database's backends (from /proc: same
    // machine). On a shared machine the rates move with the neighbours' load; CPU per answer
    // hardly does, so it is the figure to compare builds with.
    const cpuOf = (pid: number): number => {
      try {
        const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return (Number(f[11]) + Number(f[12])) / 100;
      } catch {
        return 0;
      }
    };
    const backendCpu = async (): Promise<Map<number, number>> => {
      const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`.execute(db);
      return new Map(rows.map((r) => [r.pid, cpuOf(r.pid)]));
    };
    const serverCpuBefore = cpuOf(server.pid!);
    const backendsBefore = await backendCpu();

    // Backends report their counters at most once a second: let earlier ones arrive first.
    await new Promise((r) => setTimeout(r, 1500));
    const commitsBefore = await commits();

    // 2. The API: one POST per response.
    const api = await drive('API POST /api/v1/surveys', 'api', async (client) => {
      const id = randomUUID();
      const res = await benchFetch(`${base}/api/v1/surveys/${codes[client % codes.length]}/eit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"response_id":"${id}",${apiBodyRest(client)}`,
      });
      await res.arrayBuffer();
      if (res.status === 201) acknowledged.add(id);
      return res.status === 201;
    });
    process.stdout.write(report(api));
    if (PHASES.has('api') && PROCESSES === 1) {
      const server_ = cpuOf(server.pid!) - serverCpuBefore;
      let database = 0;
      for (const [pid, after] of await backendCpu())
        database += after - (backendsBefore.get(pid) ?? 0);
      const per = (s: number) => ((s * 1000) / Math.max(1, api.ok)).toFixed(2);
      process.stdout.write(
        `    CPU per API answer: server ${per(server_)} ms + database ${per(database)} ms (load average ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]})\n`,
      );
    }
    // The figure issue 12 holds us to: API rate over the same run's raw INSERT rate.
    if (PHASES.has('baseline') && PHASES.has('api'))
      process.stdout.write(
        `    API / raw INSERT rate: ${(api.ok / api.seconds / (baseline.ok / baseline.seconds)).toFixed(3)}\n`,
      );
    await new Promise((r) => setTimeout(r, 1500)); // pg_stat counters are flushed with a delay
    process.stdout.write(
      `    database transactions per API submission: ${((await commits()) - commitsBefore) / Math.max(1, api.ok + api.errors)}\n`,
    );

    // 3. The HTML form path: about you, three question pages, submit (5 POSTs with cookies).
    const pages = [1, 2, 3].map(
      (n) => fw.indicators.filter((i) => i.tool === 'EIT')[n - 1]!.questions!,
    );
    const formLatencies: number[] = [];
    const form = await drive('HTML form path (5 POSTs each)', 'form', async (client) => {
      const csrf = randomBytes(32).toString('base64url');
      let cookie = `itas_csrf=${csrf}`;
      const code = codes[client % codes.length]!;
      const answers = eitAnswers(client + 1);
      const steps: [string, Record<string, string>][] = [
        ['about', demographics],
        ...pages.map((qs, i): [string, Record<string, string>] => [
          `page-${i + 1}`,
          Object.fromEntries(
            Object.entries(answers).filter(([k]) => qs.includes(k.slice(0, k.indexOf('.')))),
          ),
        ]),
        ['submit', {}],
      ];
      for (const [step, fields] of steps) {
        const t = performance.now();
        const res = await benchFetch(`${base}/go/eit/${code}/${step}`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
          body: new URLSearchParams({ ...fields, _csrf: csrf }).toString(),
        });
        await res.arrayBuffer();
        formLatencies.push(performance.now() - t);
        const draft = res.headers.getSetCookie().find((c) => c.startsWith('itas_survey='));
        if (draft) cookie = `itas_csrf=${csrf}; ${draft.split(';')[0]}`;
        if (res.status !== 303) return false;
        if (step === 'submit' && !res.headers.get('location')?.endsWith('/thanks')) return false;
      }
      formAcks++;
      return true;
    });
    process.stdout.write(report(form));
    process.stdout.write(
      report({ ...form, name: '  (per form POST)', ok: form.ok * 5, latencies: formLatencies }),
    );

    // 4. Diagnostic: the same use case in this process, without HTTP or the recompute worker.
    // prepareSurveys gave these services the UNLIMITED limits; a limit's refusal means they did
    // not get them, and the figures would measure the limiter: stop instead of reporting them.
    let limitRefusals = 0;
    const inProcess = await drive(
      'service only (no HTTP, no worker)',
      'service',
      async (client) => {
        const id = randomUUID();
        const r = await services.surveys.submitApi(
          codes[client % codes.length]!,
          'eit',
          { response_id: id, answers: eitAnswers(client + 2), demographics },
          '192.0.2.1',
        );
        if (r.ok) acknowledged.add(id);
        else if (r.refused === 'rate_limited') limitRefusals++;
        return r.ok;
      },
    );
    if (limitRefusals > 0)
      throw new Error(
        `service only: ${limitRefusals} submissions refused by a survey limit; the in-process services must be given the UNLIMITED limits (prepareSurveys)`,
      );
    process.stdout.write(report(inProcess));

    // 5. Nothing acknowledged was lost.
    const stored = Number(
      (await sql<{ n: number }>`select count(*)::int as n from responses`.execute(db)).rows[0]!.n,
    );
    const ids = [...acknowledged];
    let apiFound = 0;
    for (let i = 0; i < ids.length; i += 5000) {
      const chunk = ids.slice(i, i + 5000);
      apiFound += Number(
        (
          await sql<{
            n: number;
          }>`select count(*)::int as n from responses where response_id = any(${chunk})`.execute(db)
        ).rows[0]!.n,
      );
    }
    process.stdout.write(
      `  stored rows ${stored}; acknowledged ${ids.length} API + ${formAcks} form = ${ids.length + formAcks}; API ids found ${apiFound}; lost ${ids.length + formAcks - stored}\n\n`,
    );
  } finally {
    if (server && server.exitCode === null) {
      const s = server;
      await new Promise<void>((r) => {
        s.once('exit', () => r());
        s.kill('SIGTERM');
      });
    }
    await db.destroy();
    const a = new pg.Client({ connectionString: url });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  }
}
