// Benchmark: the figures of issue 17 side by side, in interleaved rounds (A B C D A B C D …),
// each ratio taken within a round and the median of the rounds printed.
//
// HTTP, against ONE server process run as production runs it (`node bin/start.js`: compiled
// dist/, NODE_ENV=production, the default log level; survey rate limits raised so the limiter is
// not what is measured), BENCH_CLIENTS (50) clients, BENCH_SECONDS (10) per phase:
//   ceiling    GET /healthz
//   api        POST /api/v1/surveys/{code}/iit, one whole IIT response each (answers/s, p99)
//   form_nojs  the IIT walk without JavaScript (bench/walks/form-nojs.ts), respondents/s
//   form_js    the walk with JavaScript (bench/walks/form-js.ts), or n/a when not offered
// then every acknowledged answer counted in the database (0 lost).
//
// National, through the compiled CLI on the same database (the server stopped):
//   import     `itas import responses` of a generated file of BENCH_IMPORT_ROWS (200,000) rows
//              over the 8,303 agencies of a national year
//   copy       COPY of the same file into a text table, then its conversion into a table with
//              the columns, indexes and constraints of `responses` (one transaction)
//   compute    `itas compute --year 2563`
//   scan       one SQL statement that reads every response of the year once
//   tally      one SQL statement that tallies every answer of the year (what any recount must
//              do: the values inside each response, which the scan does not read), and with the
//              start-up of `itas` it shows the floor under compute/scan
// and `itas --help` against `node -e ''` (median of BENCH_HELP_RUNS, 7).
//
// Database: a throwaway embedded one (PGlite in a temporary folder) by default; with
// DATABASE_URL=postgres://… a throwaway database created beside it and dropped afterwards.
// BENCH_KEEP=1 keeps the database and the generated file. BENCH_ROUNDS (3) rounds; BENCH_PHASES
// limits the phases (ceiling,api,form_nojs,form_js,import,copy,compute,scan,tally,help).
// Run: npm run bench -- compare
//
// Beside the ratios of issue 17 it prints two lines of bounds: the same HTTP ratios from the
// server process's CPU alone (the clients share its two cores, and PostgreSQL's own processes are
// not counted), and the floor under compute/scan (an `itas` start with the database opened, and a
// plain SQL tally, each against the scan).
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import pg from 'pg';
import { SYSTEM_CLI } from '../src/domain/actor.ts';
import { answerColumns, subItemOf } from '../src/domain/framework/helpers.ts';
import { getFramework } from '../src/domain/framework/registry.ts';
import {
  generateResponseRows,
  responsesHeader,
  seedOf,
  seededRandom,
} from '../src/demo/answer-generator.ts';
import { createServices } from '../src/services/container.ts';
import { migrateToLatest } from '../src/storage/migrate.ts';
import { ensureReferenceData } from '../src/storage/reference.repository.ts';
import { AGENCY_HEADER, nationalAgencyRows } from './agencies.ts';
import { Browser } from './browser.ts';
import { benchFetch } from './http-client.ts';
import {
  SURVEY_YEAR,
  createBenchDatabase,
  prepareSurveys,
  startServer,
  type BenchDatabase,
  type RunningServer,
} from './compare-setup.ts';
import { copyFrom } from '../src/storage/pg-copy.ts';
import { walk as walkNoJs } from './walks/form-nojs.ts';
import { walk as walkJs } from './walks/form-js.ts';
import { WalkNotAvailable, type WalkSurvey } from './walks/types.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 200_000);
const HELP_RUNS = Number(process.env.BENCH_HELP_RUNS ?? 7);
const PHASES = new Set(
  (
    process.env.BENCH_PHASES ?? 'ceiling,api,form_nojs,form_js,import,copy,compute,scan,tally,help'
  ).split(','),
);
const NATIONAL_YEAR = 2563;
const CLI_SECRET = randomBytes(32).toString('base64url');
const framework = getFramework('ita-2563')!;

interface Run {
  ok: number;
  errors: number;
  seconds: number;
  latencies: number[];
  /** Server CPU seconds during the phase. */
  cpu: number;
  /** This process's (the clients') CPU seconds during the phase: it runs on the same cores. */
  clientCpu: number;
}

const median = (xs: number[]): number => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const out = (s: string) => process.stdout.write(s);

function cpuOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

/** CLIENTS loops of `once` for SECONDS; each resolved true counts as done. */
async function drive(
  pid: number | undefined,
  once: (client: number) => Promise<boolean>,
): Promise<Run> {
  const run: Run = { ok: 0, errors: 0, seconds: SECONDS, latencies: [], cpu: 0, clientCpu: 0 };
  const cpu0 = cpuOf(pid);
  const client0 = process.cpuUsage();
  const t0 = performance.now();
  const end = t0 + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      while (performance.now() < end) {
        const t = performance.now();
        let good: boolean;
        try {
          good = await once(client);
        } catch (e) {
          if (e instanceof WalkNotAvailable) throw e;
          good = false;
        }
        run.latencies.push(performance.now() - t);
        if (good) run.ok++;
        else run.errors++;
      }
    }),
  );
  run.seconds = (performance.now() - t0) / 1000;
  run.cpu = cpuOf(pid) - cpu0;
  const client = process.cpuUsage(client0);
  run.clientCpu = (client.user + client.system) / 1e6;
  return run;
}

function line(name: string, r: Run, unit: string): string {
  const s = [...r.latencies].sort((a, b) => a - b);
  const rate = r.ok / r.seconds;
  const cpu = r.ok
    ? ` cpu ${((r.cpu * 1000) / r.ok).toFixed(2)} ms/${unit} (client ${((r.clientCpu * 1000) / r.ok).toFixed(2)})`
    : '';
  return `  ${name.padEnd(10)} ${rate.toFixed(1).padStart(8)} ${unit}/s  p50 ${pct(s, 50).toFixed(1).padStart(7)} ms  p99 ${pct(s, 99).toFixed(1).padStart(7)} ms  ok ${r.ok}  errors ${r.errors}${cpu}\n`;
}

const rate = (r: Run | undefined) => (r && r.ok ? r.ok / r.seconds : NaN);
/** The server process's CPU seconds per answer, walk or request of a phase. */
const cpuEach = (r: Run | undefined) => (r && r.ok ? r.cpu / r.ok : NaN);
const fmt = (x: number, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

// ---------------------------------------------------------------------------------------------
// HTTP

interface HttpFigures {
  ceiling: number[];
  api: number[];
  apiP99: number[];
  nojs: number[];
  js: number[];
  /** Per-round ratios. */
  jsApi: number[];
  nojsApi: number[];
  apiCeiling: number[];
  /** The same per round from the server process's CPU per answer, walk or request alone. */
  cpuJsApi: number[];
  cpuNojsApi: number[];
  cpuApiCeiling: number[];
  lost: number;
  jsAvailable: boolean;
}

async function httpRounds(bdb: BenchDatabase): Promise<HttpFigures> {
  const db = await bdb.open();
  const { codes } = await prepareSurveys(db);
  await db.destroy();
  const server: RunningServer = await startServer(bdb.url);
  const pid = server.process.pid;
  const base = server.base;
  const f: HttpFigures = {
    ceiling: [],
    api: [],
    apiP99: [],
    nojs: [],
    js: [],
    jsApi: [],
    nojsApi: [],
    apiCeiling: [],
    cpuJsApi: [],
    cpuNojsApi: [],
    cpuApiCeiling: [],
    lost: 0,
    jsAvailable: PHASES.has('form_js'),
  };
  const acknowledged: string[] = [];
  let walksDone = 0;
  try {
    out(
      `\nHTTP: one server process (node bin/start.js, NODE_ENV=production, default log level, ${bdb.kind}), ${CLIENTS} clients, ${SECONDS} s per phase, ${ROUNDS} rounds\n`,
    );
    // The API body after its response id, made once per client (the client's CPU is not the
    // figure): every IIT item answered, demographics given.
    const iitCols = answerColumns(framework, 'IIT');
    const demographics = Object.fromEntries(
      framework.demographics.IIT.map((d) => [d.code, d.options[0]!.value]),
    );
    const bodies = new Map<number, string>();
    const bodyRest = (client: number) => {
      let b = bodies.get(client);
      if (b === undefined) {
        const answers = Object.fromEntries(
          iitCols.map((col, i) => {
            const scale = subItemOf(framework, col)!.item.scale;
            return [
              col,
              scale.endsWith('_good')
                ? (client + i) % 2
                  ? 'Y'
                  : 'N'
                : String(((client + i) % 4) + 1),
            ];
          }),
        );
        b = JSON.stringify({ answers, demographics }).slice(1);
        bodies.set(client, b);
      }
      return b;
    };
    const survey = (client: number, n: number): WalkSurvey => ({
      tool: 'iit',
      code: codes[client % codes.length]!,
      seed: client * 100003 + n,
    });
    // Is the one-document path there? One walk tells.
    if (f.jsAvailable) {
      try {
        await walkJs(new Browser(base), base, survey(0, 0));
        walksDone++;
      } catch (e) {
        if (!(e instanceof WalkNotAvailable)) throw e;
        f.jsAvailable = false;
        out('  form_js: not available on this server\n');
      }
    }
    let n = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      out(` round ${round} (load average ${loadavg()})\n`);
      let ceiling: Run | undefined;
      let api: Run | undefined;
      let nojs: Run | undefined;
      let js: Run | undefined;
      if (PHASES.has('ceiling')) {
        ceiling = await drive(pid, async () => {
          const res = await benchFetch(`${base}/healthz`);
          await res.arrayBuffer();
          return res.ok;
        });
        out(line('ceiling', ceiling, 'req'));
      }
      if (PHASES.has('api')) {
        api = await drive(pid, async (client) => {
          const id = randomUUID();
          const res = await benchFetch(
            `${base}/api/v1/surveys/${codes[client % codes.length]}/iit`,
            {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: `{"response_id":"${id}",${bodyRest(client)}`,
            },
          );
          await res.arrayBuffer();
          if (res.status === 201) acknowledged.push(id);
          return res.status === 201;
        });
        out(line('api', api, 'answer'));
      }
      if (PHASES.has('form_nojs')) {
        // A new browser per respondent: its own cookies, its first load of the pages.
        nojs = await drive(pid, async (client) => {
          await walkNoJs(new Browser(base), base, survey(client, ++n));
          walksDone++;
          return true;
        });
        out(line('form_nojs', nojs, 'resp'));
      }
      if (f.jsAvailable) {
        js = await drive(pid, async (client) => {
          await walkJs(new Browser(base), base, survey(client, ++n));
          walksDone++;
          return true;
        });
        out(line('form_js', js, 'resp'));
      }
      f.ceiling.push(rate(ceiling));
      f.api.push(rate(api));
      f.apiP99.push(
        api
          ? pct(
              [...api.latencies].sort((a, b) => a - b),
              99,
            )
          : NaN,
      );
      f.nojs.push(rate(nojs));
      f.js.push(rate(js));
      f.jsApi.push(rate(js) / rate(api));
      f.nojsApi.push(rate(nojs) / rate(api));
      f.apiCeiling.push(rate(api) / rate(ceiling));
      // Had the server process's CPU been the only limit: what one answer costs it, over what
      // one walk (or one ceiling request) does.
      f.cpuJsApi.push(cpuEach(api) / cpuEach(js));
      f.cpuNojsApi.push(cpuEach(api) / cpuEach(nojs));
      f.cpuApiCeiling.push(cpuEach(ceiling) / cpuEach(api));
    }
    out(`  server log at the default level: ${(server.logBytes() / 1048576).toFixed(1)} MB\n`);
  } finally {
    await server.stop();
  }
  // Every acknowledged answer is stored (the server has stopped: everything it acknowledged
  // had committed).
  const check = await bdb.open();
  try {
    const stored = Number(
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from responses where fiscal_year = ${SURVEY_YEAR}`.execute(
          check,
        )
      ).rows[0]!.n,
    );
    let apiFound = 0;
    for (let i = 0; i < acknowledged.length; i += 5000)
      apiFound += Number(
        (
          await sql<{ n: number }>`select count(*)::int as n from responses
            where response_id = any(${acknowledged.slice(i, i + 5000)}::text[])`.execute(check)
        ).rows[0]!.n,
      );
    f.lost = acknowledged.length - apiFound + Math.max(0, acknowledged.length + walksDone - stored);
    out(
      `  stored ${stored}; acknowledged ${acknowledged.length} API + ${walksDone} walks = ${acknowledged.length + walksDone}; API ids found ${apiFound}; lost ${f.lost}\n`,
    );
  } finally {
    await check.destroy();
  }
  return f;
}

// ---------------------------------------------------------------------------------------------
// National: import vs COPY, compute vs scan

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const w = createWriteStream(file);
  let buf = '';
  for (const l of lines) {
    buf += l + '\n';
    if (buf.length > 1 << 20) {
      if (!w.write(buf)) await once(w, 'drain');
      buf = '';
    }
  }
  w.end(buf);
  await finished(w);
}

/** A responses.csv of `rows` rows over the national agencies (both tools' columns). */
async function generateResponses(file: string, codes: string[], rows: number): Promise<number> {
  const rnd = seededRandom(2563);
  const per = rows / codes.length;
  let written = 0;
  await writeLines(
    file,
    (function* () {
      yield responsesHeader(framework).join(',');
      for (let i = 0; i < codes.length; i++) {
        const total = Math.round(per * (i + 1)) - Math.round(per * i);
        const iit = Math.round(total / 3);
        for (const r of generateResponseRows(framework, {
          agencyCode: codes[i]!,
          target: 50 + rnd() * 48,
          iit,
          eit: total - iit,
          day: '2020-05-15',
          seed: seedOf(codes[i]!),
        })) {
          written++;
          yield r.join(',');
        }
      }
    })(),
  );
  return written;
}

const q = (c: string) => `"${c.replaceAll('"', '""')}"`;

/** The COPY baseline's statements: a text table like the file, its conversion into `target`. */
function copyStatements(target: string) {
  const header = responsesHeader(framework);
  const staging = 'bench_copy_staging';
  const cell = (c: string) =>
    `case ${q(c)} when '' then null when 'Y' then 1 when 'N' then 2 else ${q(c)}::smallint end`;
  const arr = (tool: 'IIT' | 'EIT') =>
    `array[${answerColumns(framework, tool).map(cell).join(',')}]`;
  return {
    staging,
    create: `create temporary table ${staging} (${header.map((c) => `${q(c)} text`).join(', ')}) on commit drop`,
    convert: `insert into ${target} (response_id, fiscal_year, agency_code, tool, answers, gender,
        age_band, education, contact_type, submitted_on)
      select lower(response_id), ${NATIONAL_YEAR}, agency_code, tool,
        (case tool when 'IIT' then ${arr('IIT')} else ${arr('EIT')} end)::smallint[],
        nullif(gender, ''), nullif(age_band, ''), nullif(education, ''), nullif(contact_type, ''),
        nullif(submitted_on, '')::date
      from ${staging}`,
  };
}

/** A table with the columns, indexes, checks and foreign keys of `responses`. */
const TARGET = 'bench_copy_target';
const targetDdl = [
  `drop table if exists ${TARGET}`,
  `create table ${TARGET} (like responses including all)`,
  `alter table ${TARGET} add foreign key (fiscal_year) references assessment_years (fiscal_year)`,
  `alter table ${TARGET} add foreign key (agency_code) references agencies (code)`,
];

const RESET = [
  `truncate responses, pending_counts, answer_counts, respondent_counts, score_cards, recompute_marks`,
  `truncate ${TARGET}`,
];

/** Raw SQL on the bench database from this process (PGlite: opened only while nothing else has it). */
interface Raw {
  exec(sqlText: string): Promise<void>;
  /** COPY of `file` into `table` as CSV with a header, in the current transaction. */
  copy(table: string, file: string): Promise<void>;
  close(): Promise<void>;
}

async function openRaw(bdb: BenchDatabase): Promise<Raw> {
  if (bdb.kind === 'postgres') {
    const c = new pg.Client({ connectionString: bdb.url });
    await c.connect();
    return {
      exec: async (s) => void (await c.query(s)),
      copy: async (table, file) => {
        const { createReadStream } = await import('node:fs');
        await copyFrom(
          c,
          `copy ${table} from stdin with (format csv, header true)`,
          createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>,
        );
      },
      close: () => c.end(),
    };
  }
  const p = await PGlite.create(join(bdb.dir, 'data'));
  return {
    exec: async (s) => void (await p.exec(s)),
    copy: async (table, file) => {
      await p.query(`copy ${table} from '/dev/blob' with (format csv, header true)`, [], {
        blob: new Blob([readFileSync(file)]),
      });
    },
    close: () => p.close(),
  };
}

/** Runs the compiled `itas`; its wall time in seconds, and the seconds it reports itself. */
async function cli(args: string[], dbUrl: string): Promise<number> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: dbUrl,
    NODE_ENV: 'production',
    SURVEY_SECRET: CLI_SECRET,
  };
  delete env.LOG_LEVEL;
  const t0 = performance.now();
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      // BENCH_CLI_NODE_ARGS: e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where a step goes.
      [
        ...(process.env.BENCH_CLI_NODE_ARGS ?? '').split(' ').filter(Boolean),
        'bin/itas.js',
        ...args,
      ],
      { env, maxBuffer: 64 << 20 },
      (err, stdout, stderr) =>
        err
          ? reject(new Error(`itas ${args.join(' ')}: ${err.message}\n${stderr}`))
          : resolve(stdout),
    ),
  );
  const wall = (performance.now() - t0) / 1000;
  // `itas compute` says how long its work took: the rest is start-up and opening the database.
  const own = /in (\d+(?:\.\d+)?) s\./.exec(stdout);
  lastCliOwn = own ? Number(own[1]) : NaN;
  return wall;
}
let lastCliOwn = NaN;

interface NationalFigures {
  importCopy: number[];
  computeScan: number[];
  /** The floor under compute/scan, per round: an `itas` start alone, a plain SQL tally alone. */
  startupScan: number[];
  tallyScan: number[];
}

async function nationalRounds(bdb: BenchDatabase): Promise<NationalFigures> {
  const f: NationalFigures = { importCopy: [], computeScan: [], startupScan: [], tallyScan: [] };
  const want = ['import', 'copy', 'compute', 'scan', 'tally'].some((p) => PHASES.has(p));
  if (!want) return f;
  const agencies = nationalAgencyRows();
  const file = join(bdb.dir, 'responses.csv');
  {
    const db = await bdb.open();
    try {
      await migrateToLatest(db);
      await ensureReferenceData(db);
      const s = createServices(db);
      await s.agencies.importAgencies(
        SYSTEM_CLI,
        'agencies.csv',
        [AGENCY_HEADER.join(','), ...agencies.map((r) => r.join(','))].join('\n') + '\n',
      );
      if (!(await s.years.find(NATIONAL_YEAR)))
        await s.years.create(SYSTEM_CLI, NATIONAL_YEAR, 'ita-2563');
    } finally {
      await db.destroy();
    }
  }
  const t0 = performance.now();
  const written = await generateResponses(
    file,
    agencies.map((a) => a[0]!),
    IMPORT_ROWS,
  );
  out(
    `\nNational (${bdb.kind}): ${agencies.length} agencies, ${written} responses, ${(statSync(file).size / 1048576).toFixed(0)} MB file (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s), ${ROUNDS} rounds\n`,
  );
  const stmts = copyStatements(TARGET);
  {
    const raw = await openRaw(bdb);
    for (const s of targetDdl) await raw.exec(s);
    await raw.close();
  }
  // What every `itas` command pays before its work: start, open the database, check it.
  const cliOpen = await cli(['calendar', 'show', '--year', String(NATIONAL_YEAR)], bdb.url);
  out(`  itas start-up with the database opened (calendar show): ${cliOpen.toFixed(2)} s\n`);
  for (let round = 1; round <= ROUNDS; round++) {
    out(` round ${round} (load average ${loadavg()})\n`);
    {
      const raw = await openRaw(bdb);
      for (const s of RESET) await raw.exec(s);
      if (bdb.kind === 'postgres') await raw.exec('vacuum analyze responses');
      await raw.close();
    }
    let imp = NaN;
    let copy = NaN;
    let compute = NaN;
    let scan = NaN;
    let tally = NaN;
    if (PHASES.has('import')) {
      imp = await cli(['import', 'responses', '--year', String(NATIONAL_YEAR), file], bdb.url);
      out(
        `  import     ${imp.toFixed(2).padStart(8)} s  (itas import responses, ${written} rows)\n`,
      );
    }
    if (PHASES.has('copy')) {
      const raw = await openRaw(bdb);
      try {
        const t = performance.now();
        await raw.exec('begin');
        await raw.exec(stmts.create);
        await raw.copy(stmts.staging, file);
        const copied = performance.now();
        await raw.exec(stmts.convert);
        await raw.exec('commit');
        copy = (performance.now() - t) / 1000;
        out(
          `  copy       ${copy.toFixed(2).padStart(8)} s  (COPY ${((copied - t) / 1000).toFixed(2)} s + conversion into an equally indexed table ${((performance.now() - copied) / 1000).toFixed(2)} s)\n`,
        );
      } finally {
        await raw.close();
      }
    }
    if (PHASES.has('compute')) {
      compute = await cli(['compute', '--year', String(NATIONAL_YEAR)], bdb.url);
      out(
        `  compute    ${compute.toFixed(2).padStart(8)} s  (itas compute --year ${NATIONAL_YEAR}; its own figure ${fmt(lastCliOwn, 1)} s)\n`,
      );
    }
    if (PHASES.has('scan')) {
      const raw = await openRaw(bdb);
      try {
        const t = performance.now();
        await raw.exec(
          `select tool, count(*), sum(cardinality(answers)) from responses where fiscal_year = ${NATIONAL_YEAR} group by tool`,
        );
        scan = (performance.now() - t) / 1000;
        out(
          `  scan       ${scan.toFixed(2).padStart(8)} s  (one SQL pass over the year's responses)\n`,
        );
      } finally {
        await raw.close();
      }
    }
    if (PHASES.has('tally')) {
      // The answers counted per agency, tool, item and value, as the recount stores them, but
      // neither stored nor sent: the least any recount from `responses` does in SQL.
      const raw = await openRaw(bdb);
      try {
        const t = performance.now();
        await raw.exec(
          `select count(*) from (
            select r.agency_code, r.tool, u.ord,
              count(*) filter (where u.a = 1), count(*) filter (where u.a = 2),
              count(*) filter (where u.a = 3), count(*) filter (where u.a = 4)
            from responses r, unnest(r.answers) with ordinality as u(a, ord)
            where r.fiscal_year = ${NATIONAL_YEAR} and u.a is not null
            group by r.agency_code, r.tool, u.ord) t`,
        );
        tally = (performance.now() - t) / 1000;
        out(
          `  tally      ${tally.toFixed(2).padStart(8)} s  (one SQL statement counting every answer of the year by agency, item and value)\n`,
        );
      } finally {
        await raw.close();
      }
    }
    f.importCopy.push(imp / copy);
    f.computeScan.push(compute / scan);
    f.startupScan.push(cliOpen / scan);
    f.tallyScan.push(tally / scan);
  }
  return f;
}

// ---------------------------------------------------------------------------------------------

function timeNode(args: string[]): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, (err) =>
      err ? reject(new Error(err.message)) : resolve((performance.now() - t0) / 1000),
    ),
  );
}

async function helpRatio(): Promise<number> {
  if (!PHASES.has('help')) return NaN;
  const help: number[] = [];
  const bare: number[] = [];
  await timeNode(['bin/itas.js', '--help']); // builds dist/ if it is stale
  for (let i = 0; i < HELP_RUNS; i++) {
    bare.push(await timeNode(['-e', '']));
    help.push(await timeNode(['bin/itas.js', '--help']));
  }
  const h = median(help);
  const b = median(bare);
  out(
    `\nitas --help ${(h * 1000).toFixed(0)} ms, node -e '' ${(b * 1000).toFixed(0)} ms (medians of ${HELP_RUNS})\n`,
  );
  return h / b;
}

export async function runCompareBench(): Promise<void> {
  const cpus = (await import('node:os')).cpus().length;
  out(
    `compare bench: ${cpus} CPUs, load average ${loadavg()}, BENCH_SECONDS=${SECONDS}, BENCH_ROUNDS=${ROUNDS}, BENCH_CLIENTS=${CLIENTS}, BENCH_IMPORT_ROWS=${IMPORT_ROWS}\n`,
  );
  // The server and the CLI run dist/: make sure it is built before anything is timed.
  await timeNode(['bin/itas.js', '--help']);
  const bdb = await createBenchDatabase();
  try {
    const wantHttp = ['ceiling', 'api', 'form_nojs', 'form_js'].some((p) => PHASES.has(p));
    const http = wantHttp ? await httpRounds(bdb) : undefined;
    const national = await nationalRounds(bdb);
    const helpNode = await helpRatio();
    out('\nmedians across rounds:\n');
    if (http) {
      out(
        `  ceiling ${fmt(median(http.ceiling), 0)} req/s; api ${fmt(median(http.api), 0)} answers/s, p99 ${fmt(median(http.apiP99), 1)} ms; form_nojs ${fmt(median(http.nojs), 1)} respondents/s; form_js ${http.jsAvailable ? `${fmt(median(http.js), 1)} respondents/s` : 'n/a (not available on this server)'}; acknowledged answers lost ${http.lost}\n`,
      );
    }
    out(`  load average at the end ${loadavg()}\n`);
    out(`help/node=${fmt(helpNode, 2)}\n`);
    if (http)
      out(
        `server CPU alone (node process): form_js/api=${fmt(median(http.cpuJsApi))} form_nojs/api=${fmt(median(http.cpuNojsApi))} api/ceiling=${fmt(median(http.cpuApiCeiling))}\n`,
      );
    out(
      `floor under compute/scan: itas start-up with the database opened/scan=${fmt(median(national.startupScan), 2)} tally/scan=${fmt(median(national.tallyScan), 2)}\n`,
    );
    out(
      `ratios: form_js/api=${http?.jsAvailable ? fmt(median(http.jsApi)) : 'n/a'} form_nojs/api=${fmt(median(http?.nojsApi ?? []))} api/ceiling=${fmt(median(http?.apiCeiling ?? []))} import/copy=${fmt(median(national.importCopy), 2)} compute/scan=${fmt(median(national.computeScan), 2)}\n`,
    );
  } finally {
    if (process.env.BENCH_KEEP) out(`kept: DATABASE_URL=${bdb.url} (files in ${bdb.dir})\n`);
    else await bdb.drop();
  }
}
