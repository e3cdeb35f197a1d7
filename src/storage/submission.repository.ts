// Survey submissions, decided and followed up in batches, in transactions that never touch
// `responses` (ADR 0007): `admitSubmissions` adds the rate-limit hits, admits each submission
// and spends its single-use code (deleting the code's row); the response itself is stored by
// `insertResponses` alone; the follow-up of stored responses (recompute marks, anomaly counts)
// then rides in the next admission's statement (`recordStored` alone when none comes). A
// submission's fate depends on the counters' totals, so deciding happens in the database;
// several processes batching at once still get exact limits (row locks).
import { sql } from 'kysely';
import type { Db } from './database.ts';
import { prepared } from './prepared-statements.ts';

/**
 * One counter a submission adds a hit to: its key (an HMAC of what is counted and its fixed
 * window, so one key is one window) and its Thailand day. Nothing finer than the day is stored.
 */
export interface CounterHit {
  bucket: string;
  day: string;
}

/** What the abuse guard asks of one submission; the database decides with the totals. */
export interface AdmissionTicket {
  /** Refused when the network's hits in the window exceed `max` (until `retryAt`, not stored). */
  network: CounterHit & { max: number; retryAt: Date };
  /** Refused when the link's hits in the window exceed `max` (until `retryAt`, not stored). */
  link: CounterHit & { max: number; retryAt: Date };
  /** Flagged "network_burst" (once) when the agency's hits from the network reach `flagAt`. */
  burst: CounterHit & { flagAt: number };
  /** A single-use IIT code (its hash) to consume; refused when unknown or already used. */
  accessCodeHash?: string;
}

/** What admission needs to know of one submission (never its answers). */
export interface AdmissionRequest {
  responseId: string;
  fiscalYear: number;
  agencyCode: string;
  tool: 'IIT' | 'EIT';
  /** Absent when the caller is trusted (nothing is counted); the survey paths always send one. */
  ticket?: AdmissionTicket;
}

export type Admission =
  /** Already stored (a replay): nothing counted against it, no code spent. */
  | { kind: 'known' }
  /** Admitted; its code, if it had one, is spent now (put it back if the response is not stored). */
  | { kind: 'admitted' }
  /** The same id earlier in this batch: decided with it. */
  | { kind: 'repeat'; of: number }
  | { kind: 'refused'; refused: 'network' | 'link'; retryAt: Date }
  | { kind: 'refused'; refused: 'access_code' };

// Never matches a code hash (hex): a later submission in the same batch reusing a code loses.
const SPENT = '-spent-';

/**
 * Admits a batch of submissions in order, in one statement (one transaction). For each: hits
 * are added to its counters (every submission counts, admitted or not) and it is admitted while
 * the totals it would have seen alone, as if the batch came one by one, stay within the limits;
 * an id already stored is a replay (admitted as "known", spending nothing); an admitted
 * submission's single-use code is spent by deleting its row, so no row is left whose
 * transaction id sits next to the response's. A network burst is flagged once when the
 * agency's count from the network reaches its threshold. `followUp` (responses stored by
 * earlier batches, already committed) is recorded in the same transaction, saving one commit per
 * batch; it shares nothing with this batch's responses, which are not stored yet.
 */
export async function admitSubmissions(
  db: Db,
  batch: AdmissionRequest[],
  /** Earlier batches' stored responses to follow up in the same statement (`recordStored`). */
  followUp: readonly StoredResponse[] = [],
): Promise<Admission[]> {
  if (batch.length === 0) {
    await recordStored(db, followUp);
    return [];
  }
  // Hits per (bucket, window) in the batch, and each submission's place among them: its total
  // is the counter's new total minus the batch's hits plus its place.
  const adds = new Map<string, CounterHit & { n: number }>();
  const offset = (h: CounterHit | undefined): number | null => {
    if (!h) return null;
    const k = h.bucket;
    const a = adds.get(k) ?? { bucket: h.bucket, day: h.day, n: 0 };
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
    h && place != null ? place - adds.get(h.bucket)!.n : null;
  const firstOfId = new Map<string, number>();
  const seenCodes = new Set<string>();
  const rows = batch.map((r, idx) => {
    const t = r.ticket;
    const [np, lp, bp] = places[idx]!;
    const code = t?.accessCodeHash;
    const firstCode = code === undefined || !seenCodes.has(code);
    if (code !== undefined) seenCodes.add(code);
    const first = firstOfId.get(r.responseId);
    if (first === undefined) firstOfId.set(r.responseId, idx);
    return {
      r,
      t,
      idx,
      np: off(t?.network, np),
      lp: off(t?.link, lp),
      bp: off(t?.burst, bp),
      code: firstCode ? code : SPENT,
      first: first ?? idx,
    };
  });
  type Row = (typeof rows)[number];
  const col = <T>(f: (x: Row) => T) => rows.map(f);
  // Sorted so concurrent batches from several processes lock counter rows in one order.
  const counters = [...adds.values()].sort((a, b) =>
    a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0,
  );
  const { rows: out } = await sql<{
    idx: number;
    net_seen: number | null;
    link_seen: number | null;
    known: boolean;
    code_ok: boolean;
  }>`${prepared('admit_submissions')}
    with ${followUpSteps(followUp)},
    adds as (
      select * from unnest(${counters.map((c) => c.bucket)}::text[],
        ${counters.map((c) => c.n)}::int[], ${counters.map((c) => c.day)}::date[]) as a(b, n, d)),
    counters as (
      insert into survey_counters (bucket, hits, day)
      select b, n, d from adds order by b
      on conflict (bucket) do update set hits = survey_counters.hits + excluded.hits
      returning bucket, hits),
    input as (
      select * from unnest(${col((x) => x.idx)}::int[], ${col((x) => x.r.responseId)}::text[],
        ${col((x) => x.r.fiscalYear)}::int[], ${col((x) => x.r.agencyCode)}::text[],
        ${col((x) => x.r.tool)}::text[], ${col((x) => x.first === x.idx)}::bool[],
        ${col((x) => x.t?.network.bucket ?? null)}::text[], ${col((x) => x.np)}::int[],
        ${col((x) => x.t?.network.max ?? null)}::int[],
        ${col((x) => x.t?.link.bucket ?? null)}::text[], ${col((x) => x.lp)}::int[],
        ${col((x) => x.t?.link.max ?? null)}::int[],
        ${col((x) => x.t?.burst.bucket ?? null)}::text[], ${col((x) => x.bp)}::int[],
        ${col((x) => x.t?.burst.flagAt ?? null)}::int[], ${col((x) => x.code ?? null)}::text[])
        as r(idx, id, fy, agency, tool, is_first, net_b, net_off, net_max,
          link_b, link_off, link_max, burst_b, burst_off, burst_at, access_hash)),
    judged as (
      select i.*, cn.hits + i.net_off as net_seen, cl.hits + i.link_off as link_seen,
        cb.hits + i.burst_off as burst_seen,
        exists (select 1 from responses r where r.response_id = i.id) as known
      from input i
      left join counters cn on cn.bucket = i.net_b
      left join counters cl on cl.bucket = i.link_b
      left join counters cb on cb.bucket = i.burst_b),
    admitted as (
      select * from judged
      where is_first and not known and (net_b is null or (net_seen <= net_max and link_seen <= link_max))),
    codes as (
      delete from survey_access_codes c using admitted a
      where a.access_hash is not null and c.code_hash = a.access_hash
        and c.fiscal_year = a.fy and c.agency_code = a.agency
      returning c.code_hash),
    anomalies as (
      insert into survey_anomalies (fiscal_year, agency_code, tool, kind, occurrences)
      select fy, agency, tool, 'network_burst', count(*)::int from judged
      where burst_seen = burst_at
      group by fy, agency, tool order by fy, agency, tool
      on conflict (fiscal_year, agency_code, tool, kind)
      do update set occurrences = survey_anomalies.occurrences + excluded.occurrences)
    select j.idx, j.net_seen, j.link_seen, j.known,
      (j.access_hash is null or j.access_hash in (select code_hash from codes)) as code_ok
    from judged j order by j.idx`.execute(db);
  return out.map((o, i): Admission => {
    const row = rows[i]!;
    if (o.known) return { kind: 'known' };
    if (row.first !== i) return { kind: 'repeat', of: row.first };
    const t = row.t;
    if (t && Number(o.net_seen) > t.network.max)
      return { kind: 'refused', refused: 'network', retryAt: t.network.retryAt };
    if (t && Number(o.link_seen) > t.link.max)
      return { kind: 'refused', refused: 'link', retryAt: t.link.retryAt };
    if (!o.code_ok) return { kind: 'refused', refused: 'access_code' };
    return { kind: 'admitted' };
  });
}

/**
 * Puts spent codes back: their submissions were admitted but not stored (the write failed, or
 * the id was stored meanwhile by another process). A code is never lost to an answer that
 * does not exist, unless the process dies between the two transactions (ADR 0007).
 */
export async function restoreAccessCodes(
  db: Db,
  codes: { fiscalYear: number; agencyCode: string; hash: string }[],
): Promise<void> {
  if (codes.length === 0) return;
  await sql`insert into survey_access_codes (code_hash, fiscal_year, agency_code)
    select * from unnest(${codes.map((c) => c.hash)}::text[],
      ${codes.map((c) => c.fiscalYear)}::int[], ${codes.map((c) => c.agencyCode)}::text[])
    on conflict do nothing`.execute(db);
}

/** What follows a stored response, without its id: its agency and its anomaly fingerprint. */
export interface StoredResponse {
  fiscalYear: number;
  agencyCode: string;
  tool: 'IIT' | 'EIT';
  /** Hash of the answer set, counted per agency to flag identical sets; never linked to a row. */
  fingerprint: string;
  /** Every scaled answer in one column (straight-lining). */
  sameColumn: boolean;
}

/**
 * After responses are stored, in a transaction of its own: marks their agencies for a recompute
 * (no time, no count) and adds the anomaly counts they raise: an answer set seen before in the
 * agency counts once per repeat, straight-lining once per response.
 */
export async function recordStored(db: Db, stored: readonly StoredResponse[]): Promise<void> {
  if (stored.length === 0) return;
  await sql`${prepared('record_stored')}
    with ${followUpSteps(stored)}
    select 1`.execute(db);
}

/**
 * The follow-up as steps of a WITH clause (named fu_*), for `recordStored` alone or inside an
 * admission: recompute marks, identical answer sets and straight-lining. Its anomaly kinds are
 * never the admission's (network_burst), so the two never upsert the same row in one statement.
 */
function followUpSteps(stored: readonly StoredResponse[]) {
  const col = <T>(f: (x: StoredResponse) => T) => stored.map(f);
  return sql`fu_fresh as (
      select * from unnest(${col((x) => x.fiscalYear)}::int[], ${col((x) => x.agencyCode)}::text[],
        ${col((x) => x.tool)}::text[], ${col((x) => x.fingerprint)}::text[],
        ${col((x) => x.sameColumn)}::bool[]) as f(fy, agency, tool, fp, same_column)),
    fu_marks as (
      insert into recompute_marks (fiscal_year, agency_code)
      select distinct fy, agency from fu_fresh order by fy, agency
      on conflict do nothing),
    fu_fp_in as (
      select fy, agency, tool, fp, count(*)::int as k from fu_fresh group by fy, agency, tool, fp),
    fu_fp as (
      insert into survey_fingerprints (fiscal_year, agency_code, tool, fingerprint, seen)
      select fy, agency, tool, fp, k from fu_fp_in order by fy, agency, tool, fp
      on conflict (fiscal_year, agency_code, tool, fingerprint)
      do update set seen = survey_fingerprints.seen + excluded.seen
      returning fiscal_year, agency_code, tool, fingerprint, seen),
    fu_flags as (
      -- k sightings taking the count to "seen": every one but a very first is a repeat.
      select fp.fiscal_year, fp.agency_code, fp.tool, 'identical_answers'::text as kind,
        least(i.k, fp.seen - 1) as n
      from fu_fp fp join fu_fp_in i on i.fy = fp.fiscal_year and i.agency = fp.agency_code
        and i.tool = fp.tool and i.fp = fp.fingerprint
      union all
      select fy, agency, tool, 'same_column', count(*)::int from fu_fresh where same_column
      group by fy, agency, tool),
    fu_anomalies as (
      insert into survey_anomalies (fiscal_year, agency_code, tool, kind, occurrences)
      select fiscal_year, agency_code, tool, kind, sum(n)::int from fu_flags where n > 0
      group by fiscal_year, agency_code, tool, kind
      order by fiscal_year, agency_code, tool, kind
      on conflict (fiscal_year, agency_code, tool, kind)
      do update set occurrences = survey_anomalies.occurrences + excluded.occurrences)`;
}
