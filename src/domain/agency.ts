// The agency model: the 12 agency types of formats.md and the rules an agency record obeys.

export const AGENCY_TYPES = [
  {
    code: 'court_independent',
    th: 'หน่วยธุรการขององค์กรศาล องค์กรอิสระ องค์กรอัยการ และหน่วยงานในสังกัดรัฐสภา',
    en: 'Courts, independent and prosecution bodies, parliamentary units',
    enOne: 'Court, independent or prosecution body, or parliamentary unit',
    needsProvince: false,
  },
  {
    code: 'department',
    th: 'ส่วนราชการระดับกรม',
    en: 'Government departments',
    enOne: 'Government department',
    needsProvince: false,
  },
  {
    code: 'state_enterprise',
    th: 'รัฐวิสาหกิจ',
    en: 'State enterprises',
    enOne: 'State enterprise',
    needsProvince: false,
  },
  {
    code: 'public_org',
    th: 'องค์การมหาชน กองทุน และหน่วยงานอื่นของรัฐ',
    en: 'Public organisations, funds and other state agencies',
    enOne: 'Public organisation, fund or other state agency',
    needsProvince: false,
  },
  {
    code: 'university',
    th: 'สถาบันอุดมศึกษา',
    en: 'Higher education institutions',
    enOne: 'Higher education institution',
    needsProvince: false,
  },
  {
    code: 'province',
    th: 'จังหวัด',
    en: 'Province units',
    enOne: 'Province unit',
    needsProvince: true,
  },
  {
    code: 'pao',
    th: 'องค์การบริหารส่วนจังหวัด',
    en: 'Provincial administrative organisations',
    enOne: 'Provincial administrative organisation',
    needsProvince: true,
  },
  {
    code: 'city_municipality',
    th: 'เทศบาลนคร',
    en: 'City municipalities',
    enOne: 'City municipality',
    needsProvince: true,
  },
  {
    code: 'town_municipality',
    th: 'เทศบาลเมือง',
    en: 'Town municipalities',
    enOne: 'Town municipality',
    needsProvince: true,
  },
  {
    code: 'subdistrict_municipality',
    th: 'เทศบาลตำบล',
    en: 'Subdistrict municipalities',
    enOne: 'Subdistrict municipality',
    needsProvince: true,
  },
  {
    code: 'sao',
    th: 'องค์การบริหารส่วนตำบล',
    en: 'Subdistrict administrative organisations',
    enOne: 'Subdistrict administrative organisation',
    needsProvince: true,
  },
  {
    code: 'special_local',
    th: 'องค์กรปกครองส่วนท้องถิ่นรูปแบบพิเศษ',
    en: 'Special local governments',
    enOne: 'Special local government',
    needsProvince: false,
  },
] as const;

export type AgencyTypeCode = (typeof AGENCY_TYPES)[number]['code'];
export const AGENCY_TYPE_CODES: AgencyTypeCode[] = AGENCY_TYPES.map((t) => t.code);

export function isAgencyType(value: string): value is AgencyTypeCode {
  return (AGENCY_TYPE_CODES as string[]).includes(value);
}

/**
 * A type's name: plural for a group (a heading, a filter, a summary row of the group), singular for
 * one agency's row (`one`). Thai has one form for both.
 */
export function agencyTypeName(
  code: string,
  lang: 'th' | 'en',
  form: 'group' | 'one' = 'group',
): string {
  const t = AGENCY_TYPES.find((x) => x.code === code);
  if (!t) return code;
  if (lang === 'th') return t.th;
  return form === 'one' ? t.enOne : t.en;
}

/** An agency's name in a language: in English its English name where it has one, else the Thai. */
export function agencyName(
  agency: { nameTh: string; nameEn?: string | null },
  lang: 'th' | 'en',
): string {
  return lang === 'en' && agency.nameEn ? agency.nameEn : agency.nameTh;
}

export function typeNeedsProvince(code: AgencyTypeCode): boolean {
  return AGENCY_TYPES.find((t) => t.code === code)?.needsProvince ?? false;
}

export interface Agency {
  code: string;
  nameTh: string;
  nameEn: string | null;
  type: AgencyTypeCode;
  province: string | null;
  district: string | null;
  parentCode: string | null;
  website: string | null;
  staffCount: number | null;
}
