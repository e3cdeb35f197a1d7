// Benchmark: a national year (8,303 agencies of the 2563 type mix, ~1.3 million responses,
// 357,029 OIT reviews) generated as CSV, imported, computed and exported, on PostgreSQL and on
// PGlite (file data dir), printing each step's time and peak RSS. Also one agency's recompute
// after a new response (goal < 50 ms), compute-all (goal < 10 s on PostgreSQL) and the national
// export (goal < 5 s, flat memory).
// Run: npm run bench -- scoring [postgres|pglite]
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { SYSTEM_CLI } from '../src/domain/actor.ts';
import { answerColumns, oitItemCodes } from '../src/domain/framework/helpers.ts';
import { getFramework } from '../src/domain/framework/registry.ts';
import { sql } from 'kysely';
import {
  OIT_HEADER,
  generateOitRows,
  generateResponseRows,
  responsesHeader,
  seedOf,
  seededRandom,
} from '../src/demo/answer-generator.ts';
import { resultsTable } from '../src/exports/results-table.ts';
import { writeTableStream } from '../src/exports/stream-export.ts';
import { createServices, type Services } from '../src/services/container.ts';
import { openDatabase, type Db } from '../src/storage/database.ts';
import { migrateToLatest } from '../src/storage/migrate.ts';
import { ensureReferenceData } from '../src/storage/reference.repository.ts';
import { AGENCY_HEADER, nationalAgencyRows } from './agencies.ts';
import { step, type StepResult } from './measure.ts';

const framework = getFramework('ita-2563')!;
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  let buf = '';
  for (const line of lines) {
    buf += line + '\n';
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await finished(out);
}

interface Files {
  agencies: string;
  iit: string;
  eit: string;
  oit: string;
  responses: number;
}

/** Writes the national year's CSV files; the same seed gives the same files. */
async function generate(dir: string): Promise<Files> {
  // BENCH_AGENCIES=200 makes a quick smaller run; the default is the full 8,303.
  const agencies = nationalAgencyRows().slice(0, Number(process.env.BENCH_AGENCIES ?? 1e9));
  const rnd = seededRandom(2563);
  const plans = agencies.map(([code, , , , website], i) => ({
    code: code!,
    website: website!,
    target: 50 + rnd() * 48,
    // ~52 staff and ~105 external respondents on average: 8,303 × 157 ≈ 1.3 million.
    iit: 40 + ((i * 7) % 25),
    eit: 90 + ((i * 13) % 31),
  }));
  const files: Files = {
    agencies: join(dir, 'agencies.csv'),
    iit: join(dir, 'responses-iit.csv'),
    eit: join(dir, 'responses-eit.csv'),
    oit: join(dir, 'oit.csv'),
    responses: plans.reduce((n, p) => n + p.iit + p.eit, 0),
  };
  await writeLines(files.agencies, [AGENCY_HEADER.join(','), ...agencies.map((r) => r.join(','))]);
  const header = responsesHeader(framework);
  const nIit = answerColumns(framework, 'IIT').length;
  const fixed = 8;
  const only = (tool: 'IIT' | 'EIT') =>
    function* () {
      yield tool === 'IIT'
        ? header.slice(0, fixed + nIit).join(',')
        : [...header.slice(0, fixed), ...header.slice(fixed + nIit)].join(',');
      for (const p of plans) {
        const rows = generateResponseRows(framework, {
          agencyCode: p.code,
          target: p.target,
          iit: tool === 'IIT' ? p.iit : 0,
          eit: tool === 'EIT' ? p.eit : 0,
          day: '2020-05-15',
          seed: seedOf(`${p.code}:${tool}`),
        });
        for (const r of rows)
          yield (
            tool === 'IIT'
              ? r.slice(0, fixed + nIit)
              : [...r.slice(0, fixed), ...r.slice(fixed + nIit)]
          ).join(',');
      }
    };
  await writeLines(files.iit, only('IIT')());
  await writeLines(files.eit, only('EIT')());
  await writeLines(
    files.oit,
    (function* () {
      yield OIT_HEADER.join(',');
      for (const p of plans)
        for (const r of generateOitRows(framework, p.code, p.target, p.website))
          yield r.map((v) => (v.includes(',') ? `"${v}"` : v)).join(',');
    })(),
  );
  return files;
}

/**
 * Compute-only data: fills answer_counts, respondent_counts and oit_entries of every agency
 * directly in SQL (generate_series), the shape an import of the national year leaves behind, in
 * seconds instead of minutes. `npm run bench -- scoring postgres fast` uses it.
 */
async function loadCountsInSql(db: Db): Promise<void> {
  const nIit = answerColumns(framework, 'IIT').length;
  const nEit = answerColumns(framework, 'EIT').length;
  const oitItems = oitItemCodes(framework);
  await sql`insert into respondent_counts (fiscal_year, agency_code, tool, n)
    select 2563, a.code, t.tool, case t.tool when 'IIT' then 40 + (a.ord * 7) % 25
      else 90 + (a.ord * 13) % 31 end
    from (select code, row_number() over (order by code) as ord from agencies) a,
      (values ('IIT'), ('EIT')) as t(tool)`.execute(db);
  // Per item: the respondents spread over the four answers by a hash of (agency, tool, item).
  await sql`insert into answer_counts (fiscal_year, agency_code, tool, item, c1, c2, c3, c4)
    select r.fiscal_year, r.agency_code, r.tool, i::smallint,
      (r.n * (h % 10) / 100)::int, (r.n * (h / 10 % 20) / 100)::int,
      (r.n * (h / 200 % 30) / 100)::int,
      r.n - (r.n * (h % 10) / 100)::int - (r.n * (h / 10 % 20) / 100)::int
        - (r.n * (h / 200 % 30) / 100)::int
    from respondent_counts r,
      generate_series(1, case r.tool when 'IIT' then ${nIit}::int else ${nEit}::int end) as i,
      lateral (select abs(hashtext(r.agency_code || r.tool || i))::bigint as h) x
    where r.fiscal_year = 2563`.execute(db);
  await sql`insert into oit_entries (fiscal_year, agency_code, item, version, is_current, status,
      answer, score, source, changed_by)
    select 2563, a.code, it.item, 1, true, 'confirmed',
      case when abs(hashtext(a.code || it.item)) % 100 < 85 then 'has' else 'has_not' end,
      case when abs(hashtext(a.code || it.item)) % 100 < 85 then 100 else 0 end, 'import', 'bench'
    from agencies a, unnest(${oitItems}::text[]) as it(item)`.execute(db);
}

async function runOn(
  engine: 'postgres' | 'pglite',
  dir: string,
  files: Files,
  fast = false,
): Promise<void> {
  const results: StepResult[] = [];
  process.stdout.write(`\n== ${engine} ==\n`);
  let db: Db;
  let drop: (() => Promise<void>) | undefined;
  if (engine === 'postgres') {
    const name = `itas_bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(PG_URL);
    u.pathname = `/${name}`;
    db = await openDatabase({ kind: 'postgres', url: u.toString() }, { poolSize: 6 });
    drop = async () => {
      const a = new pg.Client({ connectionString: PG_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  } else {
    db = await openDatabase({ kind: 'pglite', dataDir: join(dir, `pglite-${Date.now()}`) });
  }
  try {
    await migrateToLatest(db);
    await ensureReferenceData(db);
    const s: Services = createServices(db);
    await step(
      'import agencies (8,303)',
      async () => {
        const { readFile } = await import('node:fs/promises');
        return s.agencies.importAgencies(
          SYSTEM_CLI,
          'agencies.csv',
          await readFile(files.agencies, 'utf8'),
        );
      },
      results,
    );
    await s.years.create(SYSTEM_CLI, 2563, 'ita-2563');
    if (fast) {
      await step('fill counts and OIT in SQL (compute-only)', () => loadCountsInSql(db), results);
      for (let i = 0; i < 3; i++) {
        const c = await step(
          `compute all score cards, run ${i + 1} (goal PG < 10 s)`,
          () => s.results.computeYear(2563),
          results,
        );
        process.stdout.write(`    cards: ${c.agencies}, complete: ${c.scored}\n`);
      }
      return;
    }
    const iit = await step(
      'import responses IIT (one transaction)',
      () =>
        s.imports.importResponses(
          SYSTEM_CLI,
          2563,
          'responses-iit.csv',
          createReadStream(files.iit),
        ),
      results,
    );
    const eit = await step(
      'import responses EIT (one transaction)',
      () =>
        s.imports.importResponses(
          SYSTEM_CLI,
          2563,
          'responses-eit.csv',
          createReadStream(files.eit),
        ),
      results,
    );
    process.stdout.write(`    responses stored: ${iit.inserted + eit.inserted}\n`);
    const oit = await step(
      'import OIT (357,029 rows)',
      () => s.imports.importOit(SYSTEM_CLI, 2563, 'oit.csv', createReadStream(files.oit)),
      results,
    );
    process.stdout.write(`    OIT versions stored: ${oit.changed}\n`);
    const computed = await step(
      'compute all score cards (goal PG < 10 s)',
      () => s.results.computeYear(2563),
      results,
    );
    process.stdout.write(`    cards: ${computed.agencies}, complete: ${computed.scored}\n`);
    // One new response, then the recompute job's work for that agency.
    const agency = `N${String(Math.ceil(computed.agencies / 2)).padStart(5, '0')}`;
    const answers = Object.fromEntries(
      answerColumns(framework, 'EIT').map((c) => [c, c === 'E4.1' ? 'N' : '4']),
    );
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      await s.responses.submit({
        responseId: randomUUID(),
        fiscalYear: 2563,
        agencyCode: agency,
        tool: 'EIT',
        answers,
        demographics: {},
        submittedOn: '2020-05-16',
      });
      const t0 = performance.now();
      await s.results.recomputeAgencies(2563, [agency]);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    process.stdout.write(
      `  one agency's recompute after a new response (goal < 50 ms): median ${times[5]!.toFixed(1)} ms, max ${times[9]!.toFixed(1)} ms\n`,
    );
    for (const format of ['json', 'csv', 'xlsx'] as const) {
      const file = join(dir, `results-${engine}.${format}`);
      await step(
        `export results ${format} (goal < 5 s)`,
        async () => {
          const out = createWriteStream(file);
          await writeTableStream(
            format,
            resultsTable(framework),
            s.results.streamResults(SYSTEM_CLI, 2563),
            out,
            s.clock,
          );
          if (!out.writableEnded) out.end();
          await finished(out);
        },
        results,
      );
      process.stdout.write(`    ${file}: ${(statSync(file).size / 1048576).toFixed(1)} MB\n`);
    }
  } finally {
    await db.destroy();
    await drop?.();
  }
}

export async function runScoringBench(args: string[]): Promise<void> {
  // `fast`: skip CSV generation and import; fill the counts in SQL and time compute-all only.
  const fast = args.includes('fast');
  const named = args.filter((a) => a !== 'fast');
  const engines = (named.length ? named : ['postgres', 'pglite']) as ('postgres' | 'pglite')[];
  const dir = mkdtempSync(join(tmpdir(), 'itas-bench-scoring-'));
  try {
    process.stdout.write(`scoring bench: national year in ${dir}\n`);
    const gen: StepResult[] = [];
    if (fast) {
      const agencies = nationalAgencyRows().slice(0, Number(process.env.BENCH_AGENCIES ?? 1e9));
      const agencyFile = join(dir, 'agencies.csv');
      await writeLines(agencyFile, [AGENCY_HEADER.join(','), ...agencies.map((r) => r.join(','))]);
      const files = { agencies: agencyFile, iit: '', eit: '', oit: '', responses: 0 };
      for (const e of engines) await runOn(e, dir, files, true);
      return;
    }
    const files = await step('generate CSV files', () => generate(dir), gen);
    process.stdout.write(
      `    ${files.responses} responses; files: ${[files.iit, files.eit, files.oit].map((f) => `${(statSync(f).size / 1048576).toFixed(0)} MB`).join(', ')}\n`,
    );
    for (const e of engines) await runOn(e, dir, files);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
