// The static list of migrations, in order. Add a file and one line here; never edit a shipped one.
import type { Migration } from 'kysely';
import * as m001 from './2026-11-25-01-agencies.ts';
import * as m010accounts from './2026-11-25-10-accounts.ts';
import * as m20results from './2026-11-25-20-results.ts';
import * as m30surveys from './2026-11-25-30-surveys.ts';
import * as m40oit from './2026-11-25-40-oit-workflow.ts';
import * as m60drive from './2026-11-25-60-province-drive.ts';
import * as m20261202anon from './2026-12-02-10-anonymous-submissions.ts';
import * as m1220exceptions from './2026-12-02-20-publication-exceptions.ts';
import * as m1250sample from './2026-12-02-50-minimum-sample.ts';
import * as m1270netkeys from './2026-12-02-70-survey-network-keys.ts';
import * as m1271drafts from './2026-12-02-71-survey-drafts-in-browser.ts';
import * as m1280signIn from './2026-12-02-80-sign-in-limits.ts';
import * as m1290countersbyday from './2026-12-02-90-survey-counters-by-day.ts';
import * as m1295frameworks from './2026-12-02-95-frameworks.ts';
import * as m1297oitNa from './2026-12-02-97-oit-not-applicable.ts';
import * as m1298groups from './2026-12-02-98-agency-year-groups.ts';
import * as m1310pending from './2026-12-03-10-pending-counts.ts';
import * as m1320demo from './2026-12-03-20-demo-loading.ts';
import * as m1410cardsJson from './2026-12-04-10-score-cards-as-json.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-25-01-agencies': m001,
  '2026-11-25-10-accounts': m010accounts,
  '2026-11-25-20-results': m20results,
  '2026-11-25-30-surveys': m30surveys,
  '2026-11-25-40-oit-workflow': m40oit,
  '2026-11-25-60-province-drive': m60drive,
  '2026-12-02-10-anonymous-submissions': m20261202anon,
  '2026-12-02-20-publication-exceptions': m1220exceptions,
  '2026-12-02-50-minimum-sample': m1250sample,
  '2026-12-02-70-survey-network-keys': m1270netkeys,
  '2026-12-02-71-survey-drafts-in-browser': m1271drafts,
  '2026-12-02-80-sign-in-limits': m1280signIn,
  '2026-12-02-90-survey-counters-by-day': m1290countersbyday,
  '2026-12-02-95-frameworks': m1295frameworks,
  '2026-12-02-97-oit-not-applicable': m1297oitNa,
  '2026-12-02-98-agency-year-groups': m1298groups,
  '2026-12-03-10-pending-counts': m1310pending,
  '2026-12-03-20-demo-loading': m1320demo,
  '2026-12-04-10-score-cards-as-json': m1410cardsJson,
};
