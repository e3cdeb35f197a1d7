// Every job kind services enqueue, with its coalescing key and payload: the one list of kinds
// (the worker registers a handler for each in src/jobs/). New answers trigger no job: they leave
// recompute marks (ADR 0007); `recompute` jobs come from OIT confirmations.
import type { NewJob } from '../storage/job.repository.ts';

export const RECOMPUTE = 'recompute';
export const LINK_CHECK = 'link-check';
/** Checks an MOU's published URL with the OIT link checker's fetcher. */
export const MOU_LINK_CHECK = 'mou-link-check';

export interface RecomputePayload {
  fiscalYear: number;
  agencyCode: string;
}

/** One pending recompute per (year, agency), however many changes arrive meanwhile. */
export function recomputeJob(fiscalYear: number, agencyCode: string): NewJob {
  return {
    kind: RECOMPUTE,
    key: `${fiscalYear}:${agencyCode}`,
    payload: { fiscalYear, agencyCode } satisfies RecomputePayload,
  };
}

export interface LinkCheckPayload {
  fiscalYear: number;
  agencyCode: string;
  reason: 'submission' | 'review';
}

/** One pending check per (year, agency, reason): a re-submission while it waits adds nothing. */
export function linkCheckJob(
  fiscalYear: number,
  agencyCode: string,
  reason: LinkCheckPayload['reason'],
): NewJob {
  return {
    kind: LINK_CHECK,
    key: `${fiscalYear}:${agencyCode}:${reason}`,
    payload: { fiscalYear, agencyCode, reason } satisfies LinkCheckPayload,
  };
}

/** One pending check per MOU. */
export function mouLinkCheckJob(mouId: string): NewJob {
  return { kind: MOU_LINK_CHECK, key: mouId, payload: { mouId } };
}
