// Thai text of the refusals of publishing, OIT exceptions and an agency's profile
// (domain/problem-params/publication.ts), spread into the problems catalogue; the compiler checks
// every code has a message taking its parameters.
import type { PublicationProblemParams } from '../../domain/problem-params/publication.ts';
import { readinessText } from '../publication-text.ts';
import { publication } from './publication.ts';

type Catalogue = {
  [C in keyof PublicationProblemParams]: (p: PublicationProblemParams[C]) => string;
};
type P<C extends keyof PublicationProblemParams> = PublicationProblemParams[C];

export const publicationProblems = {
  publication_nacc_only: () => 'เฉพาะผู้ดูแลระบบของ สำนักงาน ป.ป.ช. เท่านั้น',
  publication_year_missing: (p: P<'publication_year_missing'>) => `ไม่พบปีงบประมาณ ${p.year}`,
  publication_already_published: (p: P<'publication_already_published'>) =>
    `ปี ${p.year} ประกาศผลแล้ว`,
  publication_not_ready: (p: P<'publication_not_ready'>) =>
    `${publication.refused(String(p.readiness.fiscalYear))}\n${readinessText(p.readiness, 'th')}`,
  publication_announcement_required: () => 'กรุณากรอกข้อความประกาศผล (ภาษาไทย)',
  publication_confirm_required: () => 'กรุณาทำเครื่องหมายยืนยันการประกาศผลก่อน',
  publication_not_published: (p: P<'publication_not_published'>) => `ปี ${p.year} ยังไม่ได้ประกาศผล`,
  exception_year_published: () => 'ปีนี้ประกาศผลแล้ว ยกเลิกการประกาศผลก่อนจึงจะแก้ไขข้อยกเว้นได้',
  exception_agency_unknown: (p: P<'exception_agency_unknown'>) => `ไม่พบหน่วยงานรหัส ${p.code}`,
  exception_reason_required: () => 'กรุณาระบุเหตุผลของข้อยกเว้น',
  exception_reason_too_long: (p: P<'exception_reason_too_long'>) => `เหตุผลยาวเกิน ${p.max} ตัวอักษร`,
  exception_oit_confirmed: (p: P<'exception_oit_confirmed'>) =>
    `${p.code} ยืนยันผล OIT แล้ว ไม่ต้องมีข้อยกเว้น`,
  exception_missing: (p: P<'exception_missing'>) => `${p.code} ไม่มีข้อยกเว้น`,
  profile_agency_unknown: () => 'ไม่พบหน่วยงานตามรหัสที่ระบุในทะเบียนหน่วยงาน',
  profile_not_your_agency: () => 'คุณไม่มีสิทธิ์ในหน่วยงานนี้',
  profile_website_invalid: () => 'เว็บไซต์ต้องขึ้นต้นด้วย http:// หรือ https:// และไม่มีช่องว่าง',
  profile_staff_invalid: () => 'จำนวนบุคลากรต้องเป็นจำนวนเต็มตั้งแต่ 0 ขึ้นไป',
} satisfies Catalogue;
