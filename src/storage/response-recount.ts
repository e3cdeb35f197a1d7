// Counts read in bulk: many agencies' answer and respondent counts from one read of their
// responses per range of agency codes, each agency's answers as one text tallied here: what
// `itas compute` checks the stored counts against. What the SQL `recountAgencies` stores, at a
// fraction of its cost for thousands of agencies.
import { sql } from 'kysely';
import type { Db } from './database.ts';
import type { AgencyCounts } from './response.repository.ts';

/** The tally's scratch counts, zeroed after each use (grown when a text has more positions). */
let tallies = new Int32Array(4 * 128);

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
  // counts[4 * position + value - 1]; the text is read once, a character at a time, since it
  // holds every answer of the agency (of the year, in a compute).
  let counts = tallies;
  let top = -1;
  let pos = 0;
  let value = 0;
  // 0: no digit since the last separator; 1: digits; 2: a '-' or a digit past a valid answer.
  let state = 0;
  for (let i = 0, len = text.length; i <= len; i++) {
    const ch = i < len ? text.charCodeAt(i) : 59;
    if (ch === 44 /* , */ || ch === 59 /* ; */) {
      if (state === 1 && value >= 1 && value <= 4) {
        const k = 4 * pos + value - 1;
        if (k >= counts.length) {
          const grown = new Int32Array(Math.max(2 * counts.length, k + 4));
          grown.set(counts);
          counts = tallies = grown;
        }
        counts[k]!++;
        if (k > top) top = k;
      }
      value = 0;
      state = 0;
      pos = ch === 44 ? pos + 1 : 0;
    } else if (state !== 2) {
      if (ch === 45 /* - */) state = 2;
      else {
        value = value * 10 + (ch - 48);
        state = value > 4 ? 2 : 1;
      }
    }
  }
  const rows: number[][] = [];
  for (let p = 0; 4 * p <= top; p++) {
    const c1 = counts[4 * p]!;
    const c2 = counts[4 * p + 1]!;
    const c3 = counts[4 * p + 2]!;
    const c4 = counts[4 * p + 3]!;
    if (c1 + c2 + c3 + c4) rows.push([p + 1, c1, c2, c3, c4]);
  }
  counts.fill(0, 0, top + 1);
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
