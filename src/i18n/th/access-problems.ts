// Thai text of the refusals about who may do what (domain/problem-params/access.ts), spread into
// the problems catalogue; the compiler checks every code has a message taking its parameters.
import type { AccessProblemParams } from '../../domain/problem-params/access.ts';
import { accounts } from './accounts.ts';
import { admin } from './admin.ts';

type Catalogue = { [C in keyof AccessProblemParams]: (p: AccessProblemParams[C]) => string };

export const accessProblems = {
  user_refused: (p: AccessProblemParams['user_refused']) => admin.errors[p.reason],
  password_invalid: (p: AccessProblemParams['password_invalid']) => accounts.password[p.reason],
  sign_in_first: () => accounts.errors.signInFirst,
  forbidden: () => 'ไม่มีสิทธิ์',
  nacc_only: () => 'เฉพาะ สำนักงาน ป.ป.ช.',
  outbox_forbidden: () => 'กล่องจดหมายออกเปิดดูได้เฉพาะผู้ดูแลระบบของ สำนักงาน ป.ป.ช.',
  audit_log_forbidden: () => 'บันทึกการตรวจสอบเปิดดูได้เฉพาะผู้ดูแลระบบของ สำนักงาน ป.ป.ช.',
  backup_forbidden: () => 'เฉพาะผู้ดูแลระบบของ สำนักงาน ป.ป.ช. เท่านั้นที่สำรองและกู้คืนข้อมูลได้',
  no_year_open: () => 'ยังไม่ได้เปิดปีการประเมิน ใช้คำสั่ง itas year create',
} satisfies Catalogue;
