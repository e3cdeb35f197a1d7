// Versioned OIT entries: every change inserts a new version and retires the current one.
import { sql, type Selectable } from 'kysely';
import type { Db } from './database.ts';
import type { OitEntryTable } from './schema.ts';
import type { OitEntry, OitValues } from '../domain/oit/sheet.ts';

export type { OitEntry, OitValues } from '../domain/oit/sheet.ts';

/** An entry with whether it is the current version (an agency's history). */
export interface OitVersion extends OitEntry {
  isCurrent: boolean;
}

/** The one mapper of an `oit_entries` row. */
function toOitEntry(r: Selectable<OitEntryTable>): OitEntry {
  return {
    id: String(r.id),
    agencyCode: r.agency_code,
    item: r.item,
    version: r.version,
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
  };
}

const toOitVersion = (r: Selectable<OitEntryTable>): OitVersion => ({
  ...toOitEntry(r),
  isCurrent: r.is_current,
});

const sameValues = (a: OitValues, b: OitValues) =>
  a.status === b.status &&
  a.answer === b.answer &&
  a.note === b.note &&
  a.score === b.score &&
  a.comment === b.comment &&
  a.dispute === b.dispute &&
  a.urls.length === b.urls.length &&
  a.urls.every((u, i) => u === b.urls[i]);

/** Current entries of these agencies in the year. */
export async function loadCurrentOit(
  db: Db,
  fiscalYear: number,
  agencyCodes?: string[],
): Promise<OitEntry[]> {
  let q = db
    .selectFrom('oit_entries')
    .selectAll()
    .where('fiscal_year', '=', fiscalYear)
    .where('is_current', '=', true);
  if (agencyCodes) {
    if (agencyCodes.length === 0) return [];
    q = q.where('agency_code', 'in', agencyCodes);
  }
  const rows = await q.orderBy('agency_code').orderBy('item').execute();
  return rows.map(toOitEntry);
}

/**
 * Agencies (of these, or all) whose OIT of the year is confirmed: a workflow state, where there
 * is one, of 'confirmed', and every current item confirmed (an import of reviewed scores has no
 * workflow state and is confirmed item by item). The one rule behind score cards and visibility.
 */
export async function confirmedOitAgencies(
  db: Db,
  fiscalYear: number,
  agencyCodes?: string[],
): Promise<Set<string>> {
  if (agencyCodes?.length === 0) return new Set();
  const { rows } = await sql<{ agency_code: string }>`
    select e.agency_code from oit_entries e
    where e.fiscal_year = ${fiscalYear} and e.is_current
      ${agencyCodes ? sql`and e.agency_code = any(${agencyCodes}::text[])` : sql``}
      and not exists (select 1 from oit_agency_states s where s.fiscal_year = e.fiscal_year
        and s.agency_code = e.agency_code and s.status <> 'confirmed')
    group by e.agency_code
    having bool_and(e.status = 'confirmed')`.execute(db);
  return new Set(rows.map((r) => r.agency_code));
}

/**
 * Confirmed OIT item scores per agency (of these, or all): only agencies whose OIT is confirmed
 * (confirmedOitAgencies). A preliminary score during review never reaches a score card.
 */
export async function loadOitScores(
  db: Db,
  fiscalYear: number,
  agencyCodes?: string[],
): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  if (agencyCodes?.length === 0) return out;
  const confirmed = await confirmedOitAgencies(db, fiscalYear, agencyCodes);
  if (confirmed.size === 0) return out;
  const { rows } = await sql<{ agency_code: string; scores: string }>`
    select agency_code, json_object_agg(item, score)::text as scores from oit_entries
    where fiscal_year = ${fiscalYear} and is_current and score is not null
      and agency_code = any(${[...confirmed]}::text[])
    group by agency_code`.execute(db);
  for (const r of rows) out.set(r.agency_code, JSON.parse(r.scores) as Record<string, number>);
  return out;
}

/**
 * Saves entries as new versions where they differ from the current one (unchanged ones are
 * skipped, so a re-import writes nothing). Returns the agencies that changed.
 */
export async function saveOitVersions(
  db: Db,
  fiscalYear: number,
  entries: OitValues[],
  source: 'import' | 'agency' | 'auditor',
  changedBy: string,
): Promise<{ changed: number; agencies: string[] }> {
  if (entries.length === 0) return { changed: 0, agencies: [] };
  const agencies = [...new Set(entries.map((e) => e.agencyCode))];
  const current = new Map(
    (await loadCurrentOit(db, fiscalYear, agencies)).map((e) => [`${e.agencyCode}\t${e.item}`, e]),
  );
  const changed: { e: OitValues; version: number; oldId: string | null }[] = [];
  for (const e of entries) {
    const cur = current.get(`${e.agencyCode}\t${e.item}`);
    if (cur && sameValues(cur, e)) continue;
    changed.push({ e, version: (cur?.version ?? 0) + 1, oldId: cur?.id ?? null });
  }
  if (changed.length === 0) return { changed: 0, agencies: [] };
  const oldIds = changed.flatMap((c) => (c.oldId ? [c.oldId] : []));
  if (oldIds.length)
    await sql`update oit_entries set is_current = false where id = any(${oldIds}::bigint[])`.execute(
      db,
    );
  const col = <T>(f: (c: (typeof changed)[number]) => T) => changed.map(f);
  await sql`insert into oit_entries (fiscal_year, agency_code, item, version, is_current, status,
      answer, urls, note, score, comment, dispute, source, changed_by)
    select ${fiscalYear}::int, r.agency, r.item, r.version, true, r.status, r.answer,
      r.urls::text[], r.note, r.score, r.comment, r.dispute, ${source}, ${changedBy}
    from unnest(${col((c) => c.e.agencyCode)}::text[], ${col((c) => c.e.item)}::text[],
      ${col((c) => c.version)}::int[], ${col((c) => c.e.status)}::text[],
      ${col((c) => c.e.answer)}::text[], ${col((c) => toTextArrayLiteral(c.e.urls))}::text[],
      ${col((c) => c.e.note)}::text[], ${col((c) => c.e.score)}::smallint[],
      ${col((c) => c.e.comment)}::text[], ${col((c) => c.e.dispute)}::text[])
      as r(agency, item, version, status, answer, urls, note, score, comment, dispute)`.execute(db);
  return { changed: changed.length, agencies: [...new Set(changed.map((c) => c.e.agencyCode))] };
}

function toTextArrayLiteral(a: string[]): string {
  return `{${a.map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
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
  return rows.map(toOitVersion);
}
