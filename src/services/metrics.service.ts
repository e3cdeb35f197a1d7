// What /metrics reads from the database: the job queue, the connection pool, and stored survey
// answers per tool and closed day. Today's answers are never counted: a number that moves with
// each answer, read every few seconds, would date answers to the moment (ADR 0005, ADR 0012).
import { thaiDay } from '../domain/calendar.ts';
import { poolUse, type PoolUse } from '../storage/database.ts';
import { oldestDueJobAgeSeconds, queueStats } from '../storage/job.repository.ts';
import { submissionsPerDay, type DaySubmissions } from '../storage/metrics.repository.ts';
import type { ServiceContext } from './service-options.ts';

/** Closed days of survey answers shown (yesterday and the days before it). */
export const CLOSED_DAYS_SHOWN = 7;

export interface DatabaseMetrics {
  queue: { pending: number; running: number; failed: number; oldestDueAgeSeconds: number };
  pool: PoolUse | null;
  /** Stored answers per tool for each of the last closed Thailand days (none for today). */
  submissions: DaySubmissions[];
}

function dayBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

export function createMetricsService({ db, clock }: Pick<ServiceContext, 'db' | 'clock'>) {
  // A closed day's count changes only by an import: read once per day, not per scrape.
  let cached: { today: string; rows: DaySubmissions[] } | undefined;
  return {
    pool: () => poolUse(db),
    async read(): Promise<DatabaseMetrics> {
      const queue = await queueStats(db);
      const oldestDueAgeSeconds = await oldestDueJobAgeSeconds(db);
      const today = thaiDay(clock());
      if (cached?.today !== today) {
        const rows = await submissionsPerDay(
          db,
          dayBefore(today, CLOSED_DAYS_SHOWN),
          dayBefore(today, 1),
        );
        cached = { today, rows };
      }
      return {
        queue: { ...queue, oldestDueAgeSeconds },
        pool: poolUse(db),
        submissions: cached.rows,
      };
    },
  };
}

export type MetricsService = ReturnType<typeof createMetricsService>;
