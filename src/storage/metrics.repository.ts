// What /metrics reads from the database: stored survey answers per tool and closed day (never per
// agency, never finer than the day: ADR 0005).
import { sql } from 'kysely';
import type { Db } from './database.ts';

export interface DaySubmissions {
  day: string;
  tool: 'IIT' | 'EIT';
  count: number;
}

/** Answers stored per tool and day, for days from `from` to `to` inclusive (YYYY-MM-DD). */
export async function submissionsPerDay(
  db: Db,
  from: string,
  to: string,
): Promise<DaySubmissions[]> {
  const { rows } = await sql<DaySubmissions>`
    select submitted_on::text as day, tool, count(*)::int as count from responses
    where submitted_on between ${from}::date and ${to}::date
    group by submitted_on, tool order by submitted_on, tool`.execute(db);
  return rows;
}
