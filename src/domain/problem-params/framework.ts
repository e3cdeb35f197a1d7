// The codes of framework problems and their parameters, apart from domain/problem.ts so
// that problem.ts can gather every area's codes without an import cycle.

/** The lists whose codes must be unique (the catalogue names each). */
export type FrameworkList =
  'question' | 'oit_item' | 'indicator' | 'heading' | 'level' | 'agency_group' | 'sub_indicator';

/** The codes of a framework file's problems and their parameters (the catalogue words them). */
export interface FrameworkProblemParams {
  /** `detail`, `detailTh`: the schema library's own words, in English and Thai. */
  fw_shape: { detail: string; detailTh: string };
  fw_not_json: { detail: string };
  fw_weights_sum: { sum: number };
  fw_weight_negative: { tool: string };
  fw_answer_weight_range: Record<string, never>;
  fw_answer_weight_order: Record<string, never>;
  fw_duplicate: { list: FrameworkList; code: string; first: string };
  fw_question_tool: { code: string; tool: string };
  fw_subitem_numbers: { code: string; count: number; found: number; position: number };
  fw_in_two_indicators: { code: string; earlier: string };
  fw_oit_indicator_shape: { code: string };
  fw_sub_indicator_empty: { code: string };
  fw_oit_item_unknown: { code: string };
  fw_indicator_shape: { code: string };
  fw_question_unknown: { code: string };
  fw_question_other_tool: { code: string; tool: string; indicatorTool: string };
  fw_question_unplaced: { code: string };
  fw_oit_item_unplaced: { code: string };
  fw_tool_no_indicator: { tool: string };
  fw_heading_twice: { code: string };
  fw_level_order: { code: string; previous: string };
  fw_last_level: Record<string, never>;
  fw_pass_mark: Record<string, never>;
  fw_recommendation_unknown: { code: string };
  fw_group_unknown: { group: string };
  fw_group_size_unknown: { group: string; size: string };
  fw_group_minimum_repeats: { first: number };
}
