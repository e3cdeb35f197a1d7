// Validates agency rows from agencies.csv against formats.md and the reference lists.
import { AGENCY_TYPE_CODES, isAgencyType, typeNeedsProvince, type Agency } from './agency.ts';
import { MAX_REPORTED_ISSUES, type ImportIssue } from './import-issue.ts';
import { err, ok, type Result } from './result.ts';
import { longerThan, TEXT_LIMITS } from './text-limits.ts';

export const AGENCY_COLUMNS = [
  'code',
  'name_th',
  'name_en',
  'type',
  'province',
  'district',
  'parent_code',
  'website',
  'staff_count',
] as const;
const REQUIRED = ['code', 'name_th', 'type'] as const;

export interface AgencyReference {
  provinces: ReadonlySet<string>;
  districtsOf: (province: string) => ReadonlySet<string> | undefined;
  /** Codes already in the register (parents may point at them). */
  existingCodes: ReadonlySet<string>;
}

export function validateAgencyRows(
  header: string[],
  rows: { line: number; values: Record<string, string> }[],
  ref: AgencyReference,
): Result<Agency[], ImportIssue[]> {
  const issues: ImportIssue[] = [];
  for (const col of header) {
    if (!(AGENCY_COLUMNS as readonly string[]).includes(col)) {
      issues.push({
        line: 1,
        column: col,
        th: `ไม่รู้จักคอลัมน์ "${col}" (ใช้ได้: ${AGENCY_COLUMNS.join(', ')})`,
        en: `Unknown column "${col}" (allowed: ${AGENCY_COLUMNS.join(', ')})`,
      });
    }
  }
  for (const col of REQUIRED) {
    if (!header.includes(col))
      issues.push({
        line: 1,
        column: col,
        th: `ไม่มีคอลัมน์ที่จำเป็น "${col}"`,
        en: `Required column "${col}" is missing`,
      });
  }
  if (issues.length) return err(issues);

  const seen = new Map<string, number>();
  const agencies: Agency[] = [];
  const codesInFile = new Set(rows.map((r) => r.values.code ?? ''));
  for (const { line, values: v } of rows) {
    if (issues.length >= MAX_REPORTED_ISSUES) break;
    const add = (column: string, th: string, en: string) => issues.push({ line, column, th, en });
    const code = v.code ?? '';
    const nameTh = v.name_th ?? '';
    const type = v.type ?? '';
    if (!code) add('code', 'ต้องระบุรหัสหน่วยงาน', 'code is required');
    else if (!/^[\w.-]{1,40}$/.test(code))
      add(
        'code',
        `รหัส "${code}" ใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข . _ - ไม่เกิน 40 ตัว`,
        `code "${code}" may hold only letters, digits, . _ - (at most 40)`,
      );
    else if (seen.has(code))
      add(
        'code',
        `รหัส "${code}" ซ้ำกับบรรทัด ${seen.get(code)}`,
        `code "${code}" repeats line ${seen.get(code)}`,
      );
    else seen.set(code, line);
    if (!nameTh) add('name_th', 'ต้องระบุชื่อภาษาไทย', 'name_th is required');
    // Names and the website are one-line fields, held to the same limit as in the forms.
    for (const col of ['name_th', 'name_en', 'website'] as const)
      if (longerThan(v[col] ?? '', TEXT_LIMITS.line))
        add(
          col,
          `${col} ยาวเกิน ${TEXT_LIMITS.line} ตัวอักษร`,
          `${col} is longer than ${TEXT_LIMITS.line} characters`,
        );
    if (!isAgencyType(type))
      add(
        'type',
        `ประเภท "${type}" ไม่ถูกต้อง (ใช้ได้: ${AGENCY_TYPE_CODES.join(', ')})`,
        `type "${type}" is not one of ${AGENCY_TYPE_CODES.join(', ')}`,
      );
    const province = v.province ?? '';
    const district = v.district ?? '';
    if (province && !ref.provinces.has(province))
      add(
        'province',
        `ไม่รู้จักจังหวัด "${province}" (ต้องเป็นหนึ่งใน 77 จังหวัด)`,
        `unknown province "${province}" (must be one of the 77)`,
      );
    if (!province && isAgencyType(type) && typeNeedsProvince(type))
      add('province', 'หน่วยงานประเภทนี้ต้องระบุจังหวัด', 'this agency type needs a province');
    if (district) {
      if (!province)
        add('district', 'ระบุอำเภอได้เมื่อระบุจังหวัดแล้วเท่านั้น', 'a district needs a province');
      else if (ref.provinces.has(province) && !ref.districtsOf(province)?.has(district))
        add(
          'district',
          `ไม่พบอำเภอ "${district}" ในจังหวัด${province}`,
          `no district "${district}" in ${province}`,
        );
    }
    const parent = v.parent_code ?? '';
    if (parent && parent === code)
      add('parent_code', 'หน่วยงานเป็นหน่วยงานแม่ของตัวเองไม่ได้', 'an agency cannot be its own parent');
    else if (parent && !codesInFile.has(parent) && !ref.existingCodes.has(parent))
      add('parent_code', `ไม่พบหน่วยงานแม่รหัส "${parent}"`, `no parent agency with code "${parent}"`);
    const website = v.website ?? '';
    if (website && !longerThan(website, TEXT_LIMITS.line) && !isHttpsUrl(website))
      add(
        'website',
        `เว็บไซต์ "${website}" ต้องขึ้นต้นด้วย https://`,
        `website "${website}" must be an https:// URL`,
      );
    const staff = v.staff_count ?? '';
    if (staff && !/^\d{1,7}$/.test(staff))
      add(
        'staff_count',
        `จำนวนบุคลากร "${staff}" ต้องเป็นจำนวนเต็มไม่ติดลบ`,
        `staff_count "${staff}" must be a whole number`,
      );
    agencies.push({
      code,
      nameTh,
      nameEn: v.name_en || null,
      type: type as Agency['type'],
      province: province || null,
      district: district || null,
      parentCode: parent || null,
      website: website || null,
      staffCount: staff ? Number(staff) : null,
    });
  }
  if (rows.length === 0)
    issues.push({
      line: 1,
      column: null,
      th: 'ไฟล์ไม่มีข้อมูลหน่วยงาน',
      en: 'the file has no agency rows',
    });
  return issues.length ? err(issues) : ok(agencies);
}

function isHttpsUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' && !!u.hostname;
  } catch {
    return false;
  }
}
