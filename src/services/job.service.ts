// The job queue as services see it: enqueue, claim, finish, and the recompute marks new answers
// leave; the worker in src/jobs drives both.
import type { Db } from '../storage/database.ts';
import {
  claimJobs,
  completeJobs,
  enqueueJobs,
  extendLeases,
  failJob,
  queueStats,
  type ClaimedJob,
  type NewJob,
} from '../storage/job.repository.ts';
import { markAgencies, takeMarks, type AgencyMark } from '../storage/recompute-mark.repository.ts';

export type { AgencyMark, ClaimedJob, NewJob };

export function createJobService(db: Db) {
  return {
    enqueue: (jobs: NewJob[]) => enqueueJobs(db, jobs),
    claim: (opts: { limit: number; leaseSeconds: number; kinds?: string[] }) => claimJobs(db, opts),
    extendLeases: (ids: string[], leaseSeconds: number) => extendLeases(db, ids, leaseSeconds),
    complete: (id: string) => completeJobs(db, [id]),
    completeAll: (ids: string[]) => completeJobs(db, ids),
    fail: (id: string, error: string, opts: { retryInSeconds: number; maxAttempts: number }) =>
      failJob(db, id, error, opts),
    stats: () => queueStats(db),
    /** Recompute marks (agencies with answers not yet counted): no time, no count (ADR 0007). */
    mark: (marks: AgencyMark[]) => markAgencies(db, marks),
    takeMarks: (limit: number) => takeMarks(db, limit),
  };
}

export type JobService = ReturnType<typeof createJobService>;
