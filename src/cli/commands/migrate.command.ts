// `itas migrate`: brings any target database to the latest schema.
import { parseArgs } from 'node:util';
import { openReadyDatabase } from '../../bootstrap.ts';
import type { Command } from '../command.ts';

export const migrateCommand: Command = {
  path: ['migrate'],
  summary: 'Migrate the database named by DATABASE_URL to the latest schema',
  usage: 'itas migrate',
  async run(args, ctx) {
    parseArgs({ args, options: {}, allowPositionals: false });
    let applied: string[] = [];
    const db = await openReadyDatabase(ctx.config, ctx.log, {
      migrate: true,
      onApplied: (a) => (applied = a),
    });
    await db.destroy();
    ctx.out(
      applied.length
        ? `Applied ${applied.length} migration(s):\n${applied.map((a) => `  ${a}`).join('\n')}\n`
        : 'The database is up to date.\n',
    );
    return 0;
  },
};
