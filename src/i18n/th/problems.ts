// Thai text of every problem code (domain/problem.ts): the one place a code becomes words. The
// compiler checks that every code has a message taking its parameters.
import type { ProblemCode, ProblemParams } from '../../domain/problem.ts';
import { accessProblems } from './access-problems.ts';
import { backupProblems } from './backup-problems.ts';
import { frameworkProblems } from './framework-problems.ts';
import { importProblems } from './import-problems.ts';
import { oitProblems } from './oit-problems.ts';
import { provinceProblems } from './province-problems.ts';
import { publicationProblems } from './publication-problems.ts';
import { yearProblems } from './year-problems.ts';

type Catalogue = { [C in ProblemCode]: (p: ProblemParams[C]) => string };

export const problems = {
  ...importProblems,
  ...frameworkProblems,
  ...oitProblems,
  ...provinceProblems,
  ...yearProblems,
  ...accessProblems,
  ...publicationProblems,
  ...backupProblems,
  answer_missing: (p: { question: string }) => `ข้อ ${p.question}: กรุณาเลือกคำตอบ`,
  answer_not_allowed: (p: { question: string; value: string; allowed: string }) =>
    `ข้อ ${p.question}: คำตอบ "${p.value}" ใช้ไม่ได้ (ต้องเป็น ${p.allowed})`,
  question_unknown: (p: { question: string; tool: string }) =>
    `ไม่มีข้อ ${p.question} ในแบบวัด ${p.tool}`,
  item_other_tool: (p: { item: string; tool: string; other: string }) =>
    `ข้อ ${p.item} เป็นของแบบวัด ${p.other} ไม่ใช่ ${p.tool}`,
  item_unknown: (p: { item: string; framework: string }) =>
    `ไม่มีข้อ ${p.item} ในกรอบการประเมิน ${p.framework}`,
  yes_no_invalid: (p: { item: string; value: string }) =>
    `ข้อ ${p.item} ตอบได้เฉพาะ Y (มี) หรือ N (ไม่มี) แต่พบ "${p.value}"`,
  likert_invalid: (p: { item: string; value: string }) =>
    `ข้อ ${p.item} ตอบได้เฉพาะ 1–4 แต่พบ "${p.value}"`,
  demographic_missing: (p: { code: string; label: { th: string; en?: string } }) =>
    `${p.label.th}: กรุณาเลือกหนึ่งข้อ`,
  demographic_not_asked: (p: { field: string; tool: string }) =>
    `แบบวัด ${p.tool} ไม่มีข้อมูล ${p.field}`,
  demographic_invalid: (p: { field: string; options: string; value: string }) =>
    `${p.field} ต้องเป็นค่าใดค่าหนึ่งของ ${p.options} แต่พบ "${p.value}"`,
  eligibility_missing: () => 'กรุณาตอบว่าท่านปฏิบัติงานในหน่วยงานนี้มาแล้วตามระยะเวลาที่กำหนดหรือไม่',
  access_code_missing: () => 'กรุณากรอกรหัสเข้าตอบที่หน่วยงานมอบให้',
  access_code_refused: () => 'รหัสเข้าตอบไม่ถูกต้องหรือถูกใช้ไปแล้ว',
  response_id_invalid: (p: { field: string; value: string }) =>
    `${p.field} ต้องเป็น UUID แบบสุ่ม (รุ่น 4) เช่น 0b7e2c1a-5f3d-4c8e-9a61-2d4f8b3e7c10 แต่พบ "${p.value}"`,
  tool_invalid: (p: { value?: string }) =>
    p.value === undefined ? 'แบบวัดต้องเป็น IIT หรือ EIT' : `แบบวัดต้องเป็น IIT หรือ EIT แต่พบ "${p.value}"`,
  submitted_on_invalid: (p: { value: string }) => `วันที่ตอบต้องอยู่ในรูป YYYY-MM-DD แต่พบ "${p.value}"`,
  day_invalid: (p: { value: string }) =>
    `วันที่ต้องอยู่ในรูป YYYY-MM-DD (เฉพาะวัน ไม่มีเวลา) แต่พบ "${p.value}"`,
  year_unknown: (p: { year: number }) => `ไม่มีปีการประเมิน ${p.year}`,
  agency_unknown: (p: { code: string }) => `ไม่พบหน่วยงานรหัส ${p.code}`,
  agency_not_registered: (p: { code: string }) => `ไม่พบหน่วยงานรหัส "${p.code}" ในทะเบียน`,
  survey_closed: (p: { tool: string }) => `แบบวัด ${p.tool} ของหน่วยงานนี้ปิดรับคำตอบอยู่`,
  link_unknown: () => 'ไม่พบลิงก์แบบวัดนี้',
  rate_limited: (p: { source: 'network' | 'link'; minutes: number }) =>
    `มีการส่งคำตอบจาก${p.source === 'network' ? 'เครือข่ายนี้' : 'ลิงก์นี้'}มากเกินไป กรุณาลองใหม่ในอีก ${p.minutes} นาที`,
  line_repeats: (p: { what: 'oit' | 'result'; agency: string; key: string; line: number }) =>
    `หน่วยงาน ${p.agency} ${p.what === 'oit' ? 'ข้อ' : 'ปี'} ${p.key} ซ้ำกับบรรทัด ${p.line}`,
  year_not_open: (p: { year: number }) => `ยังไม่ได้เปิดปีงบประมาณ ${p.year} (ใช้ itas year create ก่อน)`,
  phase_unknown: (p: { phase: string; phases: string }) => `ไม่รู้จักช่วง "${p.phase}" (ใช้ ${p.phases})`,
  opens_invalid: () => 'วันเริ่มต้นไม่ใช่วันที่ที่ถูกต้อง',
  closes_invalid: () => 'วันสิ้นสุดไม่ใช่วันที่ที่ถูกต้อง',
  window_reversed: () => 'วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น',
  extension_reason_missing: () => 'การขยายเวลาให้หน่วยงานเดียวต้องระบุเหตุผล',
  extension_no_general: () =>
    'ยังไม่ได้กำหนดช่วงเวลานี้สำหรับทุกหน่วยงาน กำหนดช่วงเวลาหลักก่อนจึงขยายให้หน่วยงานเดียวได้',
  extension_shortens: (p: { opensOn: string; closesOn: string }) =>
    `การขยายเวลาต้องครอบคลุมช่วงเวลาของทุกหน่วยงาน (${p.opensOn} – ${p.closesOn}): เริ่มไม่ช้ากว่าและสิ้นสุดไม่ก่อนช่วงนั้น`,
  population_invalid: (p: { tool: 'IIT' | 'EIT' }) =>
    `${p.tool === 'IIT' ? 'จำนวนบุคลากรที่มีสิทธิ์ตอบ' : 'จำนวนผู้รับบริการ'} ต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง 10,000,000`,
  calendar_forbidden: () => 'กำหนดปฏิทินการประเมินได้เฉพาะผู้ดูแลระบบของ สำนักงาน ป.ป.ช.',
  fiscal_year_not_open: (p: { year: number }) => `ยังไม่ได้เปิดปีงบประมาณ ${p.year}`,
  targets_forbidden: () => 'เฉพาะผู้ดูแลของหน่วยงานนี้เท่านั้นที่กรอกจำนวนได้',
  agency_private_forbidden: () => 'ท่านไม่มีสิทธิ์ดูข้อมูลของหน่วยงานนี้',
  province_progress_forbidden: () => 'ท่านไม่มีสิทธิ์ดูความคืบหน้าของจังหวัดนี้',
  import_forbidden: () => 'นำเข้าข้อมูลได้เฉพาะ สำนักงาน ป.ป.ช.',
  links_manage_forbidden: () => 'เฉพาะผู้ดูแลของหน่วยงานนี้เท่านั้นที่จัดการลิงก์แบบวัดได้',
  links_create_all_forbidden: () => 'สร้างลิงก์ของทุกหน่วยงานได้เฉพาะ สำนักงาน ป.ป.ช.',
  links_list_forbidden: () => 'รายการลิงก์ทั้งหมดเป็นของ สำนักงาน ป.ป.ช.',
  api_cross_site: () => 'ไม่รับคำตอบที่ส่งมาจากเว็บไซต์อื่น',
  api_media_type: () => 'กรุณาส่งคำตอบในรูปแบบ Content-Type: application/json',
  api_too_large: (p: { kb: number }) => `ข้อมูลใหญ่เกิน ${p.kb} KB`,
  api_not_json: () => 'ข้อมูลที่ส่งมาไม่ใช่ JSON',
  api_json_object: () => 'ส่งเป็นออบเจ็กต์ JSON',
  api_submission_invalid: () => 'ข้อมูลที่ส่งมาไม่ถูกต้อง',
  api_field_invalid: (p: { field: string; detail: string }) =>
    p.field === 'response_id' ? 'response_id ต้องเป็น UUID แบบสุ่ม' : `${p.field}: รูปแบบข้อมูลไม่ถูกต้อง`,
  api_refused: () => 'ไม่สามารถดำเนินการได้',
} satisfies Catalogue;
