// Job kinds enqueued by services, with their coalescing keys and payloads.
import type { NewJob } from '../storage/job.repository.ts';

export const RECOMPUTE = 'recompute';

export interface RecomputePayload {
  fiscalYear: number;
  agencyCode: string;
}

/** One pending recompute per (year, agency), however many responses arrive meanwhile. */
export function recomputeJob(fiscalYear: number, agencyCode: string): NewJob {
  return {
    kind: RECOMPUTE,
    key: `${fiscalYear}:${agencyCode}`,
    payload: { fiscalYear, agencyCode } satisfies RecomputePayload,
  };
}
