// Kysely's view of the OIT workflow and publication tables.
import type { Generated } from 'kysely';
import type { OitStatus } from '../domain/oit/workflow.ts';
import type { Timestamp, DefaultedTimestamp } from './schema-columns.ts';

// OIT workflow (migration 2026-11-25-40-oit-workflow).

/** An agency's OIT state for a year; the items' own rows live in oit_entries. */
export interface OitAgencyStateTable {
  fiscal_year: number;
  agency_code: string;
  status: OitStatus;
  review_started_at: Timestamp | null;
  changed_by: string;
  changed_at: Timestamp;
}

/** Append-only history of agency state changes. */
export interface OitAgencyEventTable {
  id: Generated<string>;
  fiscal_year: number;
  agency_code: string;
  status: OitStatus;
  action: string;
  changed_by: string;
  changed_at: Timestamp;
}

/** What the link checker found for one URL of one item. */
export interface OitLinkCheckTable {
  id: Generated<string>;
  fiscal_year: number;
  agency_code: string;
  item: string;
  url: string;
  reason: string;
  checked_at: Timestamp;
  http_status: number | null;
  final_url: string | null;
  content_type: string | null;
  title: string | null;
  size_bytes: number | null;
  content_hash: string | null;
  duration_ms: number;
  error: string | null;
  flags: string[];
}

// Publication readiness (migration 2026-12-02-20-publication-exceptions).

/** An agency the NACC lets a year be published without a confirmed OIT, and why. */
export interface PublicationOitExceptionTable {
  fiscal_year: number;
  agency_code: string;
  reason: string;
  recorded_by: string;
  recorded_at: DefaultedTimestamp;
}
