// The codes of the province workspace's form problems (province-drive-validation.ts, the drive and
// reminder services) and their parameters; a form field's name in a message is a key of the
// catalogue's label list, not words. Apart from domain/problem.ts so
// that problem.ts can gather every area's codes without an import cycle.

/** Fields named in "enter the …" / "… is too long" / "… is not a valid date". */
export type DriveLabel =
  | 'order_number'
  | 'order_date'
  | 'title'
  | 'signer'
  | 'name'
  | 'position'
  | 'party'
  | 'first_signer'
  | 'signing_date'
  | 'training_title'
  | 'training_date'
  | 'place'
  | 'audience';

/** The MOU's copy counts. */
export type CopiesLabel = 'copies_made' | 'copies_kept' | 'copies_sent';

export interface ProvinceProblemParams {
  drive_required: { label: DriveLabel };
  drive_too_long: { label: DriveLabel; max: number };
  drive_day_invalid: { label: DriveLabel };
  copies_invalid: { label: CopiesLabel };
  copies_exceed: Record<string, never>;
  /** `row`: the committee member's row, 1-based. */
  member_position_missing: { row: number };
  member_office_missing: { row: number };
  member_role_missing: { row: number };
  members_none: Record<string, never>;
  coordinator_agency_missing: Record<string, never>;
  email_invalid: Record<string, never>;
  phone_invalid: Record<string, never>;
  fax_invalid: Record<string, never>;
  mou_district_missing: Record<string, never>;
  published_url_invalid: Record<string, never>;
  published_url_needs_signing: Record<string, never>;
  attendance_party_missing: Record<string, never>;
  attendance_people_invalid: Record<string, never>;
  agency_not_in_province: { code: string; province: string };
  // Refusals thrown (services/errors.ts forbidden / notFound).
  workspace_year_unknown: Record<string, never>;
  workspace_province_unknown: Record<string, never>;
  workspace_forbidden: { province: string };
  workspace_read_only: Record<string, never>;
  coordinator_forbidden: Record<string, never>;
  coordinator_unknown: Record<string, never>;
  mou_unknown: Record<string, never>;
  training_unknown: Record<string, never>;
  system_only: Record<string, never>;
  officers_only_templates: Record<string, never>;
  officers_only_reminders: Record<string, never>;
  // Reminders (services/province-reminder.service.ts).
  reminder_agencies_missing: Record<string, never>;
  reminder_subject_missing: Record<string, never>;
  reminder_body_missing: Record<string, never>;
  reminder_no_recipients: Record<string, never>;
  template_unknown: Record<string, never>;
  template_subject_invalid: Record<string, never>;
  template_body_invalid: Record<string, never>;
}
