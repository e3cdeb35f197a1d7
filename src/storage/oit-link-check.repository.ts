// Link-check findings of OIT URLs: every check appended, the newest per (item, URL) read.
import { sql } from 'kysely';
import type { LinkCheckFinding } from '../domain/oit/sheet.ts';
import type { Db } from './database.ts';

/** A stored check's finding (the domain's shape). */
export type LinkCheckRow = LinkCheckFinding;

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
