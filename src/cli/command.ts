// The shape of one `itas` command and the context it runs in.
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Services } from '../services/container.ts';
import { TEXT_ENCODINGS, type ReadOptions } from '../services/table-reader.ts';

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
  /**
   * Opens a database that lacks migrations of this version too (otherwise refused): a backup
   * taken before `itas migrate`.
   */
  opensBehind?: boolean;
  run(args: string[], ctx: CliContext): Promise<number>;
}

/** A user's mistake on the command line: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}

/** `--encoding` of the imports: unset lets the reader detect UTF-8 or Windows-874 by itself. */
export const ENCODING_OPTION = { encoding: { type: 'string' } } as const;
export const ENCODING_USAGE = '[--encoding utf-8|windows-874]';

export function readOptions(encoding: string | undefined): ReadOptions {
  if (encoding === undefined) return {};
  const e = encoding.toLowerCase().replace(/^(tis-?620|cp874)$/, 'windows-874');
  const known = TEXT_ENCODINGS.find((x) => x === e || x === e.replace(/^utf8$/, 'utf-8'));
  if (!known) throw new UsageError(`--encoding must be ${TEXT_ENCODINGS.join(' or ')}`);
  return { encoding: known };
}
