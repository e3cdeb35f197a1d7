// A row of an imported responses file, read by position (ADR 0018): the layout of the file's
// columns is made once from its header, then each row is checked by the partial rules of the one
// submission parser (domain/submission.ts, whose cell and demographic checks it shares).
import type { Framework, SurveyTool } from './framework/schema.ts';
import { toolColumns } from './answer-columns.ts';
import { problem, type Problem } from './problem.ts';
import { err, ok, type Result } from './result.ts';
import {
  DEMOGRAPHIC_KEYS,
  cellCode,
  cellProblem,
  givenDemographic,
  optionsOf,
  otherTool,
  type DemographicKey,
  type Demographics,
  type Encoded,
} from './submission.ts';

/** Where an imported file's columns are, made once from its header (`fileLayout`). */
export interface FileLayout {
  byTool: Record<SurveyTool, FileToolLayout>;
}

interface FileToolLayout {
  /** The header's answer columns in its order: this tool's (`col` its index) or the other's (-1). */
  cells: { at: number; name: string; col: number; yesNo: boolean }[];
  /** Each demographic key's position in the header (-1: absent) and the tool's options. */
  demographics: { field: DemographicKey; at: number; options: string[] | undefined }[];
  width: number;
}

/** A file's layout for `parseFileRow`; columns of neither tool are the header check's to refuse. */
export function fileLayout(framework: Framework, header: readonly string[]): FileLayout {
  const build = (tool: SurveyTool): FileToolLayout => {
    const cols = toolColumns(framework, tool);
    const other = toolColumns(framework, otherTool(tool));
    const cells: FileToolLayout['cells'] = [];
    header.forEach((name, at) => {
      const col = cols.index.get(name);
      if (col !== undefined) cells.push({ at, name, col, yesNo: cols.yesNo[col]! });
      else if (other.index.has(name)) cells.push({ at, name, col: -1, yesNo: false });
    });
    const demographics = DEMOGRAPHIC_KEYS.map((field) => ({
      field,
      at: header.indexOf(field),
      options: optionsOf(framework, tool, field),
    }));
    return { cells, demographics, width: cols.cols.length };
  };
  return { byTool: { IIT: build('IIT'), EIT: build('EIT') } };
}

/**
 * A row of an imported file, read by position: the rules of `parseSubmission`'s 'partial' mode
 * (blank is not answered, values trimmed, the problems in the same order) without making a
 * record of the row's cells, its answers and its entries for each of a million rows (ADR 0018).
 */
export function parseFileRow(
  framework: Framework,
  layout: FileLayout,
  tool: SurveyTool,
  cell: (at: number) => string,
): Result<Pick<Encoded, 'columns' | 'demographics'>, Problem[]> {
  const l = layout.byTool[tool];
  const problems: Problem[] = [];
  const columns = new Array<number | null>(l.width).fill(null);
  for (const c of l.cells) {
    const value = cell(c.at).trim();
    if (value === '') continue;
    if (c.col < 0) {
      problems.push(
        problem(c.name, 'item_other_tool', { item: c.name, tool, other: otherTool(tool) }),
      );
      continue;
    }
    const code = cellCode(c.yesNo, value);
    if (code) columns[c.col] = code;
    else problems.push(cellProblem(c.name, c.yesNo, value));
  }
  const demographics: Demographics = {};
  for (const d of l.demographics)
    givenDemographic(
      framework,
      tool,
      d.field,
      d.at < 0 ? '' : cell(d.at),
      demographics,
      problems,
      d.options,
    );
  return problems.length ? err(problems) : ok({ columns, demographics });
}
