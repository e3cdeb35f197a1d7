// English text of what is wrong with a backup file and of the refusals of backing up and
// restoring: the same keys as Thai, compiler-checked.
import type { BackupFileProblem, BackupPlace } from '../../domain/problem-params/backup.ts';
import type { Widen } from '../types.ts';
import type { backupProblems as th } from '../th/backup-problems.ts';
import { ops } from './ops.ts';

type FileCodes = BackupFileProblem['code'];

const file: Pick<Widen<typeof th>, FileCodes> = {
  backup_file_empty: () => 'the file is empty',
  backup_after_end: () => 'data after the end line',
  backup_table_unended: () => 'the previous table has no end line',
  backup_table_line_incomplete: () => 'an incomplete table line',
  backup_row_count_off: () => 'a table’s row count does not match',
  backup_last_table_incomplete: () => 'the last table is incomplete',
  backup_totals_off: () => 'table or row totals do not match',
  backup_not_a_row: () => 'not a row of a table',
  backup_cut_short: () => 'the file is cut short (no end line)',
  backup_json_unreadable: () => 'unreadable JSON',
  backup_not_open_itas: () => 'not an Open ITAS backup',
  backup_version_unsupported: (p) => `unsupported file version ${p.version}`,
  backup_not_gzip: () => 'not a complete gzip file',
  backup_table_unknown: (p) => `unknown table ${p.table}`,
  backup_columns_unknown: (p) => `table ${p.table} has no column ${p.columns.join(', ')}`,
};

const fileText = (p: BackupFileProblem) =>
  (file[p.code] as (params: BackupFileProblem['params']) => string)(p.params);
const place = (at: BackupPlace) => ('line' in at ? `line ${at.line}` : at.path);

export const backupProblems: Widen<typeof th> = {
  ...file,
  backup_unusable: (p) => `Unusable backup file (${place(p.at)}): ${fileText(p.problem)}`,
  backup_restore_not_empty: (p) =>
    `A restore needs an empty database, but ${p.tables.join(', ')} already hold data`,
  backup_restore_newer: (p) =>
    `The backup comes from a newer version (unknown migrations ${p.migrations.join(', ')}); restore it with the same or a newer version`,
  backup_no_file: (p) => `No such file: ${p.path}`,
  backup_needs_token: (p) => `${ops.databaseInUse(p.dir, String(p.pid))}\n${ops.backupNeedsToken}`,
  backup_server_unreachable: (p) => `Could not reach the running server at ${p.url}`,
  backup_server_token_refused: (p) =>
    `The server at ${p.url} refused this BACKUP_TOKEN: use the same value the server is configured with`,
  backup_server_not_serving: (p) =>
    `The server at ${p.url} does not serve backups: set BACKUP_TOKEN in its configuration and restart it, or stop it for the backup`,
  backup_server_busy: (p) =>
    `The server is taking a backup or has just taken one: try again in ${p.seconds} seconds`,
  backup_server_failed: (p) =>
    `The server at ${p.url} could not take the backup (HTTP ${p.status})`,
  backup_transfer_cut: () => 'The transfer from the server was cut short; no file was kept',
  backup_received_broken: (p) =>
    `The file received from the server is not whole (${p.line === undefined ? '' : `line ${p.line}: `}${fileText(p.problem)}); no file was kept`,
};
