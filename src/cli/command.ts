// The shape of one `itas` command and the context it runs in.
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Services } from '../services/container.ts';

export interface CliContext {
  config: Config;
  log: Logger;
  /** Opens (and on PGlite migrates) the database and builds the services; closed by the runner. */
  services: () => Promise<Services>;
  out: (s: string) => void;
  err: (s: string) => void;
}

export interface Command {
  /** Words that select it, e.g. ['import', 'agencies']. */
  path: string[];
  summary: string;
  usage: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}

/** A user's mistake on the command line: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}
