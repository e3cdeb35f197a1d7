// The recompute job: after responses or OIT scores change, recount one agency and store its card.
import { RECOMPUTE, type RecomputePayload } from '../services/job-kinds.ts';
import { registerJobHandler, jobHandler } from './handlers.ts';

export function registerRecomputeJob(): void {
  if (jobHandler(RECOMPUTE)) return;
  registerJobHandler(RECOMPUTE, async (payload, services) => {
    const p = payload as RecomputePayload;
    await services.results.recomputeAgency(p.fiscalYear, p.agencyCode);
  });
}
