// The demo: Lamphun's 59 agencies from the seed (and, as capabilities arrive, their year of ITA).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseTarget } from '../config.ts';
import { SYSTEM_CLI } from '../domain/actor.ts';
import { en } from '../i18n/en.ts';
import { formatDateTime } from '../i18n/format.ts';
import { th } from '../i18n/th.ts';
import type { Services } from '../services/container.ts';
import { DEMO_ACCOUNTS, loadDemoAccounts } from './demo-accounts.ts';
import { loadDemoSurveys } from './demo-surveys.ts';
import { loadDemoProvinceDrive } from './demo-province-drive.ts';
import { loadDemoResults } from './demo-results.ts';
import { loadDemoPublication } from './demo-publication.ts';
import { dateDemoOitPhases, loadDemoOit } from './demo-oit.ts';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), 'data');

/** The demo's steps, in the order they load. */
export type DemoStep =
  'agencies' | 'drive' | 'results' | 'publication' | 'oit' | 'surveys' | 'oit-windows';

export interface DemoReport {
  agencies: number;
  logins: { role: string; email: string; password: string }[];
}

/** Told each step's name as it ends: `npm run bench -- demo-load` times them. */
type OnStep = (step: DemoStep) => void;
const noStep: OnStep = () => undefined;

/**
 * The whole demo into an empty database: the undated part, then the dated one. The compiled
 * server's first start on an empty embedded folder instead copies the undated part, made by the
 * build (src/make-demo-database.ts, ADR 0033), and runs only the dated one.
 */
export async function loadDemo(services: Services, onStep: OnStep = noStep): Promise<DemoReport> {
  const report = await loadUndatedDemo(services, onStep);
  await loadDatedDemo(services, onStep);
  return report;
}

/**
 * What depends on neither the day nor this installation's secrets: the agencies, the accounts,
 * the province's 2564 drive, year 2563 as real data and its publication, and 2564's OIT workflow
 * (its windows open around the day it runs: the dated part moves them to its own day).
 */
export async function loadUndatedDemo(
  services: Services,
  onStep: OnStep = noStep,
): Promise<DemoReport> {
  const file = join(dataDir, 'lamphun-agencies.csv');
  const { inserted, updated } = await services.agencies.importAgencies(
    SYSTEM_CLI,
    'lamphun-agencies.csv',
    readFileSync(file, 'utf8'),
  );
  onStep('agencies');
  // Started, not awaited: the four password hashes run off the main thread while the steps
  // below (which touch no account) use it; the accounts take their turn on the database.
  const accounts = loadDemoAccounts(services);
  accounts.catch(() => undefined); // A failure surfaces where it is awaited, below.
  // Lamphun's 2564 drive from the seed (creates 2563 and 2564 if missing).
  await loadDemoProvinceDrive(services);
  onStep('drive');
  // Year 2563 as real data: answers and confirmed OIT imported; every agency gets its published
  // score (demo-answers-2563.json, see build-demo-answers.ts) once its card is made below.
  await loadDemoResults(services);
  onStep('results');
  // The worker's round makes 2563's cards, then 2563 is published with the NACC's announcement.
  await loadDemoPublication(services);
  onStep('publication');
  // OIT workflow states: 2563's imports confirmed; 2564 agencies at each step, one clarified.
  await loadDemoOit(services);
  onStep('oit');
  return { agencies: inserted + updated, logins: await accounts };
}

/**
 * The compiled server's first start on a copy of the build's demo database (the undated part,
 * ADR 0033): the dated part, and the same report as loadDemo's.
 */
export async function loadRestOfBuiltDemo(services: Services): Promise<DemoReport> {
  await loadDatedDemo(services);
  const agencies = await services.agencies.listAll({});
  return {
    agencies: agencies.length,
    logins: DEMO_ACCOUNTS.map((a) => ({ role: a.role, email: a.email, password: a.password })),
  };
}

/** What is dated from today: the surveys open now, and 2564's OIT windows around today. */
export async function loadDatedDemo(services: Services, onStep: OnStep = noStep): Promise<void> {
  // The current fiscal year (or a newer one present), its IIT and EIT open today.
  await loadDemoSurveys(services);
  onStep('surveys');
  await dateDemoOitPhases(services);
  onStep('oit-windows');
}

export function printDemoReport(
  report: DemoReport,
  publicUrl: string,
  write: (s: string) => void = (s) => process.stdout.write(s),
): void {
  write(`\nOpen ITAS demo loaded: ${report.agencies} agencies of Lamphun (ลำพูน).\n`);
  if (report.logins.length) {
    write('Demo logins (for the demo only):\n');
    for (const l of report.logins)
      write(`  ${l.role.padEnd(18)} ${l.email.padEnd(32)} ${l.password}\n`);
  }
  write(`Open ${publicUrl}\n\n`);
}

/**
 * A restart of the demo: the data is already there, so say where to go and which demo logins still
 * exist (an account the NACC removed or disabled is not offered).
 */
export async function printDemoReminder(
  services: Services,
  publicUrl: string,
  write: (s: string) => void = (s) => process.stdout.write(s),
): Promise<void> {
  const users = await services.users.list(SYSTEM_CLI);
  const live = new Set(users.filter((u) => !u.disabled).map((u) => u.email));
  const logins = DEMO_ACCOUNTS.filter((a) => live.has(a.email));
  write('\nOpen ITAS: the demo data is already loaded.\n');
  if (logins.length) {
    write('Demo logins (unless their passwords were changed):\n');
    for (const l of logins) write(`  ${l.role.padEnd(18)} ${l.email.padEnd(32)} ${l.password}\n`);
  }
  write(`Open ${publicUrl}\n\n`);
}

/**
 * Why a start stopped on a demo left half loaded (services.demoLoading), and what the operator
 * can do, in Thai then English. Names the database or folder, never the URL's credentials.
 */
export function printUnfinishedDemo(
  since: Date,
  database: DatabaseTarget,
  write: (s: string) => void = (s) => process.stderr.write(s),
): void {
  const name = database.kind === 'postgres' ? databaseName(database.url) : null;
  const remedy = (t: typeof en.ops) =>
    name !== null
      ? t.demoUnfinishedDropDatabase(name)
      : database.kind === 'pglite' && database.dataDir
        ? t.demoUnfinishedRemoveFolder(database.dataDir)
        : '';
  write(
    `Open ITAS cannot start.\n${th.ops.demoUnfinished(formatDateTime(since, 'th'))}\n${remedy(th.ops)}\n` +
      `${en.ops.demoUnfinished(formatDateTime(since, 'en'))}\n${remedy(en.ops)}\n`,
  );
}

/** The database a PostgreSQL URL names (the server's default when none, or unreadable). */
function databaseName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';
  } catch {
    return 'postgres';
  }
}
