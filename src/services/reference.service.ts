// Provinces and districts for forms and filters, in Thai order.
import { compareThai } from '../i18n/format.ts';
import type { ServiceContext } from './service-options.ts';

export function createReferenceService({ db }: Pick<ServiceContext, 'db'>) {
  return {
    async provinces(): Promise<string[]> {
      const rows = await db.selectFrom('provinces').select('name_th').execute();
      return rows.map((r) => r.name_th).sort(compareThai);
    },
  };
}
