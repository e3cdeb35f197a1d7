// The semantic checks of a framework: what a well-shaped definition must not contradict.
import type { Problem } from '../problem.ts';
import { TOOL_CODES, type Framework } from './schema.ts';

import type { FrameworkList, FrameworkProblemParams } from '../problem-params/framework.ts';
export type { FrameworkList, FrameworkProblemParams };

/** A reason a definition is refused: its field is the path into the document. */
export type FrameworkProblem = Problem<keyof FrameworkProblemParams>;

/**
 * Every contradiction in a well-shaped definition, each with the path it concerns: tool weights not
 * summing to 1, duplicate codes, sub-item numbers other than 1..n, a question whose code does not
 * match its tool, an indicator naming an unknown question or OIT item (or one of another tool), a
 * sub-indicator with no items, a question or item in two indicators or in none, a tool without
 * indicators, answer weights out of order, levels not ordered or without a catch-all last level,
 * and recommendations for an unknown indicator.
 */
export function semanticProblems(f: Framework): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const add: Add = (path, code, params) =>
    problems.push({ field: path, code, params } as FrameworkProblem);

  const weightSum = f.toolWeights.IIT + f.toolWeights.EIT + f.toolWeights.OIT;
  if (Math.abs(weightSum - 1) > 1e-9) {
    add('toolWeights', 'fw_weights_sum', { sum: weightSum });
  }
  for (const tool of TOOL_CODES) {
    if (f.toolWeights[tool] < 0) {
      add(`toolWeights.${tool}`, 'fw_weight_negative', { tool });
    }
  }
  f.answerWeights.forEach((w, i) => {
    if (w < 0 || w > 100) {
      add(`answerWeights[${i}]`, 'fw_answer_weight_range', {});
    } else if (i > 0 && w < f.answerWeights[i - 1]!) {
      add(`answerWeights[${i}]`, 'fw_answer_weight_order', {});
    }
  });

  // Duplicate codes in every list that is keyed by code.
  const duplicates = (list: { code: string }[], base: string, what: FrameworkList) => {
    const seen = new Map<string, number>();
    list.forEach((entry, i) => {
      const first = seen.get(entry.code);
      if (first !== undefined) {
        add(`${base}[${i}].code`, 'fw_duplicate', {
          list: what,
          code: entry.code,
          first: `${base}[${first}]`,
        });
      } else seen.set(entry.code, i);
    });
  };
  duplicates(f.questions, 'questions', 'question');
  duplicates(f.oitItems, 'oitItems', 'oit_item');
  duplicates(f.indicators, 'indicators', 'indicator');
  duplicates(f.oitHeadings, 'oitHeadings', 'heading');
  duplicates(f.levels, 'levels', 'level');
  duplicates(f.agencyGroups ?? [], 'agencyGroups', 'agency_group');
  duplicates(
    f.indicators.flatMap((ind) => ind.subIndicators ?? []),
    'subIndicators',
    'sub_indicator',
  );

  f.questions.forEach((q, i) => {
    const expected = q.code.startsWith('I') ? 'IIT' : 'EIT';
    if (q.tool !== expected) {
      add(`questions[${i}].tool`, 'fw_question_tool', { code: q.code, tool: expected });
    }
    q.items.forEach((item, j) => {
      if (item.n !== j + 1) {
        add(`questions[${i}].items[${j}].n`, 'fw_subitem_numbers', {
          code: q.code,
          count: q.items.length,
          found: item.n,
          position: j + 1,
        });
      }
    });
  });

  checkIndicators(f, add);
  checkHeadings(f, add);
  checkLevels(f, add);
  checkRecommendations(f, add);
  checkGroupMinimums(f, add);
  return problems;
}

type Add = <C extends keyof FrameworkProblemParams>(
  path: string,
  code: C,
  params: FrameworkProblemParams[C],
) => void;

function checkIndicators(f: Framework, add: Add): void {
  const questionTool = new Map(f.questions.map((q) => [q.code, q.tool] as const));
  const itemCodes = new Set(f.oitItems.map((o) => o.code));
  const placed = new Map<string, string>();
  const place = (code: string, path: string) => {
    const earlier = placed.get(code);
    if (earlier !== undefined) {
      add(path, 'fw_in_two_indicators', { code, earlier });
    } else placed.set(code, path);
  };

  f.indicators.forEach((ind, i) => {
    const base = `indicators[${i}]`;
    if (ind.tool === 'OIT') {
      if (!ind.subIndicators?.length || ind.questions?.length) {
        add(base, 'fw_oit_indicator_shape', { code: ind.code });
      }
      ind.subIndicators?.forEach((sub, k) => {
        if (sub.items.length === 0) {
          add(`${base}.subIndicators[${k}].items`, 'fw_sub_indicator_empty', { code: sub.code });
        }
        sub.items.forEach((code, m) => {
          const path = `${base}.subIndicators[${k}].items[${m}]`;
          if (!itemCodes.has(code)) add(path, 'fw_oit_item_unknown', { code });
          else place(code, path);
        });
      });
    } else {
      if (!ind.questions?.length || ind.subIndicators?.length) {
        add(base, 'fw_indicator_shape', { code: ind.code });
      }
      ind.questions?.forEach((code, j) => {
        const path = `${base}.questions[${j}]`;
        const tool = questionTool.get(code);
        if (tool === undefined) add(path, 'fw_question_unknown', { code });
        else if (tool !== ind.tool) {
          add(path, 'fw_question_other_tool', { code, tool, indicatorTool: ind.tool });
        } else place(code, path);
      });
    }
  });

  f.questions.forEach((q, i) => {
    if (!placed.has(q.code)) {
      add(`questions[${i}]`, 'fw_question_unplaced', { code: q.code });
    }
  });
  f.oitItems.forEach((o, i) => {
    if (!placed.has(o.code)) {
      add(`oitItems[${i}]`, 'fw_oit_item_unplaced', { code: o.code });
    }
  });
  for (const tool of TOOL_CODES) {
    if (!f.indicators.some((ind) => ind.tool === tool)) {
      add('indicators', 'fw_tool_no_indicator', { tool });
    }
  }
}

function checkHeadings(f: Framework, add: Add): void {
  const itemCodes = new Set(f.oitItems.map((o) => o.code));
  const seen = new Set<string>();
  f.oitHeadings.forEach((h, i) =>
    h.items.forEach((code, j) => {
      const path = `oitHeadings[${i}].items[${j}]`;
      if (!itemCodes.has(code)) add(path, 'fw_oit_item_unknown', { code });
      else if (seen.has(code)) add(path, 'fw_heading_twice', { code });
      seen.add(code);
    }),
  );
}

function checkLevels(f: Framework, add: Add): void {
  f.levels.forEach((level, i) => {
    if (i === 0) return;
    const prev = f.levels[i - 1]!;
    const stricterTools = (prev.minEachTool ?? 0) > (level.minEachTool ?? 0);
    if (
      level.minOverall > prev.minOverall ||
      (level.minOverall === prev.minOverall && !stricterTools)
    ) {
      add(`levels[${i}]`, 'fw_level_order', { code: level.code, previous: prev.code });
    }
  });
  const last = f.levels[f.levels.length - 1]!;
  if (last.minOverall !== 0 || last.minEachTool !== undefined) {
    add(`levels[${f.levels.length - 1}]`, 'fw_last_level', {});
  }
  if (f.passMark < 0 || f.passMark > 100) {
    add('passMark', 'fw_pass_mark', {});
  }
}

function checkRecommendations(f: Framework, add: Add): void {
  const known = new Set(f.indicators.map((ind) => ind.code));
  for (const code of Object.keys(f.recommendations?.indicators ?? {})) {
    if (!known.has(code)) {
      add(`recommendations.indicators.${code}`, 'fw_recommendation_unknown', { code });
    }
  }
}

/** Fixed minimums name a known group, one of its sizes, and each (group, size, tool, part) once. */
function checkGroupMinimums(f: Framework, add: Add): void {
  const groups = new Map((f.agencyGroups ?? []).map((g) => [g.code, g]));
  const seen = new Map<string, number>();
  (f.sampleRule.groupMinimums ?? []).forEach((m, i) => {
    const path = `sampleRule.groupMinimums[${i}]`;
    const group = groups.get(m.group);
    if (!group) add(`${path}.group`, 'fw_group_unknown', { group: m.group });
    else if (m.size && !group.sizes?.includes(m.size))
      add(`${path}.size`, 'fw_group_size_unknown', { group: m.group, size: m.size });
    const key = [m.group, m.size ?? '', m.tool, m.part ?? ''].join('\t');
    const first = seen.get(key);
    if (first !== undefined) add(path, 'fw_group_minimum_repeats', { first });
    else seen.set(key, i);
  });
}
