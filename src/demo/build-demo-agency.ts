// The demo's other agencies for the demo-answers builder (build-demo-answers.ts): respondents and
// OIT items searched until the real scorer gives each agency its published overall score.
import {
  answerColumns,
  indicatorsOf,
  minimumSample,
  oitItemCodes,
  subItemOf,
} from '../domain/framework/helpers.ts';
import type { Scale, SurveyTool } from '../domain/framework/schema.ts';
import { scoreAgency } from '../domain/scoring/score.ts';
import { seededRandom, seedOf } from './answer-generator.ts';
import { framework, itemScore, scoreOf } from './build-demo-scoring.ts';
import { demoEitPopulation, type DemoAgencyAnswers } from './demo-answers.ts';

export interface Agency {
  code: string;
  type: string;
  staff: number;
}

// ---- the other agencies: the published overall score -----------------------------------------

interface Column {
  tool: SurveyTool;
  scale: Scale;
  /** d overall / d (this sub-item's score): tool weight over the means above it. */
  weight: number;
}

function columnsOf(tool: SurveyTool): Column[] {
  const inds = indicatorsOf(framework, tool);
  return answerColumns(framework, tool).map((col) => {
    const { question, item } = subItemOf(framework, col)!;
    const ind = inds.find((i) => i.questions?.includes(question.code))!;
    return {
      tool,
      scale: item.scale,
      weight:
        framework.toolWeights[tool] / inds.length / ind.questions!.length / question.items.length,
    };
  });
}

/** Whole-respondent counts with a mean score near `value` (binomial spread over 4 levels). */
function countsNear(scale: Scale, value: number, n: number): number[] {
  const q = Math.min(0.995, Math.max(0.005, value / 100));
  const probs =
    scale === 'yes_good'
      ? [q, 1 - q]
      : scale === 'no_good'
        ? [1 - q, q]
        : [(1 - q) ** 3, 3 * q * (1 - q) ** 2, 3 * q * q * (1 - q), q ** 3];
  if (scale === 'likert4_reverse') probs.reverse();
  // Largest remainder: whole people summing to n.
  const raw = probs.map((p) => p * n);
  const counts = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; counts.reduce((s, c) => s + c, 0) < n; k++) counts[order[k]![1]]!++;
  return counts;
}

/** Value of a one-step move of one respondent in a column (from option i to j), for that scale. */
function stepValue(scale: Scale, from: number, to: number, n: number): number {
  const one = (k: number) => {
    const c = scale === 'yes_good' || scale === 'no_good' ? [0, 0] : [0, 0, 0, 0];
    c[k] = 1;
    return itemScore(scale, c);
  };
  return (one(to) - one(from)) / n;
}

interface Move {
  tool: SurveyTool;
  col: number;
  from: number;
  to: number;
  delta: number;
}

export function buildAgency(a: Agency, target: number): DemoAgencyAnswers {
  const rnd = seededRandom(seedOf(`demo-2563:${a.code}`));
  const noise = (size: number) => (rnd() - 0.5) * 2 * size;
  const iitMin = minimumSample(framework, 'IIT', a.staff);
  const eitMin = Math.max(
    framework.sampleRule.floor,
    minimumSample(framework, 'EIT', demoEitPopulation(a.staff)),
  );
  // A few more than the minimum answer, as in a real year; never more staff than there are.
  const respondents = {
    IIT: Math.min(a.staff, iitMin + Math.floor(rnd() * 0.3 * iitMin)),
    EIT: eitMin + Math.floor(rnd() * 0.3 * eitMin),
  };
  // Tool targets: staff rate their agency highest, the public a little lower, and the open-data
  // check carries the rest (a weak OIT is what sank most local bodies in 2563).
  let iitT = Math.min(97, Math.max(45, 82 + 0.35 * (target - 70) + noise(4)));
  let eitT = Math.min(96, Math.max(45, 79 + 0.3 * (target - 70) + noise(4)));
  const oitT = Math.min(100, Math.max(0, (target - 0.3 * iitT - 0.3 * eitT) / 0.4));

  // OIT: items in a seeded order, each published (100) while the score stays at or below target.
  const items = oitItemCodes(framework);
  const order = items.map((_, i) => i).sort(() => rnd() - 0.5);
  const oitBits = items.map(() => '0');
  const oitOf = (bits: string[]) =>
    scoreAgency(framework, {
      answers: {},
      respondents: { IIT: 0, EIT: 0 },
      oit: Object.fromEntries(items.map((c, i) => [c, bits[i] === '1' ? 100 : 0])),
    }).tools.OIT!;
  for (const i of order) {
    oitBits[i] = '1';
    if (oitOf(oitBits) > oitT + 1) oitBits[i] = '0';
  }
  const oit = oitOf(oitBits);
  // The surveys carry what the OIT does not: 0.3·IIT + 0.3·EIT = target − 0.4·OIT.
  const surveys = (target - framework.toolWeights.OIT * oit) / 0.3;
  const shift = (surveys - iitT - eitT) / 2;
  iitT += shift;
  eitT += shift;
  if (iitT > 97) [eitT, iitT] = [eitT + iitT - 97, 97];
  if (eitT > 97) [iitT, eitT] = [iitT + eitT - 97, 97];

  const cols = { IIT: columnsOf('IIT'), EIT: columnsOf('EIT') };
  // Per column, a level around the tool's target (some questions are rated lower than others).
  const offsets = {
    IIT: cols.IIT.map(() => noise(7)),
    EIT: cols.EIT.map(() => noise(6)),
  };
  const generate = (tool: SurveyTool, t: number) =>
    cols[tool].map((c, k) =>
      countsNear(c.scale, Math.min(99.5, Math.max(1, t + offsets[tool][k]!)), respondents[tool]),
    );
  const answers = (): DemoAgencyAnswers => ({
    IIT: { respondents: respondents.IIT, counts: counts.IIT },
    EIT: { respondents: respondents.EIT, counts: counts.EIT },
    oit: oitBits.join(''),
  });
  const counts = { IIT: generate('IIT', iitT), EIT: generate('EIT', eitT) };
  // Coarse: move both survey targets until the overall is within a few hundredths.
  for (let round = 0; round < 8; round++) {
    const err = scoreOf(answers()).overall! - target;
    if (Math.abs(err) < 0.05) break;
    iitT -= err / 0.6;
    eitT -= err / 0.6;
    counts.IIT = generate('IIT', iitT);
    counts.EIT = generate('EIT', eitT);
  }
  // Fine: single respondents move one level in one column, greedily, until the overall sits just
  // above the published figure (above, so the province mean of 59 does not round down).
  const aim = 0.002;
  const ok = (e: number) => e > 0.0005 && e < 0.0035;
  const movesOf = (): Move[] => {
    const out: Move[] = [];
    for (const tool of ['IIT', 'EIT'] as const)
      cols[tool].forEach((c, col) => {
        const cs = counts[tool][col]!;
        for (let from = 0; from < cs.length; from++) {
          if (!cs[from]) continue;
          for (const to of [from - 1, from + 1])
            if (to >= 0 && to < cs.length)
              out.push({
                tool,
                col,
                from,
                to,
                delta: c.weight * stepValue(c.scale, from, to, respondents[tool]),
              });
        }
      });
    return out;
  };
  const apply = (m: Move, sign = 1) => {
    const cs = counts[m.tool][m.col]!;
    cs[sign > 0 ? m.from : m.to]!--;
    cs[sign > 0 ? m.to : m.from]!++;
  };
  for (let guard = 0; guard < 500; guard++) {
    const err = scoreOf(answers()).overall! - target;
    if (ok(err)) return answers();
    const moves = movesOf();
    const single = moves.reduce((b, m) =>
      Math.abs(err + m.delta - aim) < Math.abs(err + b.delta - aim) ? m : b,
    );
    if (Math.abs(err + single.delta - aim) < Math.abs(err - aim) - 1e-12) {
      apply(single);
      continue;
    }
    let best: [Move, Move] | undefined;
    let bestGap = Math.abs(err - aim);
    for (const m of moves)
      for (const n of moves) {
        if (m.tool === n.tool && m.col === n.col) continue;
        const gap = Math.abs(err + m.delta + n.delta - aim);
        if (gap < bestGap - 1e-12) [best, bestGap] = [[m, n], gap];
      }
    if (!best)
      throw new Error(`${a.code}: stuck at ${err} ${JSON.stringify(scoreOf(answers()).missing)}`);
    apply(best[0]);
    apply(best[1]);
  }
  throw new Error(`${a.code}: no solution`);
}
