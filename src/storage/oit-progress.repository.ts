// The progress figures auditors, homes and exports list, and the auditors with their agencies.
import { sql } from 'kysely';
import type { Db } from './database.ts';
import type { OitStatus } from '../domain/oit/workflow.ts';

export interface OitProgressRow {
  code: string;
  nameTh: string;
  type: string;
  province: string | null;
  district: string | null;
  status: OitStatus | null;
  answered: number;
  scored: number;
  disputed: number;
  total: number | null;
}

/** Progress of agencies (by code, or by type and/or province) in a year. */
export async function listOitProgress(
  db: Db,
  fiscalYear: number,
  filter: { codes?: string[]; type?: string; province?: string },
): Promise<OitProgressRow[]> {
  if (filter.codes?.length === 0) return [];
  const { rows } = await sql<{
    code: string;
    name_th: string;
    type: string;
    province: string | null;
    district: string | null;
    status: OitStatus | null;
    answered: number;
    scored: number;
    disputed: number;
  }>`select a.code, a.name_th, a.type, a.province, a.district, s.status,
      coalesce(e.answered, 0)::int as answered, coalesce(e.scored, 0)::int as scored,
      coalesce(e.disputed, 0)::int as disputed
    from agencies a
    left join oit_agency_states s on s.agency_code = a.code and s.fiscal_year = ${fiscalYear}
    left join (
      select agency_code,
        count(*) filter (where answer in ('has_not', 'not_applicable') or (answer = 'has' and cardinality(urls) > 0)) as answered,
        count(*) filter (where score is not null) as scored,
        count(*) filter (where dispute is not null and status = 'clarification_requested') as disputed
      from oit_entries where fiscal_year = ${fiscalYear} and is_current group by agency_code
    ) e on e.agency_code = a.code
    where true
      ${filter.codes ? sql`and a.code = any(${filter.codes}::text[])` : sql``}
      ${filter.type ? sql`and a.type = ${filter.type}` : sql``}
      ${filter.province ? sql`and a.province = ${filter.province}` : sql``}`.execute(db);
  return rows.map((r) => ({
    code: r.code,
    nameTh: r.name_th,
    type: r.type,
    province: r.province,
    district: r.district,
    status: r.status,
    answered: r.answered,
    scored: r.scored,
    disputed: r.disputed,
    total: null,
  }));
}

/** Agency codes matching a type and/or province (for bulk assignment). */
export async function agencyCodesWhere(
  db: Db,
  filter: { type?: string; province?: string },
): Promise<string[]> {
  let q = db.selectFrom('agencies').select('code');
  if (filter.type) q = q.where('type', '=', filter.type);
  if (filter.province) q = q.where('province', '=', filter.province);
  return (await q.orderBy('code').execute()).map((r) => r.code);
}

/** Users holding the auditor role, with the agencies assigned to each. */
export async function listAuditors(
  db: Db,
): Promise<{ id: string; email: string; displayName: string; agencies: string[] }[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('role_grants', 'role_grants.user_id', 'users.id')
    .select(['users.id', 'users.email', 'users.display_name', 'role_grants.scope'])
    .where('role_grants.role', '=', 'auditor')
    .where('users.disabled', '=', false)
    .execute();
  const byId = new Map<
    string,
    { id: string; email: string; displayName: string; agencies: string[] }
  >();
  for (const r of rows) {
    const u = byId.get(r.id) ?? {
      id: r.id,
      email: r.email,
      displayName: r.display_name,
      agencies: [],
    };
    if (r.scope) u.agencies.push(r.scope);
    byId.set(r.id, u);
  }
  return [...byId.values()];
}
