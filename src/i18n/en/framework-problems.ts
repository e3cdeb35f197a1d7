// English text of a framework file's problems: the same keys as Thai, checked by the compiler.
import type { FrameworkList } from '../../domain/framework/checks.ts';
import type { Widen } from '../types.ts';
import type { frameworkProblems as th } from '../th/framework-problems.ts';

const list: Record<FrameworkList, string> = {
  question: 'question',
  oit_item: 'OIT item',
  indicator: 'indicator',
  heading: 'heading',
  level: 'level',
  agency_group: 'agency group',
  sub_indicator: 'sub-indicator',
};

export const frameworkProblems: Widen<typeof th> = {
  fw_shape: (p) => `Invalid shape: ${p.detail}`,
  fw_not_json: (p) => `Not valid JSON: ${p.detail}`,
  fw_weights_sum: (p) => `Tool weights sum to ${p.sum}; they must sum to 1`,
  fw_weight_negative: (p) => `The weight of ${p.tool} is negative`,
  fw_answer_weight_range: () => 'Answer weights must be 0–100',
  fw_answer_weight_order: () => 'Answer weights must not decrease from option 1 to 4',
  fw_duplicate: (p) => `Duplicate ${list[p.list]} code "${p.code}" (also at ${p.first})`,
  fw_question_tool: (p) => `Question ${p.code} must belong to ${p.tool}`,
  fw_subitem_numbers: (p) =>
    `Sub-items of ${p.code} must be numbered 1..${p.count} (found ${p.found} at position ${p.position})`,
  fw_in_two_indicators: (p) => `${p.code} is in two indicators (also ${p.earlier})`,
  fw_oit_indicator_shape: (p) => `OIT indicator ${p.code} needs sub-indicators and no questions`,
  fw_sub_indicator_empty: (p) => `Sub-indicator ${p.code} has no OIT items`,
  fw_oit_item_unknown: (p) => `Unknown OIT item "${p.code}"`,
  fw_indicator_shape: (p) => `Indicator ${p.code} needs questions and no sub-indicators`,
  fw_question_unknown: (p) => `Unknown question "${p.code}"`,
  fw_question_other_tool: (p) => `Question ${p.code} belongs to ${p.tool}, not ${p.indicatorTool}`,
  fw_question_unplaced: (p) => `Question ${p.code} is in no indicator`,
  fw_oit_item_unplaced: (p) => `OIT item ${p.code} is in no indicator`,
  fw_tool_no_indicator: (p) => `Tool ${p.tool} has no indicator`,
  fw_heading_twice: (p) => `OIT item ${p.code} is under two headings`,
  fw_level_order: (p) =>
    `Level ${p.code} must have a lower threshold than the level before it (${p.previous})`,
  fw_last_level: () => 'The last level must accept every score (minimum 0, no per-tool condition)',
  fw_pass_mark: () => 'The pass mark must be 0–100',
  fw_recommendation_unknown: (p) => `Recommendations for an unknown indicator "${p.code}"`,
  fw_group_unknown: (p) => `Unknown agency group "${p.group}" (not in agencyGroups)`,
  fw_group_size_unknown: (p) => `Agency group "${p.group}" has no size ${p.size}`,
  fw_group_minimum_repeats: (p) => `The same minimum as sampleRule.groupMinimums[${p.first}]`,
};
