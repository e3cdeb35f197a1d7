// The demo's 2563 answers as a compact file (built once by build-demo-answers.ts) and their
// expansion into one responses.csv row per respondent, so the demo year goes through the same
// import, recount and compute as real data.
import { answerColumns, subItemOf } from '../domain/framework/helpers.ts';
import type { Framework, SurveyTool } from '../domain/framework/schema.ts';
import type { ScoreInput } from '../domain/scoring/types.ts';
import { seededRandom, seedOf } from './answer-generator.ts';

export const DEMO_ANSWERS_FILE = 'demo-answers-2563.json';

export interface DemoToolAnswers {
  /** People who answered this survey (rows in responses). */
  respondents: number;
  /**
   * Per answer column in answerColumns order: how many chose each option (likert [1,2,3,4],
   * yes/no [Y,N]). A column's total may be below `respondents`: the rest left it blank.
   */
  counts: number[][];
}

export interface DemoAgencyAnswers {
  IIT: DemoToolAnswers;
  EIT: DemoToolAnswers;
  /** OIT item scores in item order: '1' = 100, '0' = 0. */
  oit: string;
}

export interface DemoAnswers {
  about: string;
  fiscalYear: number;
  frameworkId: string;
  agencies: Record<string, DemoAgencyAnswers>;
}

/** The public an agency serves, for the EIT sample: a few times its headcount. */
export const demoEitPopulation = (staff: number): number => staff * 4;

/** The scorer's input these answers amount to (what the import and recount will store). */
export function demoScoreInput(framework: Framework, a: DemoAgencyAnswers): ScoreInput {
  const answers: Record<string, number[]> = {};
  for (const tool of ['IIT', 'EIT'] as const)
    answerColumns(framework, tool).forEach((col, k) => {
      const c = a[tool].counts[k];
      if (c && c.some((x) => x > 0)) answers[col] = c;
    });
  const oit = Object.fromEntries(
    framework.oitItems.map((item, i) => [item.code, a.oit[i] === '1' ? 100 : 0]),
  );
  return { answers, respondents: { IIT: a.IIT.respondents, EIT: a.EIT.respondents }, oit };
}

/** A column's answers as response.csv values, best first (the order people are given them). */
function valuesOf(framework: Framework, column: string, counts: number[]): string[] {
  const scale = subItemOf(framework, column)?.item.scale ?? 'likert4';
  const codes = scale === 'yes_good' || scale === 'no_good' ? ['Y', 'N'] : ['1', '2', '3', '4'];
  const best =
    scale === 'likert4'
      ? [3, 2, 1, 0]
      : scale === 'likert4_reverse'
        ? [0, 1, 2, 3]
        : scale === 'yes_good'
          ? [0, 1]
          : [1, 0];
  return best.flatMap((i) => Array<string>(counts[i] ?? 0).fill(codes[i]!));
}

/**
 * One row of answers per respondent, in answerColumns order ('' where the person left it blank),
 * whose column totals are exactly `a.counts`. Each person has a seeded leaning, so the same
 * people tend to rate high across questions; people past a column's total left it blank (the
 * last ones gave up first, as on a long form).
 */
export function respondentAnswers(
  framework: Framework,
  agencyCode: string,
  tool: SurveyTool,
  a: DemoToolAnswers,
): string[][] {
  const rnd = seededRandom(seedOf(`demo-rows:${agencyCode}:${tool}`));
  const leaning = Array.from({ length: a.respondents }, () => rnd());
  const columns = answerColumns(framework, tool);
  const rows = leaning.map(() => new Array<string>(columns.length).fill(''));
  columns.forEach((col, k) => {
    const values = valuesOf(framework, col, a.counts[k] ?? []);
    if (values.length > a.respondents)
      throw new Error(
        `${agencyCode} ${col}: ${values.length} answers from ${a.respondents} people`,
      );
    const who = Array.from(
      { length: values.length },
      (_, i) => [i, leaning[i]! + rnd() * 0.8] as const,
    ).sort((x, y) => y[1] - x[1]);
    who.forEach(([i], rank) => (rows[i]![k] = values[rank]!));
  });
  return rows;
}
