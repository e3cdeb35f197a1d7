// Writes survey responses in batches and keeps the per-agency answer counts in step, in SQL.
import { createHash, randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './database.ts';
import { prepared } from './prepared-statements.ts';

export interface ResponseRow {
  responseId: string;
  fiscalYear: number;
  agencyCode: string;
  tool: 'IIT' | 'EIT';
  answers: (number | null)[];
  gender: string | null;
  ageBand: string | null;
  education: string | null;
  contactType: string | null;
  submittedOn: string | null;
}

export const arrayLiteral = (a: (number | null)[]) =>
  `{${a.map((v) => (v === null ? 'NULL' : String(v))).join(',')}}`;

/** The rows in a random order (Fisher–Yates with crypto randomness). */
export function shuffled<T>(rows: readonly T[]): T[] {
  const out = [...rows];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The one way responses are stored (survey API, survey form, CSV import): one statement that
 * writes to `responses` and to nothing else, so the transaction it runs in can stay free of any
 * other table (ADR 0007), and ids already stored are skipped (idempotent). The rows go in a
 * random order, so their place on disk says nothing about which arrived first within the batch.
 * Unnest of column arrays: 5,000 rows cost a handful of parameters, not 50,000.
 *
 * Each new response's id also goes to `pending_counts` in the same statement (ADR 0023): the
 * recompute adds those answers to the counts and deletes the rows, so stored counts always equal
 * the counts of responses not pending. `recounted`: the caller recounts these agencies itself
 * (an import, the demo's history), so nothing is left pending.
 * Returns the ids this call stored.
 */
export async function insertResponses(
  db: Db,
  rows: readonly ResponseRow[],
  opts: { recounted?: boolean } = {},
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const list = shuffled(rows);
  const col = <T>(f: (r: ResponseRow) => T) => list.map(f);
  const pending = opts.recounted !== true;
  const { rows: out } = await sql<{ response_id: string }>`${prepared('insert_responses')}
    with stored as (insert into responses (response_id, fiscal_year, agency_code, tool, answers,
      gender, age_band, education, contact_type, submitted_on)
    select r.id, r.fy, r.agency, r.tool, r.answers::smallint[],
      r.gender, r.age_band, r.education, r.contact_type, r.submitted_on::date
    from unnest(${col((r) => r.responseId)}::text[], ${col((r) => r.fiscalYear)}::int[],
      ${col((r) => r.agencyCode)}::text[], ${col((r) => r.tool)}::text[],
      ${col((r) => arrayLiteral(r.answers))}::text[],
      ${col((r) => r.gender)}::text[], ${col((r) => r.ageBand)}::text[],
      ${col((r) => r.education)}::text[], ${col((r) => r.contactType)}::text[],
      ${col((r) => r.submittedOn)}::text[])
      as r(id, fy, agency, tool, answers, gender, age_band, education, contact_type, submitted_on)
    on conflict (response_id) do nothing
    returning response_id, fiscal_year, agency_code),
    pending as (insert into pending_counts (response_id, fiscal_year, agency_code)
      select response_id, fiscal_year, agency_code from stored where ${pending})
    select response_id from stored`.execute(db);
  return new Set(out.map((r) => r.response_id));
}

/**
 * Rewrites every response of one day in one transaction and a random order, alone (ADR 0007):
 * afterwards they share one transaction id and their places on disk are shuffled, so neither
 * says more than the day. An advisory lock keeps two processes from doing it at once; it is a
 * lock, not a table, so the transaction still touches nothing but `responses`.
 * Returns how many rows were rewritten (0 when another process holds the lock).
 */
export async function resealDay(db: Db, day: string): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const { rows: lock } = await sql<{ ok: boolean }>`
      select pg_try_advisory_xact_lock(hashtext('itas:reseal-responses')) as ok`.execute(tx);
    if (!lock[0]?.ok) return 0;
    const { rows } = await sql<{ n: number }>`
      with gone as (delete from responses where submitted_on = ${day}::date returning *),
      back as (insert into responses select * from gone order by random() returning 1)
      select count(*)::int as n from back`.execute(tx);
    return rows[0]?.n ?? 0;
  });
}

/**
 * Recounts answers and respondents of these agencies only, from their responses not pending
 * (ADR 0023: pending ones are added by the recompute that deletes their rows): a new response
 * never rescans the year. Rows of items no longer answered disappear (delete, then insert).
 * The caller holds the year's count lock (pending-counts.repository.ts).
 */
export async function recountAgencies(
  db: Db,
  fiscalYear: number,
  agencyCodes: string[],
): Promise<void> {
  if (agencyCodes.length === 0) return;
  await sql`delete from answer_counts
    where fiscal_year = ${fiscalYear} and agency_code = any(${agencyCodes}::text[])`.execute(db);
  await sql`insert into answer_counts (fiscal_year, agency_code, tool, item, c1, c2, c3, c4)
    select r.fiscal_year, r.agency_code, r.tool, u.ord::smallint,
      (count(*) filter (where u.a = 1))::int, (count(*) filter (where u.a = 2))::int,
      (count(*) filter (where u.a = 3))::int, (count(*) filter (where u.a = 4))::int
    from responses r, unnest(r.answers) with ordinality as u(a, ord)
    where r.fiscal_year = ${fiscalYear} and r.agency_code = any(${agencyCodes}::text[])
      and u.a is not null
      and not exists (select from pending_counts p where p.response_id = r.response_id)
    group by r.fiscal_year, r.agency_code, r.tool, u.ord
    on conflict (fiscal_year, agency_code, tool, item) do update
      set c1 = excluded.c1, c2 = excluded.c2, c3 = excluded.c3, c4 = excluded.c4`.execute(db);
  await sql`delete from respondent_counts
    where fiscal_year = ${fiscalYear} and agency_code = any(${agencyCodes}::text[])`.execute(db);
  await sql`insert into respondent_counts (fiscal_year, agency_code, tool, n)
    select fiscal_year, agency_code, tool, count(*)::int from responses r
    where fiscal_year = ${fiscalYear} and agency_code = any(${agencyCodes}::text[])
      and not exists (select from pending_counts p where p.response_id = r.response_id)
    group by fiscal_year, agency_code, tool
    on conflict (fiscal_year, agency_code, tool) do update set n = excluded.n`.execute(db);
}

/** One tool's counts as text, the same in SQL and here: `item:c1,c2,c3,c4` joined by `;`. */
const countsText = (rows: number[][]) =>
  rows.map(([item, c1, c2, c3, c4]) => `${item}:${c1},${c2},${c3},${c4}`).join(';');

/**
 * Of these agencies (in the database's order of codes), those whose stored counts
 * (answer_counts, respondent_counts) differ from `fresh` (readCounts in response-recount.ts): compared by a digest of
 * each agency's and tool's counts made in SQL, so the stored counts are not shipped out.
 */
export async function staleCounts(
  db: Db,
  fiscalYear: number,
  agencyCodes: string[],
  fresh: Map<string, AgencyCounts>,
): Promise<string[]> {
  const first = agencyCodes[0];
  const last = agencyCodes.at(-1);
  if (first === undefined || last === undefined) return [];
  const [{ rows: sums }, { rows: totals }] = await Promise.all([
    sql<{ agency_code: string; tool: 'IIT' | 'EIT'; h: string }>`
      select agency_code, tool,
        md5(string_agg(item || ':' || c1 || ',' || c2 || ',' || c3 || ',' || c4, ';'
          order by item)) as h
      from answer_counts
      where fiscal_year = ${fiscalYear} and agency_code between ${first} and ${last}
      group by agency_code, tool`.execute(db),
    sql<{ agency_code: string; tool: 'IIT' | 'EIT'; n: number }>`
      select agency_code, tool, n from respondent_counts
      where fiscal_year = ${fiscalYear}
        and agency_code between ${first} and ${last}`.execute(db),
  ]);
  const stored = new Map<string, string>();
  for (const r of sums) stored.set(`${r.agency_code}\t${r.tool}\th`, r.h);
  for (const r of totals) stored.set(`${r.agency_code}\t${r.tool}\tn`, String(r.n));
  const md5 = (text: string) => createHash('md5').update(text).digest('hex');
  return agencyCodes.filter((code) => {
    const f = fresh.get(code);
    return (['IIT', 'EIT'] as const).some((tool) => {
      const rows = f?.counts[tool] ?? [];
      const n = f?.respondents[tool] ?? 0;
      return (
        stored.get(`${code}\t${tool}\th`) !== (rows.length ? md5(countsText(rows)) : undefined) ||
        stored.get(`${code}\t${tool}\tn`) !== (n ? String(n) : undefined)
      );
    });
  });
}

export interface AgencyCounts {
  agencyCode: string;
  respondents: { IIT: number; EIT: number };
  /** [item, c1, c2, c3, c4] rows per tool. */
  counts: { IIT: number[][]; EIT: number[][] };
}

/** Stored counts of these agencies (or every agency with data in the year), one entry each. */
export async function loadAgencyCounts(
  db: Db,
  fiscalYear: number,
  agencyCodes: string[],
): Promise<Map<string, AgencyCounts>> {
  const out = new Map<string, AgencyCounts>();
  const entry = (code: string) => {
    let e = out.get(code);
    if (!e) {
      e = { agencyCode: code, respondents: { IIT: 0, EIT: 0 }, counts: { IIT: [], EIT: [] } };
      out.set(code, e);
    }
    return e;
  };
  if (agencyCodes.length === 0) return out;
  const resp = await db
    .selectFrom('respondent_counts')
    .select(['agency_code', 'tool', 'n'])
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', 'in', agencyCodes)
    .execute();
  for (const r of resp) entry(r.agency_code).respondents[r.tool] = r.n;
  // One JSON text per agency and tool: far cheaper to ship than a row per item.
  const { rows } = await sql<{ agency_code: string; tool: 'IIT' | 'EIT'; counts: string }>`
    select agency_code, tool,
      json_agg(json_build_array(item, c1, c2, c3, c4) order by item)::text as counts
    from answer_counts
    where fiscal_year = ${fiscalYear} and agency_code = any(${agencyCodes}::text[])
    group by agency_code, tool`.execute(db);
  for (const r of rows) entry(r.agency_code).counts[r.tool] = JSON.parse(r.counts) as number[][];
  return out;
}

/**
 * Refreshes the planner's statistics of the tables a year's compute reads. Right after a bulk
 * import they are missing, and the per-batch reads (agency_code = any(…)) then fall back to
 * scanning the year once per batch; a sampled ANALYZE takes well under a second even at
 * national scale.
 */
export async function analyzeCountTables(db: Db): Promise<void> {
  await sql`analyze responses, answer_counts, respondent_counts, oit_entries`.execute(db);
}

/**
 * Agencies with any response, OIT entry or score card in the year, in code order: the sources of
 * truth, never the derived counts (a card whose data went away is recomputed, not left stale).
 */
export async function agenciesWithData(db: Db, fiscalYear: number): Promise<string[]> {
  const { rows } = await sql<{ agency_code: string }>`
    select distinct agency_code from responses where fiscal_year = ${fiscalYear}
    union
    select agency_code from oit_entries where fiscal_year = ${fiscalYear} and is_current
    union
    select agency_code from score_cards where fiscal_year = ${fiscalYear}
    order by agency_code`.execute(db);
  return rows.map((r) => r.agency_code);
}

/** Every agency code in the register (imports check rows against it). */
export async function loadAgencyCodes(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('agencies').select('code').execute();
  return new Set(rows.map((r) => r.code));
}
