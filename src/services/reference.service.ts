// Provinces and districts for forms and filters, in Thai order.
import { compareThai } from '../i18n/format.ts';
import { listProvinceNames } from '../storage/reference.repository.ts';
import type { ServiceContext } from './service-options.ts';

export function createReferenceService({ db }: Pick<ServiceContext, 'db'>) {
  return {
    async provinces(): Promise<string[]> {
      return (await listProvinceNames(db)).sort(compareThai);
    },
  };
}
