// Kysely's view of the demo's own bookkeeping: the row that says a demo is being loaded.
import type { Generated } from 'kysely';
import type { Timestamp } from './schema-columns.ts';

/** At most one row, present only while a demo loads (or after a load that never finished). */
export interface DemoLoadingTable {
  one_row: Generated<boolean>;
  started_at: Timestamp;
}
