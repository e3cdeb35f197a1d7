// Stores survey submissions in batches: rate-limit counters, single-use access codes, responses,
// recompute jobs and anomaly counts, all in one statement (one round trip, one commit, atomic).
// A submission's fate depends on the counters' totals, so deciding and storing happen together
// in the database; several processes batching at once still get exact limits (row locks).
import { sql } from 'kysely';
import type { Db } from './database.ts';
import { prepared } from './prepared-statements.ts';
import { arrayLiteral, type ResponseRow } from './response.repository.ts';

/** One fixed-window counter a submission adds a hit to. */
export interface CounterHit {
  bucket: string;
  windowStart: number;
  expiresAt: Date;
}

/** What the abuse guard asks of one submission; the database decides with the totals. */
export interface AdmissionTicket {
  /** Refused when the network's hits in the window exceed `max`. */
  network: CounterHit & { max: number };
  /** Refused when the link's hits in the window exceed `max`. */
  link: CounterHit & { max: number };
  /** Flagged "network_burst" (once) when the agency's hits from the network reach `flagAt`. */
  burst: CounterHit & { flagAt: number };
  /** A single-use IIT code (its hash) to consume; refused when unknown or already used. */
  accessCodeHash?: string;
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

export interface Submission {
  response: SubmittedResponse;
  /** Absent when the caller is trusted (nothing is counted); the survey paths always send one. */
  ticket?: AdmissionTicket;
}

export type SubmissionOutcome =
  | { stored: true; created: boolean }
  | { stored: false; refused: 'network' | 'link'; retryAt: Date }
  | { stored: false; refused: 'access_code' };

// Never matches a code hash (hex): a later submission in the same batch reusing a code loses.
const SPENT = '-spent-';

/**
 * Stores a batch of submissions in order. For each: hits are added to its counters (every
 * submission counts, admitted or not) and it is admitted while the totals it would have seen
 * alone, as if the batch came one by one, stay within the limits; its access code, if any, is
 * consumed; then the response is stored unless its id already is (idempotent), with one
 * coalesced job per key and the anomaly counts it raises: an answer set seen before in the
 * agency counts once per repeat, straight-lining once per response, a network burst once when
 * the agency's count from the network reaches its threshold. A repeated id within the batch is
 * new only the first time.
 */
export async function storeSubmissions(
  db: Db,
  batch: Submission[],
  delaySeconds: number,
): Promise<SubmissionOutcome[]> {
  if (batch.length === 0) return [];
  // Hits per (bucket, window) in the batch, and each submission's place among them: its total
  // is the counter's new total minus the batch's hits plus its place.
  const adds = new Map<string, CounterHit & { n: number }>();
  const offset = (h: CounterHit | undefined): number | null => {
    if (!h) return null;
    const k = `${h.bucket}@${h.windowStart}`;
    const a = adds.get(k) ?? { ...h, n: 0 };
    a.n++;
    adds.set(k, a);
    return a.n;
  };
  const places = batch.map(({ ticket: t }) => [
    offset(t?.network),
    offset(t?.link),
    offset(t?.burst),
  ]);
  const off = (h: CounterHit | undefined, place: number | null | undefined) =>
    h && place != null ? place - adds.get(`${h.bucket}@${h.windowStart}`)!.n : null;
  const seenIds = new Set<string>();
  const seenCodes = new Set<string>();
  const rows = batch.map(({ response: r, ticket: t }, idx) => {
    const [np, lp, bp] = places[idx]!;
    const code = t?.accessCodeHash;
    const firstCode = code === undefined || !seenCodes.has(code);
    if (code !== undefined) seenCodes.add(code);
    const store = !seenIds.has(r.responseId);
    seenIds.add(r.responseId);
    return {
      r,
      t,
      idx,
      np: off(t?.network, np),
      lp: off(t?.link, lp),
      bp: off(t?.burst, bp),
      code: firstCode ? code : SPENT,
      store,
    };
  });
  type Row = (typeof rows)[number];
  const col = <T>(f: (x: Row) => T) => rows.map(f);
  // Sorted so concurrent batches from several processes lock counter rows in one order.
  const counters = [...adds.values()].sort((a, b) =>
    a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : a.windowStart - b.windowStart,
  );
  const { rows: out } = await sql<{
    idx: number;
    net_seen: number | null;
    link_seen: number | null;
    code_ok: boolean;
    inserted: boolean;
  }>`${prepared('store_submissions')}
    with adds as (
      select * from unnest(${counters.map((c) => c.bucket)}::text[],
        ${counters.map((c) => c.windowStart)}::bigint[], ${counters.map((c) => c.n)}::int[],
        ${counters.map((c) => c.expiresAt.toISOString())}::timestamptz[]) as a(b, w, n, e)),
    counters as (
      insert into survey_counters (bucket, window_start, hits, expires_at)
      select b, w, n, e from adds order by b, w
      on conflict (bucket, window_start) do update set hits = survey_counters.hits + excluded.hits
      returning bucket, window_start, hits),
    input as (
      select * from unnest(${col((x) => x.idx)}::int[], ${col((x) => x.r.responseId)}::text[],
        ${col((x) => x.r.fiscalYear)}::int[], ${col((x) => x.r.agencyCode)}::text[],
        ${col((x) => x.r.tool)}::text[], ${col((x) => arrayLiteral(x.r.answers))}::text[],
        ${col((x) => x.r.gender)}::text[], ${col((x) => x.r.ageBand)}::text[],
        ${col((x) => x.r.education)}::text[], ${col((x) => x.r.contactType)}::text[],
        ${col((x) => x.r.submittedOn)}::text[], ${col((x) => x.store)}::bool[],
        ${col((x) => x.r.job.kind)}::text[], ${col((x) => x.r.job.key)}::text[],
        ${col((x) => JSON.stringify(x.r.job.payload ?? {}))}::text[],
        ${col((x) => x.r.fingerprint)}::text[], ${col((x) => x.r.sameColumn)}::bool[],
        ${col((x) => x.t?.network.bucket ?? null)}::text[],
        ${col((x) => x.t?.network.windowStart ?? null)}::bigint[], ${col((x) => x.np)}::int[],
        ${col((x) => x.t?.network.max ?? null)}::int[],
        ${col((x) => x.t?.link.bucket ?? null)}::text[],
        ${col((x) => x.t?.link.windowStart ?? null)}::bigint[], ${col((x) => x.lp)}::int[],
        ${col((x) => x.t?.link.max ?? null)}::int[],
        ${col((x) => x.t?.burst.bucket ?? null)}::text[],
        ${col((x) => x.t?.burst.windowStart ?? null)}::bigint[], ${col((x) => x.bp)}::int[],
        ${col((x) => x.t?.burst.flagAt ?? null)}::int[], ${col((x) => x.code ?? null)}::text[])
        as r(idx, id, fy, agency, tool, answers, gender, age_band, education, contact_type,
          submitted_on, store, job_kind, job_key, job_payload, fp, same_column,
          net_b, net_w, net_off, net_max, link_b, link_w, link_off, link_max,
          burst_b, burst_w, burst_off, burst_at, access_hash)),
    judged as (
      select i.*, cn.hits + i.net_off as net_seen, cl.hits + i.link_off as link_seen,
        cb.hits + i.burst_off as burst_seen
      from input i
      left join counters cn on cn.bucket = i.net_b and cn.window_start = i.net_w
      left join counters cl on cl.bucket = i.link_b and cl.window_start = i.link_w
      left join counters cb on cb.bucket = i.burst_b and cb.window_start = i.burst_w),
    admitted as (
      select * from judged
      where net_b is null or (net_seen <= net_max and link_seen <= link_max)),
    codes as (
      update survey_access_codes c set used = true
      from admitted a
      where a.access_hash is not null and c.code_hash = a.access_hash
        and c.fiscal_year = a.fy and c.agency_code = a.agency and not c.used
      returning c.code_hash),
    accepted as (
      select * from admitted
      where access_hash is null or access_hash in (select code_hash from codes)),
    ins as (
      insert into responses (response_id, fiscal_year, agency_code, tool, answers,
        gender, age_band, education, contact_type, submitted_on)
      select id, fy, agency, tool, answers::smallint[], gender, age_band, education,
        contact_type, submitted_on::date
      from accepted where store order by idx
      on conflict (response_id) do nothing
      returning response_id),
    fresh as (select a.* from accepted a join ins on ins.response_id = a.id where a.store),
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
      group by fy, agency, tool
      union all
      select fy, agency, tool, 'network_burst', count(*)::int from judged
      where burst_seen = burst_at group by fy, agency, tool),
    anomalies as (
      insert into survey_anomalies (fiscal_year, agency_code, tool, kind, occurrences)
      select fiscal_year, agency_code, tool, kind, sum(n)::int from flags where n > 0
      group by fiscal_year, agency_code, tool, kind
      order by fiscal_year, agency_code, tool, kind
      on conflict (fiscal_year, agency_code, tool, kind)
      do update set occurrences = survey_anomalies.occurrences + excluded.occurrences)
    select j.idx, j.net_seen, j.link_seen,
      (j.access_hash is null or j.access_hash in (select code_hash from codes)) as code_ok,
      (j.store and j.id in (select response_id from ins)) as inserted
    from judged j order by j.idx`.execute(db);
  return out.map((o, i): SubmissionOutcome => {
    const t = batch[i]!.ticket;
    if (t && Number(o.net_seen) > t.network.max)
      return { stored: false, refused: 'network', retryAt: t.network.expiresAt };
    if (t && Number(o.link_seen) > t.link.max)
      return { stored: false, refused: 'link', retryAt: t.link.expiresAt };
    if (!o.code_ok) return { stored: false, refused: 'access_code' };
    return { stored: true, created: o.inserted };
  });
}
