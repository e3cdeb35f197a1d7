// Benchmark (issue 17.5): the recompute that keeps up at a deadline. A national year (8,303
// agencies, BENCH_RECOMPUTE_ROWS responses spread over them, plus one agency of BIG responses and
// one of SMALL), counted once; then, while a writer keeps storing answers through the survey
// pipeline (the API's own path, in this process, BENCH_WRITERS loops), rounds of: N new
// answers to the big agency and N to the small one, then the worker's recompute of each. It
// prints the recompute's time per new answer for both agencies (the target: no growth with the
// agency's size) and, for comparison, a full recount of the big agency (what the recompute cost
// before ADR 0023). On PGlite by default; DATABASE_URL=postgres://… for PostgreSQL.
// Run: npm run bench -- recompute
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { SYSTEM_CLI } from '../src/domain/actor.ts';
import { answerColumns } from '../src/domain/framework/helpers.ts';
import { getFramework } from '../src/domain/framework/registry.ts';
import { createServices, type Services } from '../src/services/container.ts';
import { migrateToLatest } from '../src/storage/migrate.ts';
import { ensureReferenceData } from '../src/storage/reference.repository.ts';
import { recountAgencies } from '../src/storage/response.repository.ts';
import { AGENCY_HEADER, nationalAgencyRows } from './agencies.ts';
import { createBenchDatabase } from './compare-setup.ts';

const ROWS = Number(process.env.BENCH_RECOMPUTE_ROWS ?? 1_300_000);
const BIG = Number(process.env.BENCH_RECOMPUTE_BIG ?? 50_000);
const SMALL = 20;
const NEW = Number(process.env.BENCH_RECOMPUTE_NEW ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 8);
const YEAR = 2563;
const framework = getFramework('ita-2563')!;
const out = (s: string) => process.stdout.write(s);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runRecomputeBench(): Promise<void> {
  const bdb = await createBenchDatabase();
  const db = await bdb.open();
  try {
    out(
      `recompute bench (${bdb.kind}): ${ROWS} responses over 8,303 agencies, a big agency of ${BIG}, a small one of ${SMALL}; ${NEW} new answers each per round, ${ROUNDS} rounds, ${WRITERS} writers storing answers meanwhile; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}\n`,
    );
    await migrateToLatest(db);
    await ensureReferenceData(db);
    const services = createServices(db);
    const agencies = nationalAgencyRows();
    await services.agencies.importAgencies(
      SYSTEM_CLI,
      'agencies.csv',
      [AGENCY_HEADER.join(','), ...agencies.map((r) => r.join(','))].join('\n') + '\n',
    );
    await services.years.create(SYSTEM_CLI, YEAR, 'ita-2563');
    const codes = agencies.map((a) => a[0]!);
    const big = codes[0]!;
    const small = codes[1]!;
    const rest = codes.slice(2);
    const t0 = performance.now();
    // Made in SQL (no pending rows: counted below by the year's compute, as after an import).
    const iitItems = answerColumns(framework, 'IIT').length;
    const eitItems = answerColumns(framework, 'EIT').length;
    const insert = (agencyList: string[], n: number) =>
      sql`insert into responses (response_id, fiscal_year, agency_code, tool, answers)
        select gen_random_uuid()::text, ${YEAR}::int,
          (${agencyList}::text[])[1 + i % ${agencyList.length}::int],
          case when i % 3 = 0 then 'IIT' else 'EIT' end,
          array(select (1 + floor(random() * 4))::smallint
            from generate_series(1, case when i % 3 = 0 then ${iitItems}::int else ${eitItems}::int end)
            where i >= 0)
        from generate_series(1, ${n}::int) as i`.execute(db);
    for (let done = 0; done < ROWS; done += 100_000)
      await insert(rest, Math.min(100_000, ROWS - done));
    await insert([big], BIG);
    await insert([small], SMALL);
    const counted = await services.results.computeYear(YEAR);
    out(
      `  year filled and computed in ${((performance.now() - t0) / 1000).toFixed(1)} s (${counted.agencies} agencies)\n`,
    );

    const answers = (tool: 'IIT' | 'EIT') =>
      Object.fromEntries(
        answerColumns(framework, tool).map((c, i) => [
          c,
          tool === 'EIT' && c === 'E4.1' ? 'N' : String(1 + (i % 4)),
        ]),
      );
    const submit = (services: Services, agencyCode: string) =>
      services.responses.submit({
        responseId: randomUUID(),
        fiscalYear: YEAR,
        agencyCode,
        tool: 'IIT',
        answers: answers('IIT'),
        demographics: {},
        submittedOn: '2020-05-16',
      });

    // The load: WRITERS loops, each storing one answer after another to random agencies through
    // the survey pipeline (the API's own path, in this process; on PGlite they share its one
    // connection with the recompute, as the server's requests do).
    let writing = true;
    let written = 0;
    const writers = Array.from({ length: WRITERS }, async () => {
      while (writing) {
        await submit(services, rest[Math.floor(Math.random() * rest.length)]!);
        written++;
      }
    });

    const perAnswer = { big: [] as number[], small: [] as number[], recount: [] as number[] };
    for (let round = 1; round <= ROUNDS; round++) {
      const times: Record<string, number> = {};
      for (const [name, code] of [
        ['small', small],
        ['big', big],
      ] as const) {
        await Promise.all(Array.from({ length: NEW }, () => submit(services, code)));
        await services.responses.settled();
        const t = performance.now();
        await services.results.recomputeAgencies(YEAR, [code]);
        times[name] = performance.now() - t;
        perAnswer[name].push(times[name] / NEW);
      }
      // The recompute before ADR 0023: recount the big agency from all its responses, score.
      const t = performance.now();
      await db.transaction().execute(async (tx) => {
        await recountAgencies(tx, YEAR, [big]);
      });
      await services.results.recomputeAgencies(YEAR, [big]);
      const recount = performance.now() - t;
      perAnswer.recount.push(recount / NEW);
      out(
        `  round ${round}: recompute after ${NEW} new answers: small agency ${times.small!.toFixed(1)} ms, big agency ${times.big!.toFixed(1)} ms; full recount of the big agency ${recount.toFixed(1)} ms (load average ${loadavg()[0]!.toFixed(1)}, ${written} answers written meanwhile)\n`,
      );
    }
    writing = false;
    await Promise.all(writers);
    const ms = (xs: number[]) => median(xs).toFixed(2);
    out(
      `recompute per new answer (median ms): small=${ms(perAnswer.small)} big=${ms(perAnswer.big)} big/small=${(median(perAnswer.big) / median(perAnswer.small)).toFixed(2)} full_recount_big=${ms(perAnswer.recount)}\n`,
    );
  } finally {
    await db.destroy();
    await bdb.drop();
  }
}
