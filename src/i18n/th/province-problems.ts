// Thai text of the province workspace's form problems (domain/problem-params/province.ts), spread into
// the problems catalogue; the compiler checks every code has a message taking its parameters.
import type {
  CopiesLabel,
  DriveLabel,
  ProvinceProblemParams,
} from '../../domain/problem-params/province.ts';

type Catalogue = { [C in keyof ProvinceProblemParams]: (p: ProvinceProblemParams[C]) => string };

const label: Record<DriveLabel, string> = {
  order_number: 'เลขที่คำสั่ง',
  order_date: 'วันที่สั่ง',
  title: 'เรื่อง',
  signer: 'ผู้ลงนาม',
  name: 'ชื่อ-นามสกุล',
  position: 'ตำแหน่ง',
  party: 'ชื่อหน่วยงานคู่ลงนาม',
  first_signer: 'ผู้ลงนามฝ่ายจังหวัด/อำเภอ',
  signing_date: 'วันที่ลงนาม',
  training_title: 'ชื่อการอบรม',
  training_date: 'วันที่อบรม',
  place: 'สถานที่',
  audience: 'กลุ่มเป้าหมาย',
};

const copies: Record<CopiesLabel, string> = {
  copies_made: 'จำนวนฉบับที่จัดทำ',
  copies_kept: 'จำนวนฉบับที่เก็บไว้',
  copies_sent: 'จำนวนฉบับที่ส่งจังหวัด',
};

const row = (n: number) => `ลำดับที่ ${n}`;

export const provinceProblems = {
  drive_required: (p: { label: DriveLabel }) => `กรุณากรอก${label[p.label]}`,
  drive_too_long: (p: { label: DriveLabel; max: number }) =>
    `${label[p.label]}ยาวเกิน ${p.max} ตัวอักษร`,
  drive_day_invalid: (p: { label: DriveLabel }) =>
    `${label[p.label]}ไม่ถูกต้อง ใช้รูปแบบ วัน/เดือน/ปี พ.ศ. เช่น 3/2/2564`,
  copies_invalid: (p: { label: CopiesLabel }) => `${copies[p.label]}ต้องเป็นจำนวนเต็ม 0–100`,
  copies_exceed: () => 'ฉบับที่เก็บไว้รวมกับที่ส่งจังหวัดมากกว่าจำนวนที่จัดทำ',
  member_position_missing: (p: { row: number }) => `${row(p.row)}: กรุณากรอกตำแหน่ง`,
  member_office_missing: (p: { row: number }) => `${row(p.row)}: กรุณากรอกสังกัด`,
  member_role_missing: (p: { row: number }) => `${row(p.row)}: เลือกบทบาทในคณะกรรมการ`,
  members_none: () => 'กรุณากรอกกรรมการอย่างน้อยหนึ่งคน',
  coordinator_agency_missing: () => 'กรุณาเลือกหน่วยงาน',
  email_invalid: () => 'กรุณากรอกอีเมลให้ถูกต้อง เช่น name@example.go.th',
  phone_invalid: () => 'กรุณากรอกหมายเลขโทรศัพท์ เช่น 0-5351-1192 ต่อ 27970',
  fax_invalid: () => 'หมายเลขโทรสารไม่ถูกต้อง',
  mou_district_missing: () => 'กรุณากรอกอำเภอของบันทึกข้อตกลงระดับอำเภอ',
  published_url_invalid: () => 'URL ที่เผยแพร่ต้องขึ้นต้นด้วย http:// หรือ https://',
  published_url_needs_signing: () => 'บันทึกวันที่ลงนามก่อนบันทึก URL ที่เผยแพร่',
  attendance_party_missing: () => 'เลือกหน่วยงาน หรือกรอกชื่อส่วนราชการ',
  attendance_people_invalid: () => 'จำนวนผู้เข้าอบรมต้องเป็นจำนวนเต็ม 1–1000',
  agency_not_in_province: (p: { code: string; province: string }) =>
    `ไม่พบหน่วยงานรหัส ${p.code} ในจังหวัด${p.province}`,
  workspace_year_unknown: () => 'ไม่พบปีงบประมาณนี้',
  workspace_province_unknown: () => 'ไม่พบจังหวัดนี้',
  workspace_forbidden: (p: { province: string }) =>
    `พื้นที่ทำงานของจังหวัด${p.province} เปิดดูได้เฉพาะเจ้าหน้าที่จังหวัด${p.province} และ สำนักงาน ป.ป.ช.`,
  workspace_read_only: () =>
    'สำนักงาน ป.ป.ช. เปิดดูพื้นที่ทำงานของจังหวัดได้อย่างเดียว การแก้ไขทำโดยเจ้าหน้าที่จังหวัด',
  coordinator_forbidden: () => 'ผู้ประสานงานกรอกได้โดยเจ้าหน้าที่จังหวัดหรือผู้ดูแลของหน่วยงานนั้น',
  coordinator_unknown: () => 'ไม่พบผู้ประสานงานนี้',
  mou_unknown: () => 'ไม่พบบันทึกข้อตกลงนี้',
  training_unknown: () => 'ไม่พบการอบรมนี้',
  system_only: () => 'เฉพาะระบบ',
  officers_only_templates: () => 'แก้ไขแม่แบบได้เฉพาะเจ้าหน้าที่จังหวัด',
  officers_only_reminders: () => 'ส่งการแจ้งเตือนได้เฉพาะเจ้าหน้าที่จังหวัด',
  reminder_agencies_missing: () => 'เลือกหน่วยงานอย่างน้อยหนึ่งแห่ง',
  reminder_subject_missing: () => 'กรุณากรอกหัวเรื่อง',
  reminder_body_missing: () => 'กรุณากรอกข้อความ',
  reminder_no_recipients: () => 'หน่วยงานที่เลือกยังไม่มีผู้ประสานงาน จึงไม่มีผู้รับ',
  template_unknown: () => 'ไม่พบแม่แบบนี้',
  template_subject_invalid: () => 'กรุณากรอกหัวเรื่อง (ไม่เกิน 200 ตัวอักษร)',
  template_body_invalid: () => 'กรุณากรอกข้อความ (ไม่เกิน 5,000 ตัวอักษร)',
} satisfies Catalogue;
