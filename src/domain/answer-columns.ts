// A tool's answer columns in the stored order, which are yes/no, and stored counts turned back
// into the scorer's answer counts. Built once per framework (frameworks are fixed data).
import { answerColumns, subItemOf } from './framework/helpers.ts';
import type { Framework, SurveyTool } from './framework/schema.ts';

export interface ToolColumns {
  /** The answer columns in stored order, e.g. ['I1.1', 'I1.2', …]. */
  cols: string[];
  /** Column → its 0-based place. */
  index: Map<string, number>;
  /** Per column: a yes/no item (Y = 1, N = 2) rather than four levels. */
  yesNo: boolean[];
}

const columnInfo = new WeakMap<Framework, Record<SurveyTool, ToolColumns>>();

export function toolColumns(framework: Framework, tool: SurveyTool): ToolColumns {
  let info = columnInfo.get(framework);
  if (!info) {
    const build = (t: SurveyTool): ToolColumns => {
      const cols = answerColumns(framework, t);
      const yesNo = cols.map((c) => {
        const scale = subItemOf(framework, c)?.item.scale;
        return scale === 'yes_good' || scale === 'no_good';
      });
      return { cols, index: new Map(cols.map((c, i) => [c, i])), yesNo };
    };
    info = { IIT: build('IIT'), EIT: build('EIT') };
    columnInfo.set(framework, info);
  }
  return info[tool];
}

/** Turns stored counts (c1..c4 per 1-based answer column index) into the scorer's AnswerCounts. */
export function toAnswerCounts(
  framework: Framework,
  tool: SurveyTool,
  rows: Iterable<readonly number[]>,
  into: Record<string, readonly number[]> = {},
): Record<string, readonly number[]> {
  const { cols, yesNo } = toolColumns(framework, tool);
  for (const [item = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0] of rows) {
    const column = cols[item - 1];
    if (!column) continue;
    into[column] = yesNo[item - 1] ? [c1, c2] : [c1, c2, c3, c4];
  }
  return into;
}
