// The codes of what is wrong with a backup file (domain/backup-format.ts and the restore's own
// checks against the database) and of the refusals of backing up and restoring
// (services/backup.service.ts, services/backup-fetch.ts, `itas backup`), with their parameters.
// Apart from domain/problem.ts so that problem.ts can gather every area's codes without an import
// cycle.

/** What breaks a backup file: its structure, its gzip, or what it holds against this database. */
export interface BackupFileProblemParams {
  backup_file_empty: Record<string, never>;
  backup_after_end: Record<string, never>;
  backup_table_unended: Record<string, never>;
  backup_table_line_incomplete: Record<string, never>;
  backup_row_count_off: Record<string, never>;
  backup_last_table_incomplete: Record<string, never>;
  backup_totals_off: Record<string, never>;
  backup_not_a_row: Record<string, never>;
  backup_cut_short: Record<string, never>;
  backup_json_unreadable: Record<string, never>;
  backup_not_open_itas: Record<string, never>;
  /** `version`: the header's, as written (it may be no number). */
  backup_version_unsupported: { version: string };
  backup_not_gzip: Record<string, never>;
  /** A table the file names that this database does not have. */
  backup_table_unknown: { table: string };
  backup_columns_unknown: { table: string; columns: string[] };
}

/** One of those problems (the shape of domain/problem.ts's Problem, which cannot be imported). */
export type BackupFileProblem = {
  [C in keyof BackupFileProblemParams]: {
    field: string;
    code: C;
    params: BackupFileProblemParams[C];
  };
}[keyof BackupFileProblemParams];

/** Where in the file: a line of it, or the whole file by its path. */
export type BackupPlace = { line: number } | { path: string };

export interface BackupProblemParams {
  /** A restore refused by what is wrong with its file. */
  backup_unusable: { at: BackupPlace; problem: BackupFileProblem };
  /** The tables of the target that already hold data. */
  backup_restore_not_empty: { tables: string[] };
  /** The migrations of the backup this program does not know. */
  backup_restore_newer: { migrations: string[] };
  backup_no_file: { path: string };
  /** `itas backup` on an embedded database a running server owns, without BACKUP_TOKEN. */
  backup_needs_token: { dir: string; pid: number };
  // The running server's backup as `itas backup` asks for it (backup-fetch.ts); `url`: the server.
  backup_server_unreachable: { url: string };
  backup_server_token_refused: { url: string };
  backup_server_not_serving: { url: string };
  /** `seconds`: the server's Retry-After as sent, or 10. */
  backup_server_busy: { seconds: string };
  backup_server_failed: { url: string; status: number };
  backup_transfer_cut: Record<string, never>;
  /** The file received is not whole; `line` when its structure broke at one. */
  backup_received_broken: { line?: number; problem: BackupFileProblem };
}
