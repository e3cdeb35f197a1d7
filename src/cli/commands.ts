// Every `itas` command. Add a command by adding it to this list.
import type { Command } from './command.ts';
import { importAgenciesCommand, listAgenciesCommand } from './commands/agencies.command.ts';
import { demoCommand } from './commands/demo.command.ts';
import { migrateCommand } from './commands/migrate.command.ts';

export const commands: Command[] = [
  migrateCommand,
  demoCommand,
  importAgenciesCommand,
  listAgenciesCommand,
];
