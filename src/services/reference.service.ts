// Provinces and districts for forms and filters, in Thai order.
import { compareThai } from '../i18n/format.ts';
import type { Db } from '../storage/database.ts';

export function createReferenceService(db: Db) {
  return {
    async provinces(): Promise<string[]> {
      const rows = await db.selectFrom('provinces').select('name_th').execute();
      return rows.map((r) => r.name_th).sort(compareThai);
    },
  };
}
