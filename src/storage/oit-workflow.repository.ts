// OIT workflow state per agency (with its append-only history), full entry histories, link-check
// findings, and the progress figures auditors and exports list.
import { sql } from 'kysely';
import type { Db } from './database.ts';
import type { OitStatus } from '../domain/oit/workflow.ts';

export interface OitAgencyState {
  status: OitStatus;
  reviewStartedAt: Date | null;
  changedBy: string;
  changedAt: Date;
}

export async function findOitState(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
  forUpdate = false,
): Promise<OitAgencyState | undefined> {
  let q = db
    .selectFrom('oit_agency_states')
    .select(['status', 'review_started_at', 'changed_by', 'changed_at'])
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', '=', agencyCode);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r
    ? {
        status: r.status,
        reviewStartedAt: r.review_started_at,
        changedBy: r.changed_by,
        changedAt: r.changed_at,
      }
    : undefined;
}

/** Sets an agency's state and appends the change to its history. */
export async function saveOitState(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
  change: { status: OitStatus; action: string; changedBy: string; reviewStarted?: boolean },
): Promise<void> {
  await db
    .insertInto('oit_agency_states')
    .values({
      fiscal_year: fiscalYear,
      agency_code: agencyCode,
      status: change.status,
      changed_by: change.changedBy,
      review_started_at: change.reviewStarted ? sql<Date>`now()` : null,
    })
    .onConflict((oc) =>
      oc.columns(['fiscal_year', 'agency_code']).doUpdateSet({
        status: change.status,
        changed_by: change.changedBy,
        changed_at: sql<Date>`now()`,
        ...(change.reviewStarted ? { review_started_at: sql<Date>`now()` } : {}),
      }),
    )
    .execute();
  await db
    .insertInto('oit_agency_events')
    .values({
      fiscal_year: fiscalYear,
      agency_code: agencyCode,
      status: change.status,
      action: change.action,
      changed_by: change.changedBy,
    })
    .execute();
}

export interface OitEvent {
  status: OitStatus;
  action: string;
  changedBy: string;
  changedAt: Date;
}

export async function listOitEvents(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
): Promise<OitEvent[]> {
  const rows = await db
    .selectFrom('oit_agency_events')
    .select(['status', 'action', 'changed_by', 'changed_at'])
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', '=', agencyCode)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    status: r.status,
    action: r.action,
    changedBy: r.changed_by,
    changedAt: r.changed_at,
  }));
}

export interface OitVersion {
  item: string;
  version: number;
  isCurrent: boolean;
  status: OitStatus;
  answer: 'has' | 'has_not' | 'not_applicable' | null;
  urls: string[];
  note: string | null;
  score: number | null;
  comment: string | null;
  dispute: string | null;
  source: string;
  changedBy: string;
  changedAt: Date;
}

/** Every version of every item of one agency, oldest first. */
export async function listOitVersions(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
): Promise<OitVersion[]> {
  const rows = await db
    .selectFrom('oit_entries')
    .selectAll()
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', '=', agencyCode)
    .orderBy('item')
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    item: r.item,
    version: r.version,
    isCurrent: r.is_current,
    status: r.status,
    answer: r.answer,
    urls: r.urls,
    note: r.note,
    score: r.score,
    comment: r.comment,
    dispute: r.dispute,
    source: r.source,
    changedBy: r.changed_by,
    changedAt: r.changed_at,
  }));
}

export interface LinkCheckRow {
  item: string;
  url: string;
  reason: string;
  checkedAt: Date;
  httpStatus: number | null;
  finalUrl: string | null;
  contentType: string | null;
  title: string | null;
  sizeBytes: number | null;
  contentHash: string | null;
  durationMs: number;
  error: string | null;
  flags: string[];
}

export async function insertLinkChecks(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
  rows: Omit<LinkCheckRow, 'checkedAt'>[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('oit_link_checks')
    .values(
      rows.map((r) => ({
        fiscal_year: fiscalYear,
        agency_code: agencyCode,
        item: r.item,
        url: r.url,
        reason: r.reason,
        http_status: r.httpStatus,
        final_url: r.finalUrl,
        content_type: r.contentType,
        title: r.title,
        size_bytes: r.sizeBytes,
        content_hash: r.contentHash,
        duration_ms: r.durationMs,
        error: r.error,
        flags: r.flags,
      })),
    )
    .execute();
}

/** The newest finding per (item, URL) of one agency. */
export async function latestLinkChecks(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
): Promise<LinkCheckRow[]> {
  const { rows } = await sql<{
    item: string;
    url: string;
    reason: string;
    checked_at: Date;
    http_status: number | null;
    final_url: string | null;
    content_type: string | null;
    title: string | null;
    size_bytes: number | null;
    content_hash: string | null;
    duration_ms: number;
    error: string | null;
    flags: string[];
  }>`select distinct on (item, url) item, url, reason, checked_at, http_status, final_url,
      content_type, title, size_bytes, content_hash, duration_ms, error, flags
    from oit_link_checks where fiscal_year = ${fiscalYear} and agency_code = ${agencyCode}
    order by item, url, id desc`.execute(db);
  return rows.map((r) => ({
    item: r.item,
    url: r.url,
    reason: r.reason,
    checkedAt: new Date(r.checked_at),
    httpStatus: r.http_status,
    finalUrl: r.final_url,
    contentType: r.content_type,
    title: r.title,
    sizeBytes: r.size_bytes,
    contentHash: r.content_hash,
    durationMs: r.duration_ms,
    error: r.error,
    flags: r.flags,
  }));
}

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

/**
 * Agencies whose every current item was imported as confirmed (`itas import oit`) but which have
 * no workflow state yet get the state 'confirmed', so screens and exports agree with the import.
 */
export async function markImportedConfirmed(
  db: Db,
  fiscalYear: number,
  changedBy: string,
): Promise<number> {
  const { rows } = await sql<{ agency_code: string }>`
    insert into oit_agency_states (fiscal_year, agency_code, status, changed_by)
    select ${fiscalYear}::int, e.agency_code, 'confirmed', ${changedBy}
    from oit_entries e
    where e.fiscal_year = ${fiscalYear} and e.is_current
      and not exists (select 1 from oit_agency_states s
        where s.fiscal_year = e.fiscal_year and s.agency_code = e.agency_code)
    group by e.agency_code
    having bool_and(e.status = 'confirmed')
    returning agency_code`.execute(db);
  if (rows.length)
    await sql`insert into oit_agency_events (fiscal_year, agency_code, status, action, changed_by)
      select ${fiscalYear}::int, code, 'confirmed', 'import', ${changedBy}
      from unnest(${rows.map((r) => r.agency_code)}::text[]) as code`.execute(db);
  return rows.length;
}
