// Thai text of the problems of an imported file (domain/import-issue.ts), spread into the problems
// catalogue; the compiler checks that every code has a message taking its parameters.
import type { ImportProblemParams } from '../../domain/import-issue.ts';

type Catalogue = { [C in keyof ImportProblemParams]: (p: ImportProblemParams[C]) => string };

const n = (x: number) => x.toLocaleString('en');

export const importProblems = {
  file_empty: () => 'ไฟล์ว่าง ไม่มีแถวหัวตาราง',
  xlsx_too_big: (p: { mb: number }) => `ไฟล์ .xlsx ใหญ่เกิน ${p.mb} MB กรุณาบันทึกเป็น CSV แล้วนำเข้าแทน`,
  xlsx_unreadable: () => 'อ่านไฟล์ .xlsx ไม่ได้ (ไฟล์เสียหรือไม่ใช่สมุดงาน Excel)',
  control_character: (p: { code: string }) => `พบอักขระควบคุม (U+${p.code}) ซึ่งไม่ใช่ข้อความ`,
  byte_invalid: (p: { encoding: 'utf-8' | 'windows-874' }): string =>
    p.encoding === 'windows-874'
      ? 'พบไบต์ที่ไม่ใช่อักขระใน Windows-874 (TIS-620) ตรวจสอบว่าบันทึกไฟล์เป็น CSV UTF-8 หรือ Windows-874'
      : 'พบลำดับไบต์ที่ไม่ใช่ UTF-8 ที่ถูกต้อง หากไฟล์บันทึกจาก Excel ภาษาไทย ให้ระบุ --encoding windows-874 หรือบันทึกเป็น CSV UTF-8',
  value_too_long: (p: { max: number }) => `ข้อความยาวเกิน ${n(p.max)} ตัวอักษร`,
  value_beyond_header: (p: { index: number; columns: number }) =>
    `มีค่าในคอลัมน์ที่ ${p.index} ซึ่งไม่มีชื่อในแถวหัวตาราง (มี ${p.columns} คอลัมน์)`,
  columns_mismatch: (p: { found: number; expected: number }) =>
    `จำนวนคอลัมน์ไม่ตรงกับหัวตาราง (พบ ${p.found} ต้องมี ${p.expected})`,
  // The same English words in both languages, as before.
  csv_malformed: (p: { what: 'quote_inside' | 'quote_unclosed' }) =>
    `รูปแบบ CSV ไม่ถูกต้อง (${p.what === 'quote_inside' ? 'a quote inside an unquoted field' : 'a quoted field is not closed'})`,
  column_unnamed: (p: { index: number }) => `คอลัมน์ที่ ${p.index} ไม่มีชื่อในแถวหัวตาราง`,
  column_repeated: (p: { column: string }) => `คอลัมน์ "${p.column}" ซ้ำในแถวหัวตาราง`,
  column_unknown: (p: { column: string; allowed: string }) =>
    `ไม่รู้จักคอลัมน์ "${p.column}" (ใช้ได้: ${p.allowed})`,
  column_missing: (p: { column: string }) => `ไม่มีคอลัมน์ที่จำเป็น "${p.column}"`,
  agency_code_missing: () => 'ต้องระบุรหัสหน่วยงาน',
  column_required: (p: { column: string }) => `ต้องระบุ ${p.column}`,
  column_too_long: (p: { column: string; max: number }) => `${p.column} ยาวเกิน ${p.max} ตัวอักษร`,
  oit_item_unknown: (p: { item: string; count: number }) =>
    `ไม่มีข้อ "${p.item}" ในกรอบการประเมินของปีนี้ (O1 … O${p.count})`,
  oit_answer_invalid: (p: { value: string }) =>
    `คำตอบต้องเป็น has, has_not หรือ not_applicable แต่พบ "${p.value}"`,
  oit_not_applicable_refused: (p: { item: string }) =>
    `กรอบการประเมินของปีนี้ไม่อนุญาตให้ตอบข้อ ${p.item} ว่าไม่เกี่ยวข้อง`,
  oit_note_missing: (p: { item: string }) => `ข้อ ${p.item} ตอบว่าไม่เกี่ยวข้อง ต้องมีคำชี้แจงในคอลัมน์ note`,
  url_invalid: (p: { value: string }) => `URL ต้องขึ้นต้นด้วย http:// หรือ https:// แต่พบ "${p.value}"`,
  oit_score_invalid: (p: { value: string }) => `คะแนนต้องเป็น 0 หรือ 100 หรือเว้นว่าง แต่พบ "${p.value}"`,
  fiscal_year_invalid: (p: { value: string }) =>
    `ปีงบประมาณต้องเป็นปี พ.ศ. 4 หลัก เช่น 2562 แต่พบ "${p.value}"`,
  score_invalid: (p: { column: string; value: string }) =>
    `${p.column} ต้องเป็นตัวเลข 0–100 แต่พบ "${p.value}"`,
  level_mismatch: (p: { level: string; overall: number; year: number; expected: string }) =>
    `ระดับ "${p.level}" ไม่ตรงกับคะแนน ${p.overall} ตามเกณฑ์ของปี ${p.year} (ควรเป็น ${p.expected})`,
  code_missing: () => 'ต้องระบุรหัสหน่วยงาน',
  code_invalid: (p: { code: string }) =>
    `รหัส "${p.code}" ใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข . _ - ไม่เกิน 40 ตัว`,
  code_repeats: (p: { code: string; line: number }) => `รหัส "${p.code}" ซ้ำกับบรรทัด ${p.line}`,
  name_th_missing: () => 'ต้องระบุชื่อภาษาไทย',
  type_invalid: (p: { value: string; allowed: string }) =>
    `ประเภท "${p.value}" ไม่ถูกต้อง (ใช้ได้: ${p.allowed})`,
  province_unknown: (p: { value: string }) => `ไม่รู้จักจังหวัด "${p.value}" (ต้องเป็นหนึ่งใน 77 จังหวัด)`,
  province_required: () => 'หน่วยงานประเภทนี้ต้องระบุจังหวัด',
  district_needs_province: () => 'ระบุอำเภอได้เมื่อระบุจังหวัดแล้วเท่านั้น',
  district_unknown: (p: { district: string; province: string }) =>
    `ไม่พบอำเภอ "${p.district}" ในจังหวัด${p.province}`,
  parent_self: () => 'หน่วยงานเป็นหน่วยงานแม่ของตัวเองไม่ได้',
  parent_unknown: (p: { code: string }) => `ไม่พบหน่วยงานแม่รหัส "${p.code}"`,
  website_not_https: (p: { value: string }) => `เว็บไซต์ "${p.value}" ต้องขึ้นต้นด้วย https://`,
  staff_count_invalid: (p: { value: string }) => `จำนวนบุคลากร "${p.value}" ต้องเป็นจำนวนเต็มไม่ติดลบ`,
  agencies_none: () => 'ไฟล์ไม่มีข้อมูลหน่วยงาน',
  group_year_missing: () => 'ระบุกลุ่มหน่วยงานต้องระบุปีงบประมาณด้วย',
  group_year_not_created: (p: { value: string }) => `ยังไม่ได้สร้างปีงบประมาณ "${p.value}"`,
  group_missing: () => 'ระบุขนาดต้องระบุกลุ่มหน่วยงานด้วย',
  group_unknown: (p: { group: string; year: number; allowed: string }) =>
    p.allowed
      ? `กลุ่ม "${p.group}" ไม่มีในกรอบการประเมินปี ${p.year} (ใช้ได้: ${p.allowed})`
      : `กรอบการประเมินปี ${p.year} ไม่มีกลุ่มหน่วยงาน`,
  size_unknown: (p: { size: string; group: string; allowed: string }) =>
    p.allowed
      ? `ขนาด "${p.size}" ไม่มีในกลุ่ม ${p.group} (ใช้ได้: ${p.allowed})`
      : `กลุ่ม ${p.group} ไม่แบ่งตามขนาด ให้เว้นว่าง`,
  size_missing: (p: { group: string; allowed: string }) =>
    `กลุ่ม ${p.group} ต้องระบุขนาด (${p.allowed})`,
} satisfies Catalogue;
