// The worker loop: claims due jobs (SKIP LOCKED, so any number of processes may run one) and
// runs their handlers; stoppable, finishing the job in hand before it returns.
import { setImmediate } from 'node:timers/promises';
import type { Logger } from 'pino';
import { thaiDay } from '../domain/calendar.ts';
import { scrubMessage } from '../domain/log-safety.ts';
import type { Services } from '../services/container.ts';
import type { ClaimedJob } from '../services/job.service.ts';
import { SURVEY_PURGE_EVERY_MS } from '../services/survey-guard.service.ts';
import { batchJobHandler, jobHandler, registeredJobKinds } from './handlers.ts';
import { registerRecomputeJob } from './recompute.job.ts';
import { registerLinkCheckJob } from './link-check.job.ts';
import { registerMouLinkCheckJob } from './mou-link-check.job.ts';

export interface WorkerOptions {
  /** Jobs claimed per round, of kinds run one at a time. */
  batch?: number;
  /** Jobs claimed per round, of kinds run together (batch handlers). */
  batchLimit?: number;
  /** Pause when the queue is empty, in ms. */
  idleMs?: number;
  /**
   * Lease on claimed jobs (default 15 s, JOB_LEASE_SECONDS); renewed every third of it while
   * they run, so only a worker that died lets it run out.
   */
  leaseSeconds?: number;
  maxAttempts?: number;
  /**
   * Least time between two drains of the recompute marks new answers leave (config
   * RECOMPUTE_DELAY_SECONDS): a burst of answers shares one recount. 0: every round.
   */
  recomputeEveryMs?: number;
  /** Told of each job finished (for /metrics): its kind and whether it was done or failed. */
  onJob?: (kind: string, outcome: 'done' | 'failed') => void;
}

export interface Worker {
  stop(): Promise<void>;
}

/** Registers the built-in handlers (other capabilities register theirs at start-up too). */
export function registerBuiltInJobs(): void {
  registerRecomputeJob();
  registerLinkCheckJob();
  registerMouLinkCheckJob();
}

/** How long a recompute of marked agencies waits for a recount that holds their year. */
const RECOUNT_WAIT_MS = 2000;

/**
 * Agencies recomputed per transaction. On the embedded database one connection serves every
 * request, and a transaction holds it from its first statement to its commit: adding every
 * marked agency's new answers at once (about 0.1 ms per answer: 300 ms for 3 s of answers at
 * 950 a second) held each answer that came in meanwhile behind it, and that was the API's p99
 * on PGlite (about 390 ms, against 90 ms with the worker off, `npm run bench -- compare`).
 * Between two slices the worker steps aside (setImmediate) so the answers waiting get the
 * connection first; slices run back to back would hold it as long as one transaction did.
 */
const RECOMPUTE_SLICE = 8;

/**
 * Recomputes the agencies marked by new answers (ADR 0007), a few agencies per transaction.
 * When a slice fails (most often: a national recount holds the year), its marks and those of
 * the year's slices not yet run go back, to be tried in a later round. Returns how many marks
 * were taken. `slice`: agencies per transaction; larger only where no answer can be waiting
 * (the demo, before the server is ready).
 */
export async function recomputeMarked(
  services: Services,
  log: Logger,
  slice = RECOMPUTE_SLICE,
): Promise<number> {
  // Answers are acknowledged before their marks commit (ADR 0007): this process's own
  // answers taken so far leave their marks first, so a recompute right after an answer sees it.
  await services.responses.settled();
  const marks = await services.jobs.takeMarks(500);
  const byYear = new Map<number, string[]>();
  for (const m of marks)
    byYear.set(m.fiscalYear, [...(byYear.get(m.fiscalYear) ?? []), m.agencyCode]);
  for (const [year, codes] of byYear) {
    for (let i = 0; i < codes.length; i += slice) {
      try {
        // A national recount (import, compute) holds the year's counts: rather than stall the
        // other jobs behind it, give up after a moment and try these marks in a later round.
        await services.results.recomputeAgencies(year, codes.slice(i, i + slice), {
          lockTimeoutMs: RECOUNT_WAIT_MS,
        });
        // The answers queued meanwhile take the connection before the next slice.
        await setImmediate();
      } catch (e) {
        const left = codes.slice(i);
        log.warn(
          { year, agencies: left.length, err: String(e) },
          'recompute of marked agencies failed',
        );
        await services.jobs.mark(left.map((agencyCode) => ({ fiscalYear: year, agencyCode })));
        break;
      }
    }
  }
  return marks.length;
}

/**
 * Runs due jobs once, after recomputing marked agencies unless `marks` is false; returns how
 * many ran (tests and the CLI drain the queue with this).
 */
export async function runDueJobs(
  services: Services,
  log: Logger,
  opts: WorkerOptions & { marks?: boolean } = {},
): Promise<number> {
  const marked = opts.marks === false ? 0 : await recomputeMarked(services, log);
  // Set-based kinds (recompute) are claimed by the hundred: one transaction for them all.
  // Others (link checks over the network) a few at a time.
  const kinds = registeredJobKinds();
  const leaseSeconds = opts.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
  const claim = (list: string[], limit: number) =>
    list.length ? services.jobs.claim({ limit, leaseSeconds, kinds: list }) : Promise.resolve([]);
  const jobs = [
    ...(await claim(
      kinds.filter((k) => batchJobHandler(k)),
      opts.batchLimit ?? 500,
    )),
    ...(await claim(
      kinds.filter((k) => !batchJobHandler(k)),
      opts.batch ?? 20,
    )),
  ];
  if (jobs.length === 0) return marked;
  const held = new Set(jobs.map((j) => j.id));
  const heartbeat = setInterval(
    () => {
      services.jobs
        .extendLeases([...held], leaseSeconds)
        .catch((e: unknown) =>
          log.warn({ reason: scrubMessage(String(e)) }, 'job lease heartbeat failed'),
        );
    },
    (leaseSeconds * 1000) / 3,
  );
  try {
    await runClaimed(jobs, held, services, log, opts);
  } finally {
    clearInterval(heartbeat);
  }
  return marked + jobs.length;
}

const DEFAULT_LEASE_SECONDS = 15;
/** This process's time for the loop's intervals (purge, marks): not business time, no clock. */
// eslint-disable-next-line no-restricted-syntax -- intervals of this process, not business time
const processMs = () => Date.now();

async function runClaimed(
  jobs: ClaimedJob[],
  held: Set<string>,
  services: Services,
  log: Logger,
  opts: WorkerOptions,
): Promise<void> {
  // Kinds with a batch handler run all their claimed jobs at once; if that fails, they fall
  // through to one at a time below, so only the job at fault is retried and recorded.
  const single: ClaimedJob[] = [];
  for (const kind of new Set(jobs.map((j) => j.kind))) {
    const ofKind = jobs.filter((j) => j.kind === kind);
    const batch = batchJobHandler(kind);
    if (!batch || ofKind.length < 2) {
      single.push(...ofKind);
      continue;
    }
    try {
      await batch(
        ofKind.map((j) => j.payload),
        services,
      );
      await services.jobs.completeAll(ofKind.map((j) => j.id));
      for (const j of ofKind) {
        held.delete(j.id);
        opts.onJob?.(kind, 'done');
      }
    } catch (e) {
      log.warn({ kind, jobs: ofKind.length, err: String(e) }, 'job batch failed; one by one');
      single.push(...ofKind);
    }
  }
  for (const job of single) {
    const handler = jobHandler(job.kind);
    try {
      if (!handler) throw new Error(`No handler for job kind "${job.kind}"`);
      await handler(job.payload, services);
      await services.jobs.complete(job.id);
      opts.onJob?.(job.kind, 'done');
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      log.warn({ job: job.id, kind: job.kind, attempts: job.attempts, err: message }, 'job failed');
      await services.jobs.fail(job.id, message, {
        retryInSeconds: Math.min(3600, 10 * 2 ** job.attempts),
        maxAttempts: opts.maxAttempts ?? 8,
      });
      opts.onJob?.(job.kind, 'failed');
    }
    held.delete(job.id);
  }
}

export function startWorker(services: Services, log: Logger, opts: WorkerOptions = {}): Worker {
  registerBuiltInJobs();
  let stopping = false;
  let wake: (() => void) | undefined;
  let marksAt = 0;
  let resealed = '';
  let purgedAt = 0;
  const loop = (async () => {
    while (!stopping) {
      let ran = 0;
      try {
        // Once a day (and at start): yesterday's answers rewritten together (ADR 0007).
        const today = thaiDay(services.clock());
        if (today !== resealed) {
          resealed = today;
          const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000);
          await services.responses.resealDay(yesterday.toISOString().slice(0, 10));
        }
        // Every hour (and at start): past days' survey counters go, whatever the traffic. Done
        // here rather than as a queued job, whose row would carry a time (ADR 0005).
        if (processMs() - purgedAt >= SURVEY_PURGE_EVERY_MS) {
          await services.surveyGuard.purgeExpired();
          purgedAt = processMs();
        }
        const now = processMs();
        const marks = now - marksAt >= (opts.recomputeEveryMs ?? 0);
        if (marks) marksAt = now;
        ran = await runDueJobs(services, log, { ...opts, marks });
      } catch (e) {
        // The database away is expected now and then (restart, failover): one line, no stack;
        // the jobs in hand keep their lease until it runs out, then any worker takes them.
        if (services.health.isUnavailable(e))
          log.warn(
            { reason: scrubMessage(e instanceof Error ? e.message : String(e)) },
            'job worker: database unavailable',
          );
        else log.error({ err: e }, 'job worker round failed');
      }
      if (ran === 0 && !stopping)
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, opts.idleMs ?? 1000);
          wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
    }
  })();
  return {
    async stop() {
      stopping = true;
      wake?.();
      await loop;
    },
  };
}
