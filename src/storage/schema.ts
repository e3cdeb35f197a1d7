// Kysely's view of the tables. Each migration's tables are described in the schema-<area>.ts
// file of its area; keep them in step.
import type {
  ProvinceTable,
  DistrictTable,
  AgencyTable,
  AgencyYearGroupTable,
} from './schema-agencies.ts';
import type {
  UserTable,
  RoleGrantTable,
  SessionTable,
  OneTimeTokenTable,
  SignInLimitTable,
  MailOutboxTable,
  AuditLogTable,
} from './schema-accounts.ts';
import type {
  AssessmentYearTable,
  FrameworkTable,
  ResponseTable,
  AnswerCountTable,
  RespondentCountTable,
  PendingCountTable,
  JobTable,
  OitEntryTable,
  ScoreCardTable,
  PastResultTable,
} from './schema-results.ts';
import type {
  CalendarPhaseTable,
  SurveyLinkTable,
  SurveyTargetTable,
  SurveyCounterTable,
  SurveyFingerprintTable,
  SurveyAnomalyTable,
  SurveyAccessCodeTable,
  SurveyAccessCodeTotalTable,
  RecomputeMarkTable,
} from './schema-surveys.ts';
import type {
  OitAgencyStateTable,
  OitAgencyEventTable,
  OitLinkCheckTable,
  PublicationOitExceptionTable,
} from './schema-oit.ts';
import type {
  DriveCommitteeOrderTable,
  DriveCommitteeMemberTable,
  DriveCoordinatorTable,
  DriveMouTable,
  DriveTrainingEventTable,
  DriveTrainingAttendanceTable,
  DriveReminderTemplateTable,
  DriveReminderTable,
} from './schema-drive.ts';
import type { DemoLoadingTable } from './schema-demo.ts';

export type * from './schema-agencies.ts';
export type * from './schema-accounts.ts';
export type * from './schema-results.ts';
export type * from './schema-surveys.ts';
export type * from './schema-oit.ts';
export type * from './schema-drive.ts';
export type * from './schema-demo.ts';

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
  pending_counts: PendingCountTable;
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
  demo_loading: DemoLoadingTable;
}
