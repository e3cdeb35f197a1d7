// The bulk recount: many agencies' answer and respondent counts from one read of their responses
// per range of agency codes (each agency's answers come as one text, tallied here), written back
// by COPY. What `recountAgencies` stores, at a fraction of its cost for thousands of agencies (the
// SQL unnest of every answer was the import's largest cost).
import { sql } from 'kysely';
import { hasRawSession, rawSession, sessionDb, type Db, type RawSession } from './database.ts';
import { lockYearCounts } from './pending-counts.repository.ts';
import { recountAgencies, type AgencyCounts } from './response.repository.ts';

/** Agencies per read: one range of the index (fiscal_year, agency_code, tool). */
const RANGE = 1000;

/**
 * Counts from text: per agency and tool `n` responses whose answers come as one text, each
 * response's answers joined by ',' (a NULL as nothing) and responses joined by ';'. An answer
 * counts in c1..c4 when it is 1..4; items nobody answered have no row (as in SQL).
 */
export function tallyAnswers(
  into: Map<string, AgencyCounts>,
  agencyCode: string,
  tool: 'IIT' | 'EIT',
  n: number,
  text: string,
): void {
  let e = into.get(agencyCode);
  if (!e) {
    e = { agencyCode, respondents: { IIT: 0, EIT: 0 }, counts: { IIT: [], EIT: [] } };
    into.set(agencyCode, e);
  }
  e.respondents[tool] = n;
  // counts[4 * position + value - 1]
  const counts: number[] = [];
  let pos = 0;
  let value = 0;
  let digits = 0;
  let negative = false;
  const end = () => {
    if (digits && !negative && value >= 1 && value <= 4) {
      const k = 4 * pos + value - 1;
      counts[k] = (counts[k] ?? 0) + 1;
    }
    value = 0;
    digits = 0;
    negative = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 44 /* , */) {
      end();
      pos++;
    } else if (ch === 59 /* ; */) {
      end();
      pos = 0;
    } else if (ch === 45 /* - */) negative = true;
    else {
      value = value * 10 + (ch - 48);
      digits++;
    }
  }
  if (text.length) end();
  const rows: number[][] = [];
  for (let p = 0; 4 * p < counts.length; p++) {
    const c1 = counts[4 * p] ?? 0;
    const c2 = counts[4 * p + 1] ?? 0;
    const c3 = counts[4 * p + 2] ?? 0;
    const c4 = counts[4 * p + 3] ?? 0;
    if (c1 + c2 + c3 + c4) rows.push([p + 1, c1, c2, c3, c4]);
  }
  e.counts[tool] = rows;
}

/**
 * The counts of the agencies whose codes run from `first` to `last` (the database's order), from
 * one read of their responses, as `recountAgencies` would store them (responses not pending,
 * ADR 0023). `only`: keep these agencies alone (a range may hold others).
 */
export async function readCounts(
  db: Db,
  fiscalYear: number,
  first: string,
  last: string,
  only?: ReadonlySet<string>,
): Promise<Map<string, AgencyCounts>> {
  const { rows } = await sql<{ agency_code: string; tool: 'IIT' | 'EIT'; n: number; a: string }>`
    select agency_code, tool, count(*)::int as n,
      string_agg(array_to_string(answers, ',', ''), ';') as a
    from responses r
    where fiscal_year = ${fiscalYear} and agency_code between ${first} and ${last}
      and not exists (select from pending_counts p where p.response_id = r.response_id)
    group by agency_code, tool`.execute(db);
  const out = new Map<string, AgencyCounts>();
  for (const r of rows)
    if (!only || only.has(r.agency_code)) tallyAnswers(out, r.agency_code, r.tool, r.n, r.a);
  return out;
}

const quoted = (s: string) => `"${s.includes('"') ? s.replaceAll('"', '""') : s}"`;

/** These agencies' counts as COPY text for answer_counts and respondent_counts. */
function countsCsv(fiscalYear: number, counts: Iterable<AgencyCounts>) {
  const answers: string[] = [];
  const respondents: string[] = [];
  for (const c of counts) {
    const code = quoted(c.agencyCode);
    for (const tool of ['IIT', 'EIT'] as const) {
      if (c.respondents[tool])
        respondents.push(`${fiscalYear},${code},${tool},${c.respondents[tool]}\n`);
      for (const [item, c1, c2, c3, c4] of c.counts[tool])
        answers.push(`${fiscalYear},${code},${tool},${item},${c1},${c2},${c3},${c4}\n`);
    }
  }
  return { answers: answers.join(''), respondents: respondents.join('') };
}

/** Replaces these agencies' stored counts with `counts` (agencies without an entry: none). */
async function writeCounts(
  s: RawSession,
  fiscalYear: number,
  codes: string[],
  counts: Map<string, AgencyCounts>,
): Promise<void> {
  await s.query(
    `delete from answer_counts where fiscal_year = $1 and agency_code = any($2::text[])`,
    [fiscalYear, codes],
  );
  await s.query(
    `delete from respondent_counts where fiscal_year = $1 and agency_code = any($2::text[])`,
    [fiscalYear, codes],
  );
  const csv = countsCsv(fiscalYear, counts.values());
  if (csv.answers)
    await s.copyCsv(
      'answer_counts (fiscal_year, agency_code, tool, item, c1, c2, c3, c4)',
      csv.answers,
    );
  if (csv.respondents)
    await s.copyCsv('respondent_counts (fiscal_year, agency_code, tool, n)', csv.respondents);
}

/**
 * Recounts these agencies from their responses in one transaction, a range of codes per read,
 * and runs `also` in the same transaction (the import's recompute marks). Holds the year's count
 * lock shared: compute batches may recount other agencies meanwhile, increments wait. The database's order
 * of the codes is asked once, so ranges follow its collation.
 */
export async function recountMany(
  db: Db,
  fiscalYear: number,
  agencyCodes: Iterable<string>,
  also: (tx: Db) => Promise<void> = async () => {},
): Promise<void> {
  const wanted = [...new Set(agencyCodes)];
  if (wanted.length === 0) return;
  if (!hasRawSession(db)) {
    await db.transaction().execute(async (tx) => {
      await lockYearCounts(tx, fiscalYear, { shared: true });
      await recountAgencies(tx, fiscalYear, wanted);
      await also(tx);
    });
    return;
  }
  const { rows } = await sql<{ code: string }>`
    select code from unnest(${wanted}::text[]) as c(code) order by code`.execute(db);
  const codes = rows.map((r) => r.code);
  const only = new Set(codes);
  const s = (await rawSession(db))!;
  let broken = false;
  try {
    const tx = sessionDb(s);
    await s.query('begin');
    await lockYearCounts(tx, fiscalYear, { shared: true });
    for (let i = 0; i < codes.length; i += RANGE) {
      const part = codes.slice(i, i + RANGE);
      const counts = await readCounts(tx, fiscalYear, part[0]!, part.at(-1)!, only);
      await writeCounts(s, fiscalYear, part, counts);
    }
    await also(tx);
    await s.query('commit');
  } catch (e) {
    try {
      await s.query('rollback');
    } catch {
      broken = true;
    }
    throw e;
  } finally {
    s.release(broken);
  }
}
