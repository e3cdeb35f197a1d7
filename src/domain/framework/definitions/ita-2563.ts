// The ITA framework of fiscal year 2563 (2020) as data: the NACC's method as the seed documents it.
import type { FrameworkInput } from '../schema.ts';
import { oitItems2563 } from './oit-items-2563.ts';
import { questions2563 } from './questions-2563.ts';

/** `prefix` + from..to, e.g. range('I', 1, 3) → ['I1', 'I2', 'I3']. */
const range = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

const ageBands = [
  { value: '<20', label: { th: 'ต่ำกว่า 20 ปี', en: 'Under 20' } },
  { value: '20-30', label: { th: '20 – 30 ปี', en: '20–30' } },
  { value: '31-40', label: { th: '31 – 40 ปี', en: '31–40' } },
  { value: '41-50', label: { th: '41 – 50 ปี', en: '41–50' } },
  { value: '51-60', label: { th: '51 – 60 ปี', en: '51–60' } },
  { value: '>60', label: { th: 'มากกว่า 60 ปี', en: 'Over 60' } },
];

const commonDemographics = [
  {
    code: 'gender',
    label: { th: 'เพศ', en: 'Gender' },
    options: [
      { value: 'male', label: { th: 'ชาย', en: 'Male' } },
      { value: 'female', label: { th: 'หญิง', en: 'Female' } },
      { value: 'other', label: { th: 'อื่นๆ', en: 'Other' } },
    ],
  },
  { code: 'age_band', label: { th: 'อายุ', en: 'Age' }, options: ageBands },
  {
    code: 'education',
    label: { th: 'ระดับการศึกษา', en: 'Education' },
    options: [
      { value: 'primary', label: { th: 'ประถมศึกษาหรือต่ำกว่า', en: 'Primary or below' } },
      { value: 'secondary', label: { th: 'มัธยมศึกษาหรือเทียบเท่า', en: 'Secondary' } },
      { value: 'diploma', label: { th: 'อนุปริญญาหรือเทียบเท่า', en: 'Diploma' } },
      { value: 'bachelor', label: { th: 'ปริญญาตรีหรือเทียบเท่า', en: "Bachelor's degree" } },
      { value: 'above_bachelor', label: { th: 'สูงกว่าปริญญาตรี', en: "Above bachelor's" } },
      { value: 'other', label: { th: 'อื่นๆ', en: 'Other' } },
    ],
  },
];

export const ita2563 = {
  id: 'ita-2563',
  fiscalYear: 2563,
  name: {
    th: 'การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. 2563',
    en: 'Integrity and Transparency Assessment, fiscal year 2563 (2020)',
  },
  toolNames: {
    IIT: {
      th: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน',
      en: 'Internal Integrity and Transparency Assessment',
    },
    EIT: {
      th: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก',
      en: 'External Integrity and Transparency Assessment',
    },
    OIT: {
      th: 'แบบตรวจการเปิดเผยข้อมูลสาธารณะ',
      en: 'Open Data Integrity and Transparency Assessment',
    },
  },
  levelScheme: 'bands',
  toolWeights: { IIT: 0.3, EIT: 0.3, OIT: 0.4 },
  // 0/33/67/100, not thirds: these exact weights reproduce every published figure (methodology.md).
  answerWeights: [0, 33, 67, 100],
  answerLabels: {
    likert4: [
      { th: 'น้อยที่สุดหรือไม่มีเลย', en: 'Least or none' },
      { th: 'น้อย', en: 'Little' },
      { th: 'มาก', en: 'Much' },
      { th: 'มากที่สุด', en: 'Most' },
    ],
    yesNo: { yes: { th: 'มี', en: 'Yes' }, no: { th: 'ไม่มี', en: 'No' } },
  },
  passMark: 85,
  nationalTargetShare: 0.8,
  indicators: [
    {
      code: '1',
      tool: 'IIT',
      name: { th: 'การปฏิบัติหน้าที่', en: 'Performance of duties' },
      questions: range('I', 1, 6),
    },
    {
      code: '2',
      tool: 'IIT',
      name: { th: 'การใช้งบประมาณ', en: 'Use of budget' },
      questions: range('I', 7, 12),
    },
    {
      code: '3',
      tool: 'IIT',
      name: { th: 'การใช้อำนาจ', en: 'Use of authority' },
      questions: range('I', 13, 18),
    },
    {
      code: '4',
      tool: 'IIT',
      name: { th: 'การใช้ทรัพย์สินของราชการ', en: 'Use of government property' },
      questions: range('I', 19, 24),
    },
    {
      code: '5',
      tool: 'IIT',
      name: { th: 'การแก้ไขปัญหาการทุจริต', en: 'Tackling corruption' },
      questions: range('I', 25, 30),
    },
    {
      code: '6',
      tool: 'EIT',
      name: { th: 'คุณภาพการดำเนินงาน', en: 'Quality of operations' },
      questions: range('E', 1, 5),
    },
    {
      code: '7',
      tool: 'EIT',
      name: { th: 'ประสิทธิภาพการสื่อสาร', en: 'Effective communication' },
      questions: range('E', 6, 10),
    },
    {
      code: '8',
      tool: 'EIT',
      name: { th: 'การปรับปรุงการทำงาน', en: 'Improvement of work' },
      questions: range('E', 11, 15),
    },
    {
      code: '9',
      tool: 'OIT',
      name: { th: 'การเปิดเผยข้อมูล', en: 'Disclosure of information' },
      subIndicators: [
        {
          code: '9.1',
          name: { th: 'ข้อมูลพื้นฐาน', en: 'Basic information' },
          items: range('O', 1, 9),
        },
        {
          code: '9.2',
          name: { th: 'การบริหารงาน', en: 'Administration' },
          items: range('O', 10, 17),
        },
        {
          code: '9.3',
          name: { th: 'การบริหารเงินงบประมาณ', en: 'Budget management' },
          items: range('O', 18, 24),
        },
        {
          code: '9.4',
          name: {
            th: 'การบริหารและพัฒนาทรัพยากรบุคคล',
            en: 'Human resource management and development',
          },
          items: range('O', 25, 28),
        },
        {
          code: '9.5',
          name: { th: 'การส่งเสริมความโปร่งใส', en: 'Promoting transparency' },
          items: range('O', 29, 33),
        },
      ],
    },
    {
      code: '10',
      tool: 'OIT',
      name: { th: 'การป้องกันการทุจริต', en: 'Prevention of corruption' },
      subIndicators: [
        {
          code: '10.1',
          name: { th: 'การดำเนินการเพื่อป้องกันการทุจริต', en: 'Actions to prevent corruption' },
          items: range('O', 34, 41),
        },
        {
          code: '10.2',
          name: { th: 'มาตรการภายในเพื่อป้องกันการทุจริต', en: 'Internal anti-corruption measures' },
          items: range('O', 42, 43),
        },
      ],
    },
  ],
  questions: questions2563,
  // Headings as printed in the report; they group items for display and do not change the arithmetic.
  oitHeadings: [
    { code: 'H1', name: { th: 'ข้อมูลพื้นฐาน' }, items: range('O', 1, 6) },
    { code: 'H2', name: { th: 'ข่าวประชาสัมพันธ์' }, items: ['O7'] },
    { code: 'H3', name: { th: 'การปฏิสัมพันธ์ข้อมูล' }, items: range('O', 8, 9) },
    { code: 'H4', name: { th: 'แผนการดำเนินงาน' }, items: range('O', 10, 12) },
    { code: 'H5', name: { th: 'การปฏิบัติงาน' }, items: ['O13'] },
    { code: 'H6', name: { th: 'การให้บริการ' }, items: range('O', 14, 17) },
    { code: 'H7', name: { th: 'แผนการใช้จ่ายงบประมาณประจำปี' }, items: range('O', 18, 20) },
    { code: 'H8', name: { th: 'การจัดซื้อจัดจ้างหรือการจัดหาพัสดุ' }, items: range('O', 21, 24) },
    { code: 'H9', name: { th: 'การบริหารและพัฒนาทรัพยากรบุคคล' }, items: range('O', 25, 28) },
    { code: 'H10', name: { th: 'การจัดการเรื่องร้องเรียนการทุจริต' }, items: range('O', 29, 31) },
    { code: 'H11', name: { th: 'การเปิดโอกาสให้เกิดการมีส่วนร่วม' }, items: range('O', 32, 33) },
    { code: 'H12', name: { th: 'เจตจำนงสุจริตของผู้บริหาร' }, items: range('O', 34, 35) },
    { code: 'H13', name: { th: 'การประเมินความเสี่ยงเพื่อป้องกันการทุจริต' }, items: range('O', 36, 37) },
    { code: 'H14', name: { th: 'การเสริมสร้างวัฒนธรรมองค์กร' }, items: ['O38'] },
    { code: 'H15', name: { th: 'แผนปฏิบัติการป้องกันการทุจริต' }, items: range('O', 39, 41) },
    {
      code: 'H16',
      name: { th: 'มาตรการส่งเสริมความโปร่งใสและป้องกันการทุจริตภายในหน่วยงาน' },
      items: range('O', 42, 43),
    },
  ],
  oitItems: oitItems2563,
  levels: [
    { code: 'AA', name: { th: 'AA', en: 'AA' }, minOverall: 95, passes: true },
    { code: 'A', name: { th: 'A', en: 'A' }, minOverall: 85, passes: true },
    { code: 'B', name: { th: 'B', en: 'B' }, minOverall: 75, passes: false },
    { code: 'C', name: { th: 'C', en: 'C' }, minOverall: 65, passes: false },
    { code: 'D', name: { th: 'D', en: 'D' }, minOverall: 55, passes: false },
    { code: 'E', name: { th: 'E', en: 'E' }, minOverall: 50, passes: false },
    { code: 'F', name: { th: 'F', en: 'F' }, minOverall: 0, passes: false },
  ],
  demographics: {
    IIT: commonDemographics,
    EIT: [
      ...commonDemographics,
      {
        code: 'contact_type',
        label: { th: 'ติดต่อหน่วยงานในนาม', en: 'Contacted the agency as' },
        options: [
          { value: 'individual', label: { th: 'บุคคลทั่วไป', en: 'Individual' } },
          { value: 'private_business', label: { th: 'ภาคเอกชน', en: 'Private business' } },
          { value: 'government', label: { th: 'หน่วยงานของรัฐ', en: 'Government agency' } },
          { value: 'other', label: { th: 'อื่นๆ', en: 'Other' } },
        ],
      },
    ],
  },
  // 10 % of the eligible population, at least 30 (everyone when fewer), EIT at most 400 above 4,000.
  sampleRule: {
    share: 0.1,
    floor: 30,
    caps: [{ tool: 'EIT', populationAbove: 4000, max: 400 }],
  },
  iitMinYearsOfService: 1,
  // design.md: no breakdown below 10 respondents; the one small-number rule of every report.
  minRespondentsShown: 10,
} satisfies FrameworkInput;
