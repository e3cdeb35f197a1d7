// Thai text of what is wrong with a backup file and of the refusals of backing up and restoring
// (domain/problem-params/backup.ts), spread into the problems catalogue; the compiler checks every
// code has a message taking its parameters.
import type {
  BackupFileProblem,
  BackupFileProblemParams,
  BackupPlace,
  BackupProblemParams,
} from '../../domain/problem-params/backup.ts';
import { ops } from './ops.ts';

type Params = BackupFileProblemParams & BackupProblemParams;
type Catalogue = { [C in keyof Params]: (p: Params[C]) => string };
type P<C extends keyof Params> = Params[C];

const file = {
  backup_file_empty: () => 'ไฟล์ว่าง',
  backup_after_end: () => 'มีข้อมูลต่อท้ายหลังบรรทัดสิ้นสุด',
  backup_table_unended: () => 'ตารางก่อนหน้ายังไม่จบ',
  backup_table_line_incomplete: () => 'บรรทัดเริ่มตารางไม่สมบูรณ์',
  backup_row_count_off: () => 'จำนวนแถวของตารางไม่ตรงกับที่บันทึกไว้',
  backup_last_table_incomplete: () => 'ตารางสุดท้ายไม่ครบ',
  backup_totals_off: () => 'จำนวนตารางหรือแถวไม่ตรงกับที่บันทึกไว้',
  backup_not_a_row: () => 'บรรทัดไม่ใช่ข้อมูลของตาราง',
  backup_cut_short: () => 'ไฟล์ถูกตัดก่อนจบ (ไม่พบบรรทัดสิ้นสุด)',
  backup_json_unreadable: () => 'อ่าน JSON ไม่ได้',
  backup_not_open_itas: () => 'ไม่ใช่ไฟล์สำรองข้อมูลของ Open ITAS',
  backup_version_unsupported: (p: P<'backup_version_unsupported'>) => `ไม่รองรับรุ่นไฟล์ ${p.version}`,
  backup_not_gzip: () => 'ไม่ใช่ไฟล์ gzip ที่สมบูรณ์',
  backup_table_unknown: (p: P<'backup_table_unknown'>) => `ไม่รู้จักตาราง ${p.table}`,
  backup_columns_unknown: (p: P<'backup_columns_unknown'>) =>
    `ตาราง ${p.table} ไม่มีคอลัมน์ ${p.columns.join(', ')}`,
};

/** A file problem's words, through the table above. */
const fileText = (p: BackupFileProblem) =>
  (file[p.code] as (params: BackupFileProblem['params']) => string)(p.params);
const place = (at: BackupPlace) => ('line' in at ? `บรรทัด ${at.line}` : at.path);

export const backupProblems = {
  ...file,
  backup_unusable: (p: P<'backup_unusable'>) =>
    `ไฟล์สำรองข้อมูลใช้ไม่ได้ (${place(p.at)}): ${fileText(p.problem)}`,
  backup_restore_not_empty: (p: P<'backup_restore_not_empty'>) =>
    `กู้คืนได้เฉพาะฐานข้อมูลที่ว่างเท่านั้น แต่ตาราง ${p.tables.join(', ')} มีข้อมูลอยู่แล้ว`,
  backup_restore_newer: (p: P<'backup_restore_newer'>) =>
    `ไฟล์สำรองข้อมูลมาจากรุ่นที่ใหม่กว่าโปรแกรมนี้ (ไม่รู้จัก ${p.migrations.join(', ')}) ให้ใช้โปรแกรมรุ่นเดียวกันหรือใหม่กว่า`,
  backup_no_file: (p: P<'backup_no_file'>) => `ไม่พบไฟล์ ${p.path}`,
  backup_needs_token: (p: P<'backup_needs_token'>) =>
    `${ops.databaseInUse(p.dir, String(p.pid))}\n${ops.backupNeedsToken}`,
  backup_server_unreachable: (p: P<'backup_server_unreachable'>) => `ติดต่อเซิร์ฟเวอร์ที่ ${p.url} ไม่ได้`,
  backup_server_token_refused: (p: P<'backup_server_token_refused'>) =>
    `เซิร์ฟเวอร์ที่ ${p.url} ไม่รับ BACKUP_TOKEN นี้ ให้ใช้ค่าเดียวกับที่ตั้งไว้ให้เซิร์ฟเวอร์`,
  backup_server_not_serving: (p: P<'backup_server_not_serving'>) =>
    `เซิร์ฟเวอร์ที่ ${p.url} ไม่ได้เปิดการสำรองข้อมูล: ตั้ง BACKUP_TOKEN ให้เซิร์ฟเวอร์แล้วเริ่มใหม่ หรือหยุดเซิร์ฟเวอร์ก่อนสำรองข้อมูล`,
  backup_server_busy: (p: P<'backup_server_busy'>) =>
    `เซิร์ฟเวอร์กำลังสำรองข้อมูลอยู่หรือเพิ่งสำรองไป ให้ลองใหม่ในอีก ${p.seconds} วินาที`,
  backup_server_failed: (p: P<'backup_server_failed'>) =>
    `เซิร์ฟเวอร์ที่ ${p.url} สำรองข้อมูลไม่สำเร็จ (HTTP ${p.status})`,
  backup_transfer_cut: () => 'การรับไฟล์จากเซิร์ฟเวอร์ขาดตอน ไม่ได้เก็บไฟล์ไว้',
  backup_received_broken: (p: P<'backup_received_broken'>) =>
    `ไฟล์ที่ได้รับจากเซิร์ฟเวอร์ไม่สมบูรณ์ (${p.line === undefined ? '' : `บรรทัด ${p.line}: `}${fileText(p.problem)}) ไม่ได้เก็บไฟล์ไว้`,
} satisfies Catalogue;
