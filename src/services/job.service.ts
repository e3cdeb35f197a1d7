// The job queue as the worker in src/jobs sees it: claim, renew, finish or fail, and the recompute
// marks new answers leave. Services enqueue inside their own transactions (storage/job.repository.ts).
import {
  claimJobs,
  completeJobs,
  extendLeases,
  failJob,
  type ClaimedJob,
  type NewJob,
} from '../storage/job.repository.ts';
import { markAgencies, takeMarks, type AgencyMark } from '../storage/recompute-mark.repository.ts';
import type { ServiceContext } from './service-options.ts';

export type { AgencyMark, ClaimedJob, NewJob };

export function createJobService({ db }: Pick<ServiceContext, 'db'>) {
  return {
    claim: (opts: { limit: number; leaseSeconds: number; kinds?: string[] }) => claimJobs(db, opts),
    extendLeases: (ids: string[], leaseSeconds: number) => extendLeases(db, ids, leaseSeconds),
    complete: (id: string) => completeJobs(db, [id]),
    completeAll: (ids: string[]) => completeJobs(db, ids),
    fail: (id: string, error: string, opts: { retryInSeconds: number; maxAttempts: number }) =>
      failJob(db, id, error, opts),
    /** Recompute marks (agencies with answers not yet counted): no time, no count (ADR 0007). */
    mark: (marks: AgencyMark[]) => markAgencies(db, marks),
    takeMarks: (limit: number) => takeMarks(db, limit),
  };
}

export type JobService = ReturnType<typeof createJobService>;
