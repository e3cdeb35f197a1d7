// Kysely's view of the results tables.
import type { OitStatus } from '../domain/oit/workflow.ts';
import type { Generated } from 'kysely';
import type { Json, DefaultedTimestamp, NullableTimestamp } from './schema-columns.ts';

// Results (migration 2026-11-25-20-results): see docs/formats.md and docs/results-storage.md.
/** An imported framework file: the exact text and its SHA-256 (shipped ones are not stored). */
export interface FrameworkTable {
  id: string;
  version: number;
  fiscal_year: number;
  json: string;
  checksum: string;
  imported_by: string;
  imported_at: DefaultedTimestamp;
}

export interface AssessmentYearTable {
  fiscal_year: number;
  framework_id: string;
  created_at: DefaultedTimestamp;
  published_at: NullableTimestamp;
  announcement_th: string | null;
  announcement_en: string | null;
}

/** One survey response. Privacy: no time, IP, user agent, cookie or person column, ever. */
export interface ResponseTable {
  /** Client-chosen idempotency key: a random UUID, never derived from a person. */
  response_id: string;
  fiscal_year: number;
  agency_code: string;
  tool: 'IIT' | 'EIT';
  /** Aligned to answerColumns(framework, tool): 1–4 as printed, yes/no 1 = Y, 2 = N; null = skipped. */
  answers: (number | null)[];
  gender: string | null;
  age_band: string | null;
  education: string | null;
  contact_type: string | null;
  /** A calendar day YYYY-MM-DD, never a time. */
  submitted_on: string | null;
}

/** Materialized per agency: counts of options 1..4 (yes/no: c1 = yes, c2 = no) per answer column. */
export interface AnswerCountTable {
  fiscal_year: number;
  agency_code: string;
  tool: 'IIT' | 'EIT';
  /** 1-based index into answerColumns(framework, tool). */
  item: number;
  c1: number;
  c2: number;
  c3: number;
  c4: number;
}

/**
 * A response stored but not yet in the counts (ADR 0023): written by the survey path's insert in
 * the response's own statement, deleted by the recompute that adds its answers. Holds nothing
 * but the response's own id, year and agency.
 */
export interface PendingCountTable {
  response_id: string;
  fiscal_year: number;
  agency_code: string;
}

export interface RespondentCountTable {
  fiscal_year: number;
  agency_code: string;
  tool: 'IIT' | 'EIT';
  n: number;
}

export interface JobTable {
  id: Generated<string>;
  kind: string;
  /** Coalescing key: at most one pending job per (kind, key). */
  key: string | null;
  payload: Json<unknown>;
  run_after: DefaultedTimestamp;
  attempts: Generated<number>;
  locked_until: NullableTimestamp;
  last_error: string | null;
  failed_at: NullableTimestamp;
  created_at: DefaultedTimestamp;
}

/** One version of an agency's OIT item; changes insert a new version (nothing is erased). */
export interface OitEntryTable {
  id: Generated<string>;
  fiscal_year: number;
  agency_code: string;
  item: string;
  version: number;
  is_current: boolean;
  status: Generated<OitStatus>;
  answer: 'has' | 'has_not' | 'not_applicable' | null;
  urls: string[];
  note: string | null;
  score: number | null;
  comment: string | null;
  dispute: string | null;
  source: 'import' | 'agency' | 'auditor';
  changed_by: string;
  changed_at: DefaultedTimestamp;
}

export interface ScoreCardTable {
  fiscal_year: number;
  agency_code: string;
  framework_id: string;
  overall: number | null;
  level: string | null;
  passed: boolean | null;
  iit: number | null;
  eit: number | null;
  oit: number | null;
  tools: Json<Record<string, number | null>>;
  indicators: Json<Record<string, number | null>>;
  sub_indicators: Json<Record<string, number | null>>;
  questions: Json<Record<string, number | null>>;
  sub_items: Json<Record<string, number | null>>;
  missing: Json<{ tool: string; reason: string; detail?: string }[]>;
  respondents: Json<{ IIT: number; EIT: number }>;
  /** ScoreCard['sample']; '{}' on cards computed before the minimum sample was kept. */
  sample: Generated<Json<unknown>>;
  computed_at: DefaultedTimestamp;
}

export interface PastResultTable {
  agency_code: string;
  fiscal_year: number;
  overall: number;
  iit: number | null;
  eit: number | null;
  oit: number | null;
  level: string | null;
  imported_at: DefaultedTimestamp;
}
