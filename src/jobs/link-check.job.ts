// The link-check job: after an OIT submission and when review starts, check the agency's URLs.
import { LINK_CHECK, type LinkCheckPayload } from '../services/job-kinds.ts';
import { jobHandler, registerJobHandler } from './handlers.ts';

export function registerLinkCheckJob(): void {
  if (jobHandler(LINK_CHECK)) return;
  registerJobHandler(LINK_CHECK, async (payload, services) => {
    await services.oitLinks.checkAgency(payload as LinkCheckPayload);
  });
}
