// Lookups over a framework that storage, imports and forms need: columns, indicators, sample sizes.
import type {
  AgencySize,
  Framework,
  Indicator,
  Level,
  Question,
  SurveyTool,
  ToolCode,
} from './schema.ts';

/** The questions of a survey tool, in the definition's order. */
export function questionsOf(framework: Framework, tool: SurveyTool): Question[] {
  return framework.questions.filter((q) => q.tool === tool);
}

/** Answer columns of a survey tool in order, e.g. ['I1.1', 'I1.2', 'I2.1', …]. */
export function answerColumns(framework: Framework, tool: SurveyTool): string[] {
  return questionsOf(framework, tool).flatMap((q) => q.items.map((item) => `${q.code}.${item.n}`));
}

/** The sub-item behind an answer column such as 'I1.2', or undefined when the framework has none. */
export function subItemOf(
  framework: Framework,
  column: string,
): { question: Question; item: Question['items'][number] } | undefined {
  const dot = column.lastIndexOf('.');
  const question = framework.questions.find((q) => q.code === column.slice(0, dot));
  const n = Number(column.slice(dot + 1));
  const item = question?.items.find((i) => i.n === n);
  return question && item ? { question, item } : undefined;
}

/** The indicators of one tool, in the definition's order. */
export function indicatorsOf(framework: Framework, tool: ToolCode): Indicator[] {
  return framework.indicators.filter((ind) => ind.tool === tool);
}

/** OIT item codes in order, e.g. ['O1', …, 'O43']. */
export function oitItemCodes(framework: Framework): string[] {
  return framework.oitItems.map((o) => o.code);
}

/**
 * How many respondents a survey tool needs from an eligible population: everyone when the
 * population is below the floor, else the share (rounded up) but at least the floor, then the
 * tool's cap when the population exceeds the cap's threshold. 2563: 10 %, floor 30, EIT ≤ 400 above 4,000.
 */
export function minimumSample(framework: Framework, tool: SurveyTool, population: number): number {
  const rule = framework.sampleRule;
  const people = Math.max(0, Math.floor(population));
  if (people < rule.floor) return people;
  // toFixed guards against 0.1 × 300 = 30.000000000000004 rounding up to 31.
  const byShare = Math.ceil(Number((rule.share * people).toFixed(9)));
  let needed = Math.min(people, Math.max(rule.floor, byShare));
  for (const cap of rule.caps) {
    if (cap.tool === tool && people > cap.populationAbove) needed = Math.min(needed, cap.max);
  }
  return needed;
}

/** An agency's group (and size) in one year, as imported. */
export interface AgencyGroupOfYear {
  group: string;
  size: AgencySize | null;
}

/**
 * The fixed minimum the framework gives an agency's group for a tool (the sum over the tool's
 * parts; entries without a size apply to every size), or null when it gives none.
 */
export function groupMinimum(
  framework: Framework,
  tool: SurveyTool,
  group: AgencyGroupOfYear | null | undefined,
): number | null {
  if (!group) return null;
  const entries = (framework.sampleRule.groupMinimums ?? []).filter(
    (m) =>
      m.tool === tool && m.group === group.group && (m.size === undefined || m.size === group.size),
  );
  return entries.length ? entries.reduce((sum, m) => sum + m.minimum, 0) : null;
}

/**
 * A tool's minimum for one agency: its group's fixed minimum where the year's framework gives
 * one (never more than the population it entered: everyone when fewer), else the share-of-
 * population rule of minimumSample; null when neither applies (no group minimum, no population).
 */
export function agencyMinimum(
  framework: Framework,
  tool: SurveyTool,
  population: number | null | undefined,
  group: AgencyGroupOfYear | null | undefined,
): number | null {
  const known = population !== null && population !== undefined;
  const fixed = groupMinimum(framework, tool, group);
  if (fixed !== null) return known ? Math.min(fixed, Math.max(0, Math.floor(population))) : fixed;
  return known ? minimumSample(framework, tool, population) : null;
}

/** The level with this code (e.g. 'A', 'pass_good'), for display of a stored level. */
export function levelByCode(framework: Framework, code: string): Level | undefined {
  return framework.levels.find((level) => level.code === code);
}
