// Benchmark: the agency report and the national ranking pages at national size (8,303 agencies
// with score cards, generated in SQL) on PostgreSQL. Prints p50/p95 per page (goal: p95 < 100 ms).
// Run: npm run bench -- results   (DATABASE_URL defaults to the local PostgreSQL 15)
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { sql } from 'kysely';
import { AGENCY_TYPES } from '../src/domain/agency.ts';
import { answerColumns, getFramework } from '../src/domain/framework/index.ts';
import { scoreAgency } from '../src/domain/scoring/index.ts';
import { createApp } from '../src/http/app.tsx';
import { createServices } from '../src/services/container.ts';
import { openDatabase } from '../src/storage/database.ts';
import { migrateToLatest } from '../src/storage/migrate.ts';
import { ensureReferenceData } from '../src/storage/reference.repository.ts';
import { upsertScoreCards } from '../src/storage/score-card.repository.ts';

const AGENCIES = 8303;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function runResultsBench(): Promise<void> {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (!url.startsWith('postgres'))
    throw new Error('bench results needs PostgreSQL (DATABASE_URL=postgres://…)');
  const name = `itas_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: u.toString() }, { poolSize: 8 });
  try {
    await migrateToLatest(db);
    await ensureReferenceData(db);
    const fw = getFramework('ita-2563')!;
    const t0 = performance.now();
    const types = AGENCY_TYPES.map((t) => t.code);
    const needs = AGENCY_TYPES.map((t) => t.needsProvince);
    // Agencies spread over the 77 provinces and 12 types; scores pseudo-random but repeatable.
    await sql`insert into agencies (code, name_th, type, province, staff_count)
      select 'B-' || lpad(g::text, 5, '0'), 'หน่วยงานทดสอบ ' || g,
        (${types}::text[])[1 + g % 12],
        case when (${needs}::boolean[])[1 + g % 12] or g % 3 = 0
          then p.names[1 + g % array_length(p.names, 1)] end,
        50 + g % 400
      from generate_series(1, ${AGENCIES}) g,
        (select array_agg(name_th order by name_th) as names from provinces) p`.execute(db);
    await sql`insert into assessment_years (fiscal_year, framework_id, published_at, announcement_th)
      values (2562, 'ita-2563', now(), 'bench'), (2563, 'ita-2563', now(), 'bench')`.execute(db);
    await sql`insert into score_cards (fiscal_year, agency_code, framework_id, overall, level, passed,
        iit, eit, oit, tools, indicators, sub_indicators, questions, sub_items, missing, respondents)
      select 2563, code, 'ita-2563', s, case when s >= 95 then 'AA' when s >= 85 then 'A'
          when s >= 75 then 'B' when s >= 65 then 'C' when s >= 55 then 'D' when s >= 50 then 'E' else 'F' end,
        s >= 85, s, s, s,
        jsonb_build_object('IIT', s, 'EIT', s, 'OIT', s),
        (select jsonb_object_agg(i::text, s) from generate_series(1, 10) i),
        '{}'::jsonb, '{}'::jsonb, '{}'::jsonb, '[]'::jsonb, jsonb_build_object('IIT', 40, 'EIT', 30)
      from (select code, round((40 + (hashtext(code) & 65535) / 65535.0 * 60)::numeric, 2)::float8 as s
        from agencies) a`.execute(db);
    await sql`insert into past_results (agency_code, fiscal_year, overall)
      select code, 2562, round((35 + (hashtext(code || 'x') & 65535) / 65535.0 * 65)::numeric, 2)::float8
      from agencies`.execute(db);
    // The measured agency gets a full card: answer counts, OIT items with comments, respondents.
    const code = 'B-00006';
    const answers: Record<string, number[]> = {};
    for (const tool of ['IIT', 'EIT'] as const)
      for (const col of answerColumns(fw, tool)) {
        const q = fw.questions.find((x) => col.startsWith(`${x.code}.`))!;
        const likert = q.items.find((i) => `${q.code}.${i.n}` === col)!.scale.startsWith('likert');
        answers[col] = likert ? [3, 7, 60, 130] : [12, 188];
      }
    const oit = Object.fromEntries(fw.oitItems.map((o, i) => [o.code, i % 7 === 0 ? 0 : 100]));
    const card = scoreAgency(fw, { answers, respondents: { IIT: 200, EIT: 200 }, oit });
    await upsertScoreCards(db, 2563, [{ agencyCode: code, card }]);
    for (const tool of ['IIT', 'EIT'] as const)
      await db
        .insertInto('answer_counts')
        .values(
          answerColumns(fw, tool).map((col, i) => {
            const c = answers[col]!;
            return {
              fiscal_year: 2563,
              agency_code: code,
              tool,
              item: i + 1,
              c1: c[0]!,
              c2: c[1]!,
              c3: c[2] ?? 0,
              c4: c[3] ?? 0,
            };
          }),
        )
        .execute();
    await db
      .insertInto('oit_entries')
      .values(
        fw.oitItems.map((o) => ({
          fiscal_year: 2563,
          agency_code: code,
          item: o.code,
          version: 1,
          is_current: true,
          status: 'confirmed' as const,
          score: oit[o.code]!,
          comment: oit[o.code] === 0 ? 'ไม่ปรากฏข้อมูลตามเกณฑ์การประเมิน' : null,
          source: 'import' as const,
          changed_by: 'bench',
          urls: [],
        })),
      )
      .execute();
    await sql`analyze`.execute(db);
    console.log(
      `generated ${AGENCIES} agencies with score cards in ${Math.round(performance.now() - t0)} ms`,
    );

    const app = createApp({ services: createServices(db), log: pino({ level: 'silent' }) });
    const pages = [
      ['agency report', `/results/2563/agencies/${code}`],
      ['national ranking', '/results/2563/rankings'],
      ['province ranking', '/results/2563/rankings?scope=provinces'],
      ['summary per type', '/results/2563/summary'],
    ] as const;
    for (const [label, path] of pages) {
      for (let i = 0; i < 10; i++) await (await app.request(path)).text();
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const s = performance.now();
        const r = await app.request(path);
        await r.text();
        if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      const p50 = percentile(times, 50);
      const p95 = percentile(times, 95);
      console.log(
        `${label.padEnd(18)} ${path.padEnd(44)} p50 ${p50.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  (${RUNS} runs)${p95 < 100 ? '' : '  ABOVE GOAL'}`,
      );
    }
  } finally {
    await db.destroy();
    // Without FORCE: forcing would kill pooled connections still closing, which pg reports as an error.
    for (let i = 0; i < 20; i++) {
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    await admin.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runResultsBench();
