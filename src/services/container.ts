// Builds every service over one database; the HTTP app, CLI and jobs all receive this.
import { messagesFor } from '../i18n/format.ts';
import type { Db } from '../storage/database.ts';
import { pingDatabase } from '../storage/database.ts';
import { createAgencyService } from './agency.service.ts';
import { createReferenceService } from './reference.service.ts';

export function createServices(db: Db) {
  return {
    db,
    agencies: createAgencyService(db),
    reference: createReferenceService(db),
    health: { isReady: () => pingDatabase(db) },
    messages: messagesFor,
  };
}

export type Services = ReturnType<typeof createServices>;
