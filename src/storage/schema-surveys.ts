// Kysely's view of the calendar and survey tables.
import type { Generated } from 'kysely';
import type { DefaultedTimestamp } from './schema-columns.ts';

// Calendar and surveys (migration 2026-11-25-30-surveys). Nothing here shares a key or a
// timestamp with `responses`.

export interface CalendarPhaseTable {
  fiscal_year: number;
  phase: string;
  /** '' = every agency; otherwise that agency's extension. */
  agency_code: Generated<string>;
  opens_on: string;
  closes_on: string;
  reason: string | null;
  updated_at: DefaultedTimestamp;
}

export interface SurveyLinkTable {
  fiscal_year: number;
  agency_code: string;
  code: string;
  single_use_iit: Generated<boolean>;
  rotated_at: DefaultedTimestamp;
}

export interface SurveyTargetTable {
  fiscal_year: number;
  agency_code: string;
  iit_population: number | null;
  eit_population: number | null;
}

export interface SurveyCounterTable {
  /** HMAC of what is counted and its window under the day's key: opaque without the secret. */
  bucket: string;
  hits: number;
  /** The Thailand day the counter belongs to: the worker deletes past days'. */
  day: string;
}

export interface SurveyFingerprintTable {
  fiscal_year: number;
  agency_code: string;
  tool: string;
  fingerprint: string;
  seen: number;
}

export interface SurveyAnomalyTable {
  fiscal_year: number;
  agency_code: string;
  tool: string;
  kind: string;
  occurrences: number;
}

/** An unspent single-use code (its hash); spending deletes the row (ADR 0007). */
export interface SurveyAccessCodeTable {
  code_hash: string;
  fiscal_year: number;
  agency_code: string;
}

/** How many single-use codes an agency was issued (spent = issued − rows left). */
export interface SurveyAccessCodeTotalTable {
  fiscal_year: number;
  agency_code: string;
  issued: number;
}

/** An agency with answers not yet counted: year and agency only, no time, no count. */
export interface RecomputeMarkTable {
  fiscal_year: number;
  agency_code: string;
}
