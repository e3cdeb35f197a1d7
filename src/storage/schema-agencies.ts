// Kysely's view of the agency register's tables (provinces, districts, agencies and their groups per year).
import type { Generated } from 'kysely';
import type { AgencyRecord } from '../domain/agency-import.ts';
import type { Timestamp } from './schema-columns.ts';

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

/** The register's columns are the exchange format's (domain/agency-import.ts), plus its times. */
export interface AgencyTable extends AgencyRecord {
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}
