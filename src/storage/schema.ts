// Kysely's view of the tables. Each migration's tables are described here; keep them in step.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ProvinceTable {
  name_th: string;
  name_en: string | null;
  region: string | null;
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

export interface Database {
  provinces: ProvinceTable;
  districts: DistrictTable;
  agencies: AgencyTable;
}
