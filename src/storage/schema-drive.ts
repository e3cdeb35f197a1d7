// Kysely's view of the province drive's tables.
import type { Generated } from 'kysely';
import type { DefaultedTimestamp, NullableTimestamp } from './schema-columns.ts';

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
