// English text of the province workspace's form problems: the same keys as Thai, compiler-checked.
import type { CopiesLabel, DriveLabel } from '../../domain/problem-params/province.ts';
import type { Widen } from '../types.ts';
import type { provinceProblems as th } from '../th/province-problems.ts';

const label: Record<DriveLabel, string> = {
  order_number: 'order number',
  order_date: 'order date',
  title: 'title',
  signer: 'signer',
  name: 'name',
  position: 'position',
  party: 'party',
  first_signer: 'province or district signer',
  signing_date: 'signing date',
  training_title: 'title',
  training_date: 'date',
  place: 'place',
  audience: 'audience',
};

const copies: Record<CopiesLabel, string> = {
  copies_made: 'Copies made',
  copies_kept: 'Copies kept',
  copies_sent: 'Copies sent',
};

export const provinceProblems: Widen<typeof th> = {
  drive_required: (p) => `Enter the ${label[p.label]}`,
  drive_too_long: (p) => `The ${label[p.label]} is longer than ${p.max} characters`,
  drive_day_invalid: (p) =>
    `The ${label[p.label]} is not a valid date: use day/month/year (BE), e.g. 3/2/2564`,
  copies_invalid: (p) => `${copies[p.label]} must be a whole number 0–100`,
  copies_exceed: () => 'Copies kept and sent exceed the copies made',
  member_position_missing: (p) => `row ${p.row}: enter the position`,
  member_office_missing: (p) => `row ${p.row}: enter the office`,
  member_role_missing: (p) => `row ${p.row}: choose the role in the committee`,
  members_none: () => 'Enter at least one committee member',
  coordinator_agency_missing: () => 'Choose the agency',
  email_invalid: () => 'Enter a valid e-mail address, e.g. name@example.go.th',
  phone_invalid: () => 'Enter a phone number, e.g. 0-5351-1192 ext 27970',
  fax_invalid: () => 'The fax number is not valid',
  mou_district_missing: () => 'Enter the district',
  published_url_invalid: () => 'The published URL must start with http:// or https://',
  published_url_needs_signing: () => 'Record the signing date before the published URL',
  attendance_party_missing: () => 'Choose an agency or enter an office',
  attendance_people_invalid: () => 'People must be a whole number 1–1000',
  agency_not_in_province: (p) => `No agency ${p.code} in ${p.province}`,
  workspace_year_unknown: () => 'No such fiscal year',
  workspace_province_unknown: () => 'No such province',
  workspace_forbidden: (p) =>
    `Only ${p.province}'s province officers and the NACC may see this workspace`,
  workspace_read_only: () =>
    "The NACC reads the province's workspace; province officers make the changes",
  coordinator_forbidden: () =>
    "Coordinators are entered by the province's officers or the agency's administrators",
  coordinator_unknown: () => 'No such coordinator',
  mou_unknown: () => 'No such MOU',
  training_unknown: () => 'No such training event',
  system_only: () => 'System only',
  officers_only_templates: () => 'Province officers only',
  officers_only_reminders: () => 'Province officers only',
  reminder_agencies_missing: () => 'Choose at least one agency',
  reminder_subject_missing: () => 'Enter a subject',
  reminder_body_missing: () => 'Enter the message',
  reminder_no_recipients: () => 'The chosen agencies have no coordinators to write to',
  template_unknown: () => 'No such template',
  template_subject_invalid: () => 'Enter a subject (at most 200 characters)',
  template_body_invalid: () => 'Enter the message (at most 5,000 characters)',
};
