// Whether a year with data may move to another framework: what the new definition must keep so
// that the answers and OIT entries already stored still mean what they meant.
import { answerColumns } from './helpers.ts';
import type { Framework, SurveyTool } from './schema.ts';
import { SURVEY_TOOLS } from './schema.ts';

/** What a year already holds under its framework. */
export interface YearDataInUse {
  /** Stored responses per survey tool. */
  responses: Record<SurveyTool, number>;
  /** OIT item codes with at least one entry (any agency, any version). */
  oitItems: string[];
}

/** One reason a move is refused; the service words it in Thai and English. */
export type MoveProblem =
  /** Responses are stored as answers in column order: the columns must stay as they are. */
  | { kind: 'answer_columns'; tool: SurveyTool; missing: string[]; added: string[] }
  /** Same columns, but a column's answers change kind (four options ↔ yes/no). */
  | { kind: 'answer_kind'; tool: SurveyTool; columns: string[] }
  /** OIT items that hold entries and that the new framework does not have. */
  | { kind: 'oit_items'; items: string[] };

const answerKind = (framework: Framework, tool: SurveyTool): Map<string, 'yes_no' | 'four'> => {
  const kinds = new Map<string, 'yes_no' | 'four'>();
  for (const q of framework.questions)
    if (q.tool === tool)
      for (const item of q.items)
        kinds.set(
          `${q.code}.${item.n}`,
          item.scale === 'yes_good' || item.scale === 'no_good' ? 'yes_no' : 'four',
        );
  return kinds;
};

/**
 * Every reason data already entered under `from` could not be read under `to`. A reworded
 * question, a reversed scale, other weights, levels or rules are allowed: they are the point of
 * a corrected version, and the year is recomputed.
 */
export function frameworkMoveProblems(
  from: Framework,
  to: Framework,
  inUse: YearDataInUse,
): MoveProblem[] {
  const problems: MoveProblem[] = [];
  for (const tool of SURVEY_TOOLS) {
    if (inUse.responses[tool] === 0) continue;
    const before = answerColumns(from, tool);
    const after = answerColumns(to, tool);
    if (before.join('|') !== after.join('|')) {
      problems.push({
        kind: 'answer_columns',
        tool,
        missing: before.filter((c) => !after.includes(c)),
        added: after.filter((c) => !before.includes(c)),
      });
      continue;
    }
    const a = answerKind(from, tool);
    const b = answerKind(to, tool);
    const changed = before.filter((c) => a.get(c) !== b.get(c));
    if (changed.length) problems.push({ kind: 'answer_kind', tool, columns: changed });
  }
  const items = new Set(to.oitItems.map((o) => o.code));
  const gone = inUse.oitItems.filter((code) => !items.has(code));
  if (gone.length) problems.push({ kind: 'oit_items', items: gone });
  return problems;
}
