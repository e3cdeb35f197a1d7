// The demo: Lamphun's 59 agencies from the seed (and, as capabilities arrive, their year of ITA).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM_CLI } from '../domain/actor.ts';
import type { Services } from '../services/container.ts';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), 'data');

export interface DemoReport {
  agencies: number;
  logins: { role: string; email: string; password: string }[];
}

export async function isDatabaseEmpty(services: Services): Promise<boolean> {
  return (await services.agencies.count()) === 0;
}

export async function loadDemo(services: Services): Promise<DemoReport> {
  const file = join(dataDir, 'lamphun-agencies.csv');
  const { inserted, updated } = await services.agencies.importAgencies(
    SYSTEM_CLI,
    'lamphun-agencies.csv',
    readFileSync(file, 'utf8'),
  );
  return { agencies: inserted + updated, logins: [] };
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
