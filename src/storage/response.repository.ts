// Writes survey responses in batches and keeps the per-agency answer counts in step, in SQL.
import { sql } from 'kysely';
import type { Db } from './database.ts';

export interface ResponseRow {
  responseId: string;
  agencyCode: string;
  tool: 'IIT' | 'EIT';
  answers: (number | null)[];
  gender: string | null;
  ageBand: string | null;
  education: string | null;
  contactType: string | null;
  submittedOn: string | null;
}

const arrayLiteral = (a: (number | null)[]) =>
  `{${a.map((v) => (v === null ? 'NULL' : String(v))).join(',')}}`;

/**
 * Inserts responses, skipping ids already stored (idempotent). One statement per batch via
 * unnest of column arrays, so 5,000 rows cost a handful of parameters, not 50,000.
 * Returns the agencies that got at least one new response.
 */
export async function insertResponses(
  db: Db,
  fiscalYear: number,
  rows: ResponseRow[],
): Promise<{ inserted: number; agencies: string[] }> {
  if (rows.length === 0) return { inserted: 0, agencies: [] };
  const col = <T>(f: (r: ResponseRow) => T) => rows.map(f);
  const { rows: out } = await sql<{ agency_code: string; n: number }>`
    with ins as (
      insert into responses (response_id, fiscal_year, agency_code, tool, answers,
        gender, age_band, education, contact_type, submitted_on)
      select r.id, ${fiscalYear}::int, r.agency, r.tool, r.answers::smallint[],
        r.gender, r.age_band, r.education, r.contact_type, r.submitted_on::date
      from unnest(${col((r) => r.responseId)}::text[], ${col((r) => r.agencyCode)}::text[],
        ${col((r) => r.tool)}::text[], ${col((r) => arrayLiteral(r.answers))}::text[],
        ${col((r) => r.gender)}::text[], ${col((r) => r.ageBand)}::text[],
        ${col((r) => r.education)}::text[], ${col((r) => r.contactType)}::text[],
        ${col((r) => r.submittedOn)}::text[])
        as r(id, agency, tool, answers, gender, age_band, education, contact_type, submitted_on)
      on conflict (response_id) do nothing
      returning agency_code)
    select agency_code, count(*)::int as n from ins group by agency_code`.execute(db);
  return { inserted: out.reduce((s, r) => s + r.n, 0), agencies: out.map((r) => r.agency_code) };
}

/** A response as submitted: its row, its recompute job and its anomaly fingerprint. */
export interface SubmittedResponse extends ResponseRow {
  fiscalYear: number;
  /** Enqueued (coalesced on its key) when the response is new. */
  job: { kind: string; key: string; payload?: unknown };
  /** Hash of the answer set, counted per agency to flag identical sets; never linked to a row. */
  fingerprint: string;
  /** Every scaled answer in one column (straight-lining). */
  sameColumn: boolean;
}

/**
 * Stores a batch of submitted responses in one statement (one round trip, one commit, atomic):
 * the new rows, one coalesced job per affected key, and the anomaly counts they raise: an answer
 * set seen before in the agency counts once per repeat ("identical_answers", exactly as if the
 * rows came one by one) and straight-lining counts once per row ("same_column"). Ids already
 * stored are skipped (idempotent). Returns, per input row, whether it was newly stored; a
 * repeated id within the batch counts as new only the first time.
 */
export async function insertSubmittedResponses(
  db: Db,
  rows: SubmittedResponse[],
  delaySeconds: number,
): Promise<boolean[]> {
  if (rows.length === 0) return [];
  const seen = new Set<string>();
  const unique = rows.filter((r) => !seen.has(r.responseId) && seen.add(r.responseId));
  const col = <T>(f: (r: SubmittedResponse) => T) => unique.map(f);
  const { rows: out } = await sql<{ response_id: string }>`
    with input as (
      select * from unnest(${col((r) => r.responseId)}::text[], ${col((r) => r.fiscalYear)}::int[],
        ${col((r) => r.agencyCode)}::text[], ${col((r) => r.tool)}::text[],
        ${col((r) => arrayLiteral(r.answers))}::text[], ${col((r) => r.gender)}::text[],
        ${col((r) => r.ageBand)}::text[], ${col((r) => r.education)}::text[],
        ${col((r) => r.contactType)}::text[], ${col((r) => r.submittedOn)}::text[],
        ${col((r) => r.job.kind)}::text[], ${col((r) => r.job.key)}::text[],
        ${col((r) => JSON.stringify(r.job.payload ?? {}))}::text[],
        ${col((r) => r.fingerprint)}::text[], ${col((r) => r.sameColumn)}::bool[])
        as r(id, fy, agency, tool, answers, gender, age_band, education, contact_type,
          submitted_on, job_kind, job_key, job_payload, fp, same_column)),
    ins as (
      insert into responses (response_id, fiscal_year, agency_code, tool, answers,
        gender, age_band, education, contact_type, submitted_on)
      select id, fy, agency, tool, answers::smallint[], gender, age_band, education,
        contact_type, submitted_on::date
      from input
      on conflict (response_id) do nothing
      returning response_id),
    fresh as (select i.* from input i join ins on ins.response_id = i.id),
    job as (
      insert into jobs (kind, key, payload, run_after)
      select distinct on (job_kind, job_key) job_kind, job_key, job_payload::jsonb,
        now() + make_interval(secs => ${delaySeconds}::float8)
      from fresh order by job_kind, job_key
      on conflict (kind, key) where key is not null and locked_until is null and failed_at is null
      do nothing),
    fp_in as (
      select fy, agency, tool, fp, count(*)::int as k from fresh group by fy, agency, tool, fp),
    fp as (
      insert into survey_fingerprints (fiscal_year, agency_code, tool, fingerprint, seen)
      select fy, agency, tool, fp, k from fp_in order by fy, agency, tool, fp
      on conflict (fiscal_year, agency_code, tool, fingerprint)
      do update set seen = survey_fingerprints.seen + excluded.seen
      returning fiscal_year, agency_code, tool, fingerprint, seen),
    flags as (
      -- k sightings taking the count to "seen": every one but a very first is a repeat.
      select fp.fiscal_year, fp.agency_code, fp.tool, 'identical_answers'::text as kind,
        least(fp_in.k, fp.seen - 1) as n
      from fp join fp_in on fp_in.fy = fp.fiscal_year and fp_in.agency = fp.agency_code
        and fp_in.tool = fp.tool and fp_in.fp = fp.fingerprint
      union all
      select fy, agency, tool, 'same_column', count(*)::int from fresh where same_column
      group by fy, agency, tool),
    anomalies as (
      insert into survey_anomalies (fiscal_year, agency_code, tool, kind, occurrences)
      select fiscal_year, agency_code, tool, kind, sum(n)::int from flags where n > 0
      group by fiscal_year, agency_code, tool, kind
      order by fiscal_year, agency_code, tool, kind
      on conflict (fiscal_year, agency_code, tool, kind)
      do update set occurrences = survey_anomalies.occurrences + excluded.occurrences)
    select response_id from ins`.execute(db);
  const created = new Set(out.map((r) => r.response_id));
  return rows.map((r) => created.delete(r.responseId));
}

/** Response ids among these that are already stored (to tell "created" from "already there"). */
export async function existingResponseIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('responses')
    .select('response_id')
    .where('response_id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.response_id));
}

/**
 * Recounts answers and respondents of these agencies only, from their responses: a new response
 * never rescans the year. Rows of items no longer answered disappear (delete, then insert).
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
    group by r.fiscal_year, r.agency_code, r.tool, u.ord
    on conflict (fiscal_year, agency_code, tool, item) do update
      set c1 = excluded.c1, c2 = excluded.c2, c3 = excluded.c3, c4 = excluded.c4`.execute(db);
  await sql`delete from respondent_counts
    where fiscal_year = ${fiscalYear} and agency_code = any(${agencyCodes}::text[])`.execute(db);
  await sql`insert into respondent_counts (fiscal_year, agency_code, tool, n)
    select fiscal_year, agency_code, tool, count(*)::int from responses
    where fiscal_year = ${fiscalYear} and agency_code = any(${agencyCodes}::text[])
    group by fiscal_year, agency_code, tool
    on conflict (fiscal_year, agency_code, tool) do update set n = excluded.n`.execute(db);
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
 * Refreshes the planner's statistics of the count tables. Right after a bulk import they are
 * missing, and the per-batch reads (agency_code = any(…)) then fall back to scanning the year
 * once per batch; a sampled ANALYZE takes well under a second even at national scale.
 */
export async function analyzeCountTables(db: Db): Promise<void> {
  await sql`analyze answer_counts, respondent_counts, oit_entries`.execute(db);
}

/** Agencies with any response or OIT entry in the year, in code order. */
export async function agenciesWithData(db: Db, fiscalYear: number): Promise<string[]> {
  const { rows } = await sql<{ agency_code: string }>`
    select agency_code from respondent_counts where fiscal_year = ${fiscalYear}
    union
    select agency_code from oit_entries where fiscal_year = ${fiscalYear} and is_current
    order by agency_code`.execute(db);
  return rows.map((r) => r.agency_code);
}

/** Every agency code in the register (imports check rows against it). */
export async function loadAgencyCodes(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('agencies').select('code').execute();
  return new Set(rows.map((r) => r.code));
}
