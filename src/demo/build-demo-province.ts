// The demo's province unit (51-PRV) for the demo-answers builder (build-demo-answers.ts): the
// seed's published answer shares as whole respondents, checked against every published figure.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scale, SurveyTool } from '../domain/framework/schema.ts';
import { itemScore, printsAs, scoreOf } from './build-demo-scoring.ts';
import type { DemoAgencyAnswers } from './demo-answers.ts';

const seedDir = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'test',
  'fixtures',
  'seed',
);

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

// ---- the province unit: the seed's shares as whole respondents --------------------------------

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

export function buildProvinceUnit(): DemoAgencyAnswers {
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

export function checkProvinceUnit(a: DemoAgencyAnswers): string[] {
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
