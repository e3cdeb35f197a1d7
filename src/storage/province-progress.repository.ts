// Reads the figures the province's progress board and planner need, over the counts, survey and
// OIT tables (written by those capabilities; read-only here). Score cards and published results
// come through the results read model (year-results.repository.ts).
import { sql } from 'kysely';
import type { Db } from './database.ts';

export interface AgencyProgressFacts {
  respondents: Map<string, { IIT: number; EIT: number }>;
  populations: Map<string, { iit: number | null; eit: number | null }>;
  oitSubmitted: Map<string, number>;
  reviewStatus: Map<string, string>;
}

export async function loadProgressFacts(
  db: Db,
  fiscalYear: number,
  codes: readonly string[],
): Promise<AgencyProgressFacts> {
  const facts: AgencyProgressFacts = {
    respondents: new Map(),
    populations: new Map(),
    oitSubmitted: new Map(),
    reviewStatus: new Map(),
  };
  if (!codes.length) return facts;
  const list = [...codes];
  const resp = await db
    .selectFrom('respondent_counts')
    .select(['agency_code', 'tool', 'n'])
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', 'in', list)
    .execute();
  for (const r of resp) {
    const cur = facts.respondents.get(r.agency_code) ?? { IIT: 0, EIT: 0 };
    if (r.tool === 'IIT' || r.tool === 'EIT') cur[r.tool] = r.n;
    facts.respondents.set(r.agency_code, cur);
  }
  const targets = await db
    .selectFrom('survey_targets')
    .select(['agency_code', 'iit_population', 'eit_population'])
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', 'in', list)
    .execute();
  for (const t of targets)
    facts.populations.set(t.agency_code, { iit: t.iit_population, eit: t.eit_population });
  // Submitted = the agency has sent it for review at least once (any state past draft).
  const oit = await db
    .selectFrom('oit_entries')
    .select(['agency_code', sql<number>`count(*)::int`.as('n')])
    .where('fiscal_year', '=', fiscalYear)
    .where('is_current', '=', true)
    .where('status', '!=', 'draft')
    .where('agency_code', 'in', list)
    .groupBy('agency_code')
    .execute();
  for (const o of oit) facts.oitSubmitted.set(o.agency_code, o.n);
  const states = await db
    .selectFrom('oit_agency_states')
    .select(['agency_code', 'status'])
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', 'in', list)
    .execute();
  for (const s of states) facts.reviewStatus.set(s.agency_code, s.status);
  return facts;
}

/** Item-level results of agencies: answer counts by column index, respondents, OIT scores. */
export async function loadItemResults(db: Db, fiscalYear: number, codes: readonly string[]) {
  const out = new Map<
    string,
    {
      counts: { tool: 'IIT' | 'EIT'; item: number; c: number[] }[];
      respondents: { IIT: number; EIT: number };
      oit: Record<string, number>;
    }
  >();
  if (!codes.length) return out;
  const list = [...codes];
  const get = (code: string) => {
    let v = out.get(code);
    if (!v) {
      v = { counts: [], respondents: { IIT: 0, EIT: 0 }, oit: {} };
      out.set(code, v);
    }
    return v;
  };
  const counts = await db
    .selectFrom('answer_counts')
    .selectAll()
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', 'in', list)
    .execute();
  for (const c of counts)
    get(c.agency_code).counts.push({ tool: c.tool, item: c.item, c: [c.c1, c.c2, c.c3, c.c4] });
  const resp = await db
    .selectFrom('respondent_counts')
    .selectAll()
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', 'in', list)
    .execute();
  for (const r of resp)
    if (r.tool === 'IIT' || r.tool === 'EIT') get(r.agency_code).respondents[r.tool] = r.n;
  const oit = await db
    .selectFrom('oit_entries')
    .select(['agency_code', 'item', 'score'])
    .where('fiscal_year', '=', fiscalYear)
    .where('is_current', '=', true)
    .where('score', 'is not', null)
    .where('agency_code', 'in', list)
    .execute();
  for (const o of oit) if (o.score !== null) get(o.agency_code).oit[o.item] = o.score;
  return out;
}

/** Whether the agency has any stored response in the year. */
export async function hasResponses(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('responses')
    .select('response_id')
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', '=', agencyCode)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
