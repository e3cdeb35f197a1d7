// Every `itas` command. Add a command by adding it to this list.
import type { Command } from './command.ts';
import { importAgenciesCommand, listAgenciesCommand } from './commands/agencies.command.ts';
import { backupCommand, restoreCommand } from './commands/backup.command.ts';
import { demoCommand } from './commands/demo.command.ts';
import { frameworkCommands } from './commands/framework.command.ts';
import { migrateCommand } from './commands/migrate.command.ts';
import {
  createUserCommand,
  disableUserCommand,
  listUsersCommand,
} from './commands/users.command.ts';
import { resultsCommands } from './commands/results.command.ts';
import { surveyCommands } from './commands/surveys.command.ts';
import { publicationCommands } from './commands/publication.command.ts';
import { verifyCommand } from './commands/verify.command.ts';

export const commands: Command[] = [
  migrateCommand,
  backupCommand,
  restoreCommand,
  demoCommand,
  importAgenciesCommand,
  listAgenciesCommand,
  createUserCommand,
  listUsersCommand,
  disableUserCommand,
  ...resultsCommands,
  ...publicationCommands,
  ...surveyCommands,
  verifyCommand,
  ...frameworkCommands,
];
