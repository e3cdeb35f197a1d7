// The job queue as services see it: enqueue, claim, finish; the worker in src/jobs drives it.
import type { Db } from '../storage/database.ts';
import {
  claimJobs,
  completeJobs,
  enqueueJobs,
  failJob,
  queueStats,
  type ClaimedJob,
  type NewJob,
} from '../storage/job.repository.ts';

export type { ClaimedJob, NewJob };

export function createJobService(db: Db) {
  return {
    enqueue: (jobs: NewJob[]) => enqueueJobs(db, jobs),
    claim: (opts: { limit: number; leaseSeconds: number; kinds?: string[] }) => claimJobs(db, opts),
    complete: (id: string) => completeJobs(db, [id]),
    completeAll: (ids: string[]) => completeJobs(db, ids),
    fail: (id: string, error: string, opts: { retryInSeconds: number; maxAttempts: number }) =>
      failJob(db, id, error, opts),
    stats: () => queueStats(db),
  };
}

export type JobService = ReturnType<typeof createJobService>;
