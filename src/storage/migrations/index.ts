// The static list of migrations, in order. Add a file and one line here; never edit a shipped one.
import type { Migration } from 'kysely';
import * as m001 from './2026-11-25-01-agencies.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-25-01-agencies': m001,
};
