// Builds src/demo/data/demo-answers-2563.json, once, offline: answer counts per survey column and
// OIT item scores for Lamphun's 59 agencies such that the real scorer gives each agency its
// published 2563 overall score to 2 decimals, and the province unit (51-PRV) its published answer
// shares, sub-item, question, indicator and tool scores. It is a search over whole respondents and
// 0/100 OIT items, too slow for a first start; the demo loader only expands the file into response
// rows. Deterministic (seeded by agency code): running it again writes the same file.
//
//   node --import tsx src/demo/build-demo-answers.ts
//
// Inputs: the demo's register and published scores (src/demo/data) and the seed's report of the
// province unit (test/fixtures/seed/lamphun-2563-report.json, the project's copy of the seed).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  answerColumns,
  indicatorsOf,
  minimumSample,
  oitItemCodes,
  subItemOf,
} from '../domain/framework/helpers.ts';
import { frameworkForYear } from '../domain/framework/registry.ts';
import type { Scale, SurveyTool } from '../domain/framework/schema.ts';
import { scoreAgency } from '../domain/scoring/score.ts';
import type { ScoreCard } from '../domain/scoring/types.ts';
import { seededRandom, seedOf } from './answer-generator.ts';
import {
  DEMO_ANSWERS_FILE,
  demoEitPopulation,
  demoScoreInput,
  type DemoAgencyAnswers,
  type DemoAnswers,
} from './demo-answers.ts';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, 'data');
const seedDir = join(here, '..', '..', 'test', 'fixtures', 'seed');
const YEAR = 2563;
const framework = frameworkForYear(YEAR)!;

// ---- inputs -------------------------------------------------------------------------------

interface Agency {
  code: string;
  type: string;
  staff: number;
}

function readAgencies(): Agency[] {
  const [header, ...lines] = readFileSync(join(dataDir, 'lamphun-agencies.csv'), 'utf8')
    .trim()
    .split(/\r?\n/);
  const cols = header!.split(',');
  return lines.map((line) => {
    const v = line.split(',');
    const get = (c: string) => v[cols.indexOf(c)] ?? '';
    return { code: get('code'), type: get('type'), staff: Number(get('staff_count')) };
  });
}

function readPublished(): Map<string, { overall: number; level: string }> {
  const out = new Map<string, { overall: number; level: string }>();
  for (const line of readFileSync(join(dataDir, 'lamphun-results-published.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)) {
    const [code, year, overall, level] = line.split(',');
    if (Number(year) === YEAR && code) out.set(code, { overall: Number(overall), level: level! });
  }
  return out;
}

interface ReportItem {
  distribution: number[];
  score: number;
  scale: Scale;
}
interface Report {
  published: {
    overall: number;
    IIT: number;
    EIT: number;
    OIT: number;
    indicators: Record<string, number>;
  };
  questions: { code: string; score: number; items: ReportItem[] }[];
  oit: { code: string; score: number }[];
}
const report = JSON.parse(
  readFileSync(join(seedDir, 'lamphun-2563-report.json'), 'utf8'),
) as Report;

// ---- checks ---------------------------------------------------------------------------------

/**
 * Whether a full-precision value prints as the published 2-decimal figure under any sensible
 * rounding: inside the half-cent around it, never on the tie.
 */
const printsAs = (value: number | null, published: number): boolean =>
  value !== null && Math.abs(value - published) < 0.005 - 1e-7;

function scoreOf(a: DemoAgencyAnswers): ScoreCard {
  return scoreAgency(framework, demoScoreInput(framework, a));
}

// ---- the province unit: the seed's shares as whole respondents --------------------------------

const WEIGHTS = framework.answerWeights;

function itemScore(scale: Scale, c: readonly number[]): number {
  const n = c.reduce((s, x) => s + x, 0);
  const [c0 = 0, c1 = 0, c2 = 0, c3 = 0] = c;
  if (scale === 'yes_good') return (c0 / n) * 100;
  if (scale === 'no_good') return (c1 / n) * 100;
  const w = scale === 'likert4_reverse' ? [...WEIGHTS].reverse() : WEIGHTS;
  return (c0 * w[0]! + c1 * w[1]! + c2 * w[2]! + c3 * w[3]!) / n;
}

/** Every count vector of n respondents whose shares print as the seed's and whose score does. */
function countsFor(item: ReportItem, n: number): number[][] {
  const options = item.distribution.map((share) => {
    const lo = Math.max(0, Math.ceil(((share - 0.005) * n) / 100 - 1e-9));
    const hi = Math.floor(((share + 0.005) * n) / 100 + 1e-9);
    const out: number[] = [];
    for (let c = lo; c <= hi; c++) if (printsAs((100 * c) / n, share)) out.push(c);
    return out;
  });
  const found: number[][] = [];
  const walk = (i: number, acc: number[], sum: number) => {
    if (i === options.length) {
      if (sum === n && printsAs(itemScore(item.scale, acc), item.score)) found.push([...acc]);
      return;
    }
    for (const c of options[i]!) if (sum + c <= n) walk(i + 1, [...acc, c], sum + c);
  };
  walk(0, [], 0);
  return found;
}

function buildProvinceUnit(): DemoAgencyAnswers {
  const byTool: Record<SurveyTool, { respondents: number; counts: number[][] }> = {
    IIT: { respondents: 0, counts: [] },
    EIT: { respondents: 0, counts: [] },
  };
  for (const tool of ['IIT', 'EIT'] as const) {
    const items = report.questions
      .filter((q) => q.code.startsWith(tool === 'IIT' ? 'I' : 'E'))
      .flatMap((q) => q.items);
    // Candidate (n, counts) per sub-item for any plausible number of answers.
    const range = tool === 'IIT' ? [400, 700] : [200, 400];
    const candidates = items.map((item) => {
      const out: { n: number; counts: number[] }[] = [];
      for (let n = range[0]!; n <= range[1]!; n++)
        for (const counts of countsFor(item, n)) out.push({ n, counts });
      if (!out.length)
        throw new Error(`${tool}: no whole-respondent counts for ${JSON.stringify(item)}`);
      return out;
    });
    // Respondents: the most that any first sub-item allows (everyone answers the first); later
    // sub-items are answered by as many as fits the seed, nearest the sub-item before (people
    // stop part-way through a long form, as the seed's shrinking denominators show).
    const first = candidates[0]!;
    let previous = Math.max(...first.map((c) => c.n));
    const chosen = candidates.map((list) => {
      const best = [...list]
        .filter((c) => c.n <= byTool[tool].respondents || byTool[tool].respondents === 0)
        .sort((a, b) => Math.abs(a.n - previous) - Math.abs(b.n - previous) || b.n - a.n)[0]!;
      if (byTool[tool].respondents === 0) byTool[tool].respondents = best.n;
      previous = best.n;
      return best.counts;
    });
    byTool[tool].counts = chosen;
  }
  const oit = report.oit.map((o) => (o.score >= 100 ? '1' : '0')).join('');
  const answers: DemoAgencyAnswers = { IIT: byTool.IIT, EIT: byTool.EIT, oit };
  return answers;
}

function checkProvinceUnit(a: DemoAgencyAnswers): string[] {
  const card = scoreOf(a);
  const p = report.published;
  const wrong: string[] = [];
  const expect = (what: string, value: number | null | undefined, published: number) => {
    if (!printsAs(value ?? null, published)) wrong.push(`${what}: ${value} ≠ ${published}`);
  };
  expect('overall', card.overall, p.overall);
  for (const tool of ['IIT', 'EIT', 'OIT'] as const) expect(tool, card.tools[tool], p[tool]);
  for (const [code, v] of Object.entries(p.indicators))
    expect(`indicator ${code}`, card.indicators[code], v);
  for (const q of report.questions) {
    expect(q.code, card.questions[q.code], q.score);
    q.items.forEach((item, i) =>
      expect(`${q.code}.${i + 1}`, card.subItems[`${q.code}.${i + 1}`], item.score),
    );
  }
  return wrong;
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

function buildAgency(a: Agency, target: number): DemoAgencyAnswers {
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

// ---- main -----------------------------------------------------------------------------------

function main(): void {
  const published = readPublished();
  const out: DemoAnswers = {
    about:
      'Generated by src/demo/build-demo-answers.ts (do not edit): per agency, respondents and answer counts per survey column (answerColumns order; likert [1,2,3,4], yes/no [Y,N]) and OIT item scores (O1…O43, 1 = 100, 0 = 0) for year 2563.',
    fiscalYear: YEAR,
    frameworkId: framework.id,
    agencies: {},
  };
  for (const a of readAgencies()) {
    const p = published.get(a.code);
    if (!p) throw new Error(`no published 2563 score for ${a.code}`);
    const answers = a.type === 'province' ? buildProvinceUnit() : buildAgency(a, p.overall);
    const card = scoreOf(answers);
    const problems = a.type === 'province' ? checkProvinceUnit(answers) : [];
    if (!printsAs(card.overall, p.overall) || card.level !== p.level)
      problems.push(`overall ${card.overall} ${card.level} ≠ ${JSON.stringify(p)}`);
    process.stdout.write(
      `${a.code.padEnd(10)} ${String(answers.IIT.respondents).padStart(4)} IIT ${String(answers.EIT.respondents).padStart(4)} EIT  overall ${card.overall!.toFixed(6)} (published ${p.overall.toFixed(2)} ${p.level})  IIT ${card.tools.IIT!.toFixed(2)} EIT ${card.tools.EIT!.toFixed(2)} OIT ${card.tools.OIT!.toFixed(2)}${problems.length ? `  PROBLEMS: ${problems.join('; ')}` : ''}\n`,
    );
    out.agencies[a.code] = answers;
  }
  writeFileSync(join(dataDir, DEMO_ANSWERS_FILE), `${JSON.stringify(out)}\n`);
}

main();
