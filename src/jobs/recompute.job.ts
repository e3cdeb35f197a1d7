// The recompute job: after responses or OIT scores change, recount the agencies and store their
// cards. At peak thousands of agencies get answers every few seconds, so the jobs claimed in one
// round are recomputed together: one transaction per year, not one per agency.
import { RECOMPUTE, type RecomputePayload } from '../services/job-kinds.ts';
import { registerBatchJobHandler, jobHandler } from './handlers.ts';

export function registerRecomputeJob(): void {
  if (jobHandler(RECOMPUTE)) return;
  registerBatchJobHandler(RECOMPUTE, async (payloads, services) => {
    const byYear = new Map<number, string[]>();
    for (const p of payloads as RecomputePayload[])
      byYear.set(p.fiscalYear, [...(byYear.get(p.fiscalYear) ?? []), p.agencyCode]);
    for (const [year, codes] of byYear) await services.results.recomputeAgencies(year, codes);
  });
}
