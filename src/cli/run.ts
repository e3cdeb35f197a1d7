// Dispatches argv to a command, prints help, and turns expected failures into clear messages.
import { loadSurveyLimits } from '../config-survey.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { createLogger, openReadyDatabase } from '../bootstrap.ts';
import { ImportRejected } from '../services/import-rejected.ts';
import { formatImportIssues } from '../i18n/import-text.ts';
import { createServices, type Services } from '../services/container.ts';
import { ServiceError } from '../services/errors.ts';
import { en } from '../i18n/en.ts';
import { th } from '../i18n/th.ts';
import type { Db } from '../storage/database.ts';
import { DatabaseBehind } from '../storage/migrate.ts';
import { DatabaseInUse } from '../storage/pglite-lock.ts';
import { UsageError, type CliContext, type Command } from './command.ts';
import { commands } from './commands.ts';

function help(list: Command[]): string {
  // Usage lines vary from 12 to 130 characters: the summary goes under each, not in a column.
  const lines = list.map((c) => `  ${c.usage}\n      ${c.summary}`).join('\n');
  return `Open ITAS command line\n\nUsage:\n${lines}\n\nEvery command takes --help. DATABASE_URL selects the database (see .env.example).\n`;
}

export async function runCli(
  argv: string[],
  io: { out: (s: string) => void; err: (s: string) => void } = {
    out: (s) => void process.stdout.write(s),
    err: (s) => void process.stderr.write(s),
  },
  /** Services the caller opened and closes (tests); by default the command opens the database. */
  given: { services?: Services } = {},
): Promise<number> {
  const match = commands
    .filter((c) => c.path.every((w, i) => argv[i] === w))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!match) {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      io.out(help(commands));
      return 0;
    }
    const prefix = commands.filter((c) => c.path[0] === argv[0]);
    io.err(`Unknown command: itas ${argv.join(' ')}\n\n${help(prefix.length ? prefix : commands)}`);
    return 2;
  }
  const args = argv.slice(match.path.length);
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`Usage: ${match.usage}\n\n${match.summary}\n`);
    return 0;
  }
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const log = createLogger({ logLevel: config.logLevelSet ? config.logLevel : 'warn' });
  // The database this run opened (none when the caller gave services): closed at the end.
  let opened: { db: Db; services: Services } | undefined;
  const open = async () => {
    const db = await openReadyDatabase(config, log, { allowBehind: match.opensBehind === true });
    const services = createServices(db, {
      publicUrl: config.publicUrl,
      smtpUrl: config.smtpUrl,
      mailFrom: config.mailFrom,
      secretKey: config.secretKey,
      trustProxy: config.trustProxy,
      surveyLimits: loadSurveyLimits(),
    });
    return { db, services };
  };
  const ctx: CliContext = {
    config,
    log,
    out: io.out,
    err: io.err,
    services: async () => given.services ?? (opened ??= await open()).services,
  };
  try {
    return await match.run(args, ctx);
  } catch (e) {
    if (e instanceof ImportRejected) {
      io.err(
        `${formatImportIssues(e.file, e.issues, 'th')}\n\n${formatImportIssues(e.file, e.issues, 'en')}\n`,
      );
      return 1;
    }
    if (e instanceof ServiceError) {
      io.err(`${e.th}\n${e.en}\n`);
      return 1;
    }
    if (e instanceof DatabaseBehind) {
      const [n, first] = [String(e.pending.length), e.pending[0]!];
      io.err(`${th.ops.databaseBehind(n, first)}\n${en.ops.databaseBehind(n, first)}\n`);
      return 1;
    }
    if (e instanceof DatabaseInUse) {
      // Refused before anything was written: the running server owns the embedded database.
      io.err(
        `${th.ops.databaseInUse(e.dir, String(e.pid))}\n${en.ops.databaseInUse(e.dir, String(e.pid))}\n`,
      );
      return 1;
    }
    if (
      e instanceof UsageError ||
      (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err(`${e.message}\nUsage: ${match.usage}\n`);
      return 2;
    }
    io.err(`itas ${match.path.join(' ')} failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    if (opened) await opened.db.destroy();
  }
}
