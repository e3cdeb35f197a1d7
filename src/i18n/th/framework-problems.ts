// Thai text of a framework file's problems (domain/framework/checks.ts), spread into the problems
// catalogue; the compiler checks every code has a message taking its parameters.
import type { FrameworkList, FrameworkProblemParams } from '../../domain/framework/checks.ts';

type Catalogue = { [C in keyof FrameworkProblemParams]: (p: FrameworkProblemParams[C]) => string };

const list: Record<FrameworkList, string> = {
  question: 'คำถาม',
  oit_item: 'ข้อ OIT',
  indicator: 'ตัวชี้วัด',
  heading: 'หัวข้อ',
  level: 'ระดับ',
  agency_group: 'กลุ่มหน่วยงาน',
  sub_indicator: 'ตัวชี้วัดย่อย',
};

type P<C extends keyof FrameworkProblemParams> = FrameworkProblemParams[C];

export const frameworkProblems = {
  fw_shape: (p: P<'fw_shape'>) => `รูปแบบไม่ถูกต้อง: ${p.detailTh}`,
  fw_not_json: (p: P<'fw_not_json'>) => `ไม่ใช่ JSON ที่ถูกต้อง: ${p.detail}`,
  fw_weights_sum: (p: P<'fw_weights_sum'>) => `น้ำหนักของแบบวัดรวมกันได้ ${p.sum} ต้องเท่ากับ 1`,
  fw_weight_negative: (p: P<'fw_weight_negative'>) => `น้ำหนักของ ${p.tool} ติดลบ`,
  fw_answer_weight_range: () => 'คะแนนของคำตอบต้องอยู่ระหว่าง 0–100',
  fw_answer_weight_order: () => 'คะแนนของคำตอบต้องเรียงจากน้อยไปมาก',
  fw_duplicate: (p: P<'fw_duplicate'>) => `รหัส${list[p.list]} "${p.code}" ซ้ำกับ ${p.first}`,
  fw_question_tool: (p: P<'fw_question_tool'>) => `คำถาม ${p.code} ต้องอยู่ในแบบวัด ${p.tool}`,
  fw_subitem_numbers: (p: P<'fw_subitem_numbers'>) =>
    `ข้อย่อยของ ${p.code} ต้องเรียงเลข 1..${p.count} (พบ ${p.found} ที่ตำแหน่ง ${p.position})`,
  fw_in_two_indicators: (p: P<'fw_in_two_indicators'>) =>
    `${p.code} อยู่ในตัวชี้วัดมากกว่าหนึ่งตัว (${p.earlier})`,
  fw_oit_indicator_shape: (p: P<'fw_oit_indicator_shape'>) =>
    `ตัวชี้วัด ${p.code} ของ OIT ต้องมีตัวชี้วัดย่อยและไม่มีคำถาม`,
  fw_sub_indicator_empty: (p: P<'fw_sub_indicator_empty'>) => `ตัวชี้วัดย่อย ${p.code} ไม่มีข้อ OIT`,
  fw_oit_item_unknown: (p: P<'fw_oit_item_unknown'>) => `ไม่รู้จักข้อ OIT "${p.code}"`,
  fw_indicator_shape: (p: P<'fw_indicator_shape'>) => `ตัวชี้วัด ${p.code} ต้องมีคำถามและไม่มีตัวชี้วัดย่อย`,
  fw_question_unknown: (p: P<'fw_question_unknown'>) => `ไม่รู้จักคำถาม "${p.code}"`,
  fw_question_other_tool: (p: P<'fw_question_other_tool'>) =>
    `คำถาม ${p.code} เป็นของ ${p.tool} ไม่ใช่ ${p.indicatorTool}`,
  fw_question_unplaced: (p: P<'fw_question_unplaced'>) => `คำถาม ${p.code} ไม่อยู่ในตัวชี้วัดใด`,
  fw_oit_item_unplaced: (p: P<'fw_oit_item_unplaced'>) => `ข้อ ${p.code} ไม่อยู่ในตัวชี้วัดใด`,
  fw_tool_no_indicator: (p: P<'fw_tool_no_indicator'>) => `แบบวัด ${p.tool} ไม่มีตัวชี้วัด`,
  fw_heading_twice: (p: P<'fw_heading_twice'>) => `ข้อ ${p.code} อยู่ในสองหัวข้อ`,
  fw_level_order: (p: P<'fw_level_order'>) =>
    `ระดับ ${p.code} ต้องมีเกณฑ์ต่ำกว่าระดับก่อนหน้า (${p.previous})`,
  fw_last_level: () => 'ระดับสุดท้ายต้องรับทุกคะแนน (เกณฑ์ 0 ไม่มีเงื่อนไขรายแบบวัด)',
  fw_pass_mark: () => 'เกณฑ์ผ่านต้องอยู่ระหว่าง 0–100',
  fw_recommendation_unknown: (p: P<'fw_recommendation_unknown'>) =>
    `คำแนะนำของตัวชี้วัดที่ไม่มีอยู่ "${p.code}"`,
  fw_group_unknown: (p: P<'fw_group_unknown'>) => `ไม่มีกลุ่มหน่วยงาน "${p.group}" ใน agencyGroups`,
  fw_group_size_unknown: (p: P<'fw_group_size_unknown'>) => `กลุ่ม "${p.group}" ไม่มีขนาด ${p.size}`,
  fw_group_minimum_repeats: (p: P<'fw_group_minimum_repeats'>) =>
    `จำนวนขั้นต่ำซ้ำกับ sampleRule.groupMinimums[${p.first}]`,
} satisfies Catalogue;
