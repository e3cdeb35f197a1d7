// The province's drive as pure rules: committee roles, the records and their inputs, the MOU text
// and reminder templates filled in (the forms' checks: province-drive-validation.ts).
import type { Agency } from './agency.ts';

export const COMMITTEE_ROLES = [
  'chair',
  'vice_chair',
  'member',
  'working_group',
  'secretary',
  'assistant_secretary',
] as const;

export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

export const isCommitteeRole = (v: string): v is CommitteeRole =>
  (COMMITTEE_ROLES as readonly string[]).includes(v);

/** The seed's ministry form asks for two coordinators per agency. */
export const COORDINATORS_NEEDED = 2;

export interface CommitteeMemberInput {
  name: string | null;
  position: string;
  office: string;
  role: CommitteeRole;
}

export interface CommitteeOrderInput {
  number: string;
  orderedOn: string;
  title: string;
  signer: string;
  members: CommitteeMemberInput[];
}

export interface CoordinatorInput {
  agencyCode: string;
  name: string;
  position: string;
  email: string;
  phone: string;
  fax: string | null;
}

export interface MouInput {
  level: 'province' | 'district';
  district: string | null;
  partyName: string;
  agencyCode: string | null;
  firstSigner: string;
  partySigner: string | null;
  signedOn: string | null;
  place: string | null;
  witnesses: string[];
  copiesMade: number | null;
  copiesKept: number | null;
  copiesSent: number | null;
  publishedUrl: string | null;
}

export interface TrainingEventInput {
  title: string;
  heldOn: string;
  place: string;
  audience: string;
}

export interface CommitteeOrder {
  id: string;
  number: string;
  orderedOn: string;
  title: string;
  signer: string;
  members: { seq: number; name: string | null; position: string; office: string; role: string }[];
}

export interface Coordinator extends CoordinatorInput {
  id: string;
}

export interface Mou extends MouInput {
  id: string;
  linkStatus: 'unchecked' | 'ok' | 'broken';
}

export interface TrainingEvent extends TrainingEventInput {
  id: string;
  attendance: { partyName: string; agencyCode: string | null; people: number }[];
}

/** What a reminder or an MOU may refer to; `{{name}}` in a template is replaced by its value. */
export type TemplateValues = Record<string, string>;

/** Fills `{{key}}` placeholders; unknown keys are left visible so a typo shows in the preview. */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => values[key] ?? whole);
}

export const REMINDER_PLACEHOLDERS = [
  'agency',
  'province',
  'year',
  'iit',
  'iitMin',
  'eit',
  'eitMin',
  'oit',
  'missing',
] as const;

/** The province's MOU in Thai, after the seed's template (บันทึกข้อตกลงความร่วมมือ 2564). */
export function mouText(v: {
  province: string;
  year: number;
  firstSigner: string;
  partyName: string;
  partySigner: string | null;
  signedOnText: string | null;
}): { title: string; paragraphs: string[] } {
  const dots = '................................';
  const party = v.partyName;
  return {
    title: `บันทึกข้อตกลงความร่วมมือ ว่าด้วยการขับเคลื่อนการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐในจังหวัด${v.province} ประจำปีงบประมาณ ${v.year}`,
    paragraphs: [
      `บันทึกข้อตกลงความร่วมมือฉบับนี้ทำขึ้น เมื่อวันที่ ${v.signedOnText ?? dots} ระหว่างจังหวัด${v.province} โดย ${v.firstSigner} และ${party} โดย ${v.partySigner ?? dots} เพื่อร่วมกันขับเคลื่อนการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment: ITA) ตามแนวทางและเครื่องมือที่สำนักงาน ป.ป.ช. กำหนด โดยมีเจตนารมณ์และความมุ่งมั่นตั้งใจ ดังนี้`,
      `1. ส่วนราชการในจังหวัด${v.province} มีความพร้อมในการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. ${v.year}`,
      `2. จังหวัด${v.province} และ${party} ร่วมกันขับเคลื่อนการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. ${v.year}`,
      `3. ส่วนราชการในจังหวัด${v.province} มีแนวทางในการปรับปรุงการยกระดับคุณธรรมและความโปร่งใสในการดำเนินงาน ให้มีความโปร่งใสมากยิ่งขึ้น`,
      '4. ทุกส่วนราชการร่วมกันขับเคลื่อนตามวิสัยทัศน์ยุทธศาสตร์ชาติว่าด้วยการป้องกันและปราบปรามการทุจริต',
      'บันทึกข้อตกลงความร่วมมือนี้ได้จัดทำขึ้นมีข้อความถูกต้องตรงกัน แต่ละฝ่ายถือไว้ฝ่ายละหนึ่งฉบับ โดยทั้งสองฝ่ายได้ลงนามร่วมกันและตกลงถือปฏิบัติตามบันทึกข้อตกลงนี้ ตั้งแต่วันที่ลงนามเป็นต้นไป',
    ],
  };
}

/** Why an agency is behind on the progress board. */
export type LagReason = 'coordinators' | 'mou_signed' | 'mou_published' | 'iit' | 'eit' | 'oit';

/** One agency on the province's progress board. */
export interface ProgressRow {
  agency: Agency;
  coordinators: number;
  /** The province unit's governor signs the MOUs rather than being a party to one. */
  mouApplies: boolean;
  mouSigned: boolean;
  mouPublished: boolean;
  linkStatus: 'unchecked' | 'ok' | 'broken' | null;
  iit: number;
  iitMin: number | null;
  eit: number;
  eitMin: number | null;
  oitSubmitted: number;
  oitTotal: number;
  review: string | null;
  lastYear: { overall: number | null; level: string | null } | null;
  thisYear: { overall: number | null; level: string | null } | null;
  reasons: LagReason[];
}
