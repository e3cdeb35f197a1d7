// Kysely's view of the tables. Each migration's tables are described here; keep them in step.
import type { ColumnType, Generated } from 'kysely';
import type { OitStatus } from '../domain/oit/workflow.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ProvinceTable {
  name_th: string;
  name_en: string | null;
  region: string | null;
}

/** An agency's group (and size) in one assessment year. */
export interface AgencyYearGroupTable {
  fiscal_year: number;
  agency_code: string;
  agency_group: string;
  size: 'S' | 'M' | 'L' | null;
}

export interface DistrictTable {
  province: string;
  name_th: string;
}

export interface AgencyTable {
  code: string;
  name_th: string;
  name_en: string | null;
  type: string;
  province: string | null;
  district: string | null;
  parent_code: string | null;
  website: string | null;
  staff_count: number | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

// Accounts and the audit log (migration 2026-11-25-10-accounts).
export interface UserTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string | null;
  disabled: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RoleGrantTable {
  user_id: string;
  role: string;
  scope: string;
  created_at: Timestamp;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  idle_expires_at: Timestamp;
  absolute_expires_at: Timestamp;
}

export interface OneTimeTokenTable {
  id_hash: string;
  purpose: 'reset' | 'invitation';
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

// Sign-in limits (migration 2026-12-02-80-sign-in-limits).
export interface SignInLimitTable {
  key: string;
  window_start: Timestamp;
  attempts: number;
  trusted_until: Timestamp | null;
  updated_at: Generated<Timestamp>;
}

export interface MailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  created_at: Timestamp;
  status: 'stored' | 'sent' | 'failed';
  sent_at: Timestamp | null;
  error: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: string | null;
  actor_email: string;
  actor_roles: string;
  action: string;
  record_type: string;
  record_id: string;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

export interface Database {
  provinces: ProvinceTable;
  districts: DistrictTable;
  agencies: AgencyTable;
  agency_year_groups: AgencyYearGroupTable;
  users: UserTable;
  role_grants: RoleGrantTable;
  sessions: SessionTable;
  one_time_tokens: OneTimeTokenTable;
  sign_in_limits: SignInLimitTable;
  mail_outbox: MailOutboxTable;
  audit_log: AuditLogTable;
  assessment_years: AssessmentYearTable;
  frameworks: FrameworkTable;
  responses: ResponseTable;
  answer_counts: AnswerCountTable;
  respondent_counts: RespondentCountTable;
  jobs: JobTable;
  oit_entries: OitEntryTable;
  score_cards: ScoreCardTable;
  past_results: PastResultTable;
  calendar_phases: CalendarPhaseTable;
  survey_links: SurveyLinkTable;
  survey_targets: SurveyTargetTable;
  survey_counters: SurveyCounterTable;
  survey_fingerprints: SurveyFingerprintTable;
  survey_anomalies: SurveyAnomalyTable;
  survey_access_codes: SurveyAccessCodeTable;
  survey_access_code_totals: SurveyAccessCodeTotalTable;
  recompute_marks: RecomputeMarkTable;
  oit_agency_states: OitAgencyStateTable;
  oit_agency_events: OitAgencyEventTable;
  oit_link_checks: OitLinkCheckTable;
  drive_committee_orders: DriveCommitteeOrderTable;
  drive_committee_members: DriveCommitteeMemberTable;
  drive_coordinators: DriveCoordinatorTable;
  drive_mous: DriveMouTable;
  drive_training_events: DriveTrainingEventTable;
  drive_training_attendance: DriveTrainingAttendanceTable;
  drive_reminder_templates: DriveReminderTemplateTable;
  drive_reminders: DriveReminderTable;
  publication_oit_exceptions: PublicationOitExceptionTable;
}

// Results (migration 2026-11-25-20-results): see docs/formats.md and docs/results-storage.md.

type Json<T> = ColumnType<T, string, string>;
/** A defaulted timestamptz (Generated<Timestamp> would not unwrap the select type). */
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

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

// The province's drive (migration 2026-11-25-60-province-drive).

export interface DriveCommitteeOrderTable {
  id: Generated<string>;
  province: string;
  fiscal_year: number;
  number: string;
  ordered_on: string;
  title: string;
  signer: string;
  created_at: DefaultedTimestamp;
}

export interface DriveCommitteeMemberTable {
  order_id: string;
  seq: number;
  name: string | null;
  position: string;
  office: string;
  role: string;
}

export interface DriveCoordinatorTable {
  id: Generated<string>;
  fiscal_year: number;
  agency_code: string;
  name: string;
  position: string;
  email: string;
  phone: string;
  fax: string | null;
  created_at: DefaultedTimestamp;
}

export interface DriveMouTable {
  id: Generated<string>;
  province: string;
  fiscal_year: number;
  level: 'province' | 'district';
  district: string | null;
  party_name: string;
  agency_code: string | null;
  first_signer: string;
  party_signer: string | null;
  signed_on: string | null;
  place: string | null;
  witnesses: Generated<string[]>;
  copies_made: number | null;
  copies_kept: number | null;
  copies_sent: number | null;
  published_url: string | null;
  link_status: Generated<'unchecked' | 'ok' | 'broken'>;
  link_checked_at: NullableTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface DriveTrainingEventTable {
  id: Generated<string>;
  province: string;
  fiscal_year: number;
  title: string;
  held_on: string;
  place: string;
  audience: string;
  created_at: DefaultedTimestamp;
}

export interface DriveTrainingAttendanceTable {
  event_id: string;
  party_name: string;
  agency_code: string | null;
  people: number;
}

export interface DriveReminderTemplateTable {
  province: string;
  key: string;
  subject: string;
  body: string;
  updated_at: DefaultedTimestamp;
}

export interface DriveReminderTable {
  id: Generated<string>;
  province: string;
  fiscal_year: number;
  subject: string;
  body: string;
  agency_codes: string[];
  recipients: number;
  sent_by: string;
  sent_at: DefaultedTimestamp;
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
