// A deterministic, seeded generator of survey answers (ids are random UUIDs) and OIT reviews that land an agency near
// a target score: used by the demo year, the national benchmark and tests. No real person.
import { randomUUID } from 'node:crypto';
import { answerColumns, oitItemCodes, subItemOf } from '../domain/framework/helpers.ts';
import type { Framework, SurveyTool } from '../domain/framework/schema.ts';
import { RESPONSE_FIXED_COLUMNS } from '../domain/row-import.ts';

/** mulberry32: small, fast, good enough for plausible fake data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export const DEMOGRAPHICS = {
  gender: ['male', 'female', 'female', 'male', 'other'],
  age_band: ['20-30', '31-40', '31-40', '41-50', '41-50', '51-60', '>60', '<20'],
  education: ['bachelor', 'bachelor', 'above_bachelor', 'secondary', 'diploma', 'primary'],
  contact_type: ['individual', 'individual', 'private_business', 'government', 'other'],
};

/** Header of the generated responses.csv: fixed columns, then every IIT and EIT column. */
export function responsesHeader(framework: Framework): string[] {
  return [
    ...RESPONSE_FIXED_COLUMNS,
    ...answerColumns(framework, 'IIT'),
    ...answerColumns(framework, 'EIT'),
  ];
}

interface ColumnPlan {
  kind: 'likert' | 'reverse' | 'yes_good' | 'no_good';
}

const plans = new WeakMap<Framework, Record<SurveyTool, ColumnPlan[]>>();
function planOf(framework: Framework, tool: SurveyTool): ColumnPlan[] {
  let p = plans.get(framework);
  if (!p) {
    const build = (t: SurveyTool) =>
      answerColumns(framework, t).map((c): ColumnPlan => {
        const scale = subItemOf(framework, c)?.item.scale ?? 'likert4';
        return {
          kind:
            scale === 'likert4_reverse'
              ? 'reverse'
              : scale === 'yes_good' || scale === 'no_good'
                ? scale
                : 'likert',
        };
      });
    p = { IIT: build('IIT'), EIT: build('EIT') };
    plans.set(framework, p);
  }
  return p[tool];
}

export interface AgencyPlan {
  agencyCode: string;
  /** The overall score to land near (0–100). */
  target: number;
  iit: number;
  eit: number;
  /** Day of the answers, YYYY-MM-DD. */
  day: string;
  seed?: number;
}

/**
 * Rows of responses.csv (aligned to responsesHeader). Each answer is "good" with probability
 * target/100 per step of a four-level scale (binomial), so the expected score is the target.
 */
export function* generateResponseRows(framework: Framework, plan: AgencyPlan): Generator<string[]> {
  const rnd = seededRandom(plan.seed ?? seedOf(plan.agencyCode));
  const p = Math.min(0.995, Math.max(0.005, plan.target / 100));
  const iitCols = planOf(framework, 'IIT');
  const eitCols = planOf(framework, 'EIT');
  const pick = (list: string[]) => list[Math.floor(rnd() * list.length)]!;
  const answer = (c: ColumnPlan, q: number): string => {
    if (c.kind === 'yes_good') return rnd() < q ? 'Y' : 'N';
    if (c.kind === 'no_good') return rnd() < q ? 'N' : 'Y';
    const k = (rnd() < q ? 1 : 0) + (rnd() < q ? 1 : 0) + (rnd() < q ? 1 : 0);
    return String(c.kind === 'reverse' ? 4 - k : k + 1);
  };
  for (const tool of ['IIT', 'EIT'] as const) {
    const n = tool === 'IIT' ? plan.iit : plan.eit;
    for (let i = 0; i < n; i++) {
      // Each respondent's own leaning around the agency's level, kept in 0–1.
      const q = Math.min(0.999, Math.max(0.001, p + (rnd() - 0.5) * 0.2));
      const iit = tool === 'IIT' ? iitCols.map((c) => answer(c, q)) : iitCols.map(() => '');
      const eit = tool === 'EIT' ? eitCols.map((c) => answer(c, q)) : eitCols.map(() => '');
      yield [
        // A fresh random id: never derived from a person, and unique across agencies (a 32-bit
        // seeded generator repeats its streams, so ids are not drawn from it).
        randomUUID(),
        plan.agencyCode,
        tool,
        plan.day,
        pick(DEMOGRAPHICS.gender),
        pick(DEMOGRAPHICS.age_band),
        pick(DEMOGRAPHICS.education),
        tool === 'EIT' ? pick(DEMOGRAPHICS.contact_type) : '',
        ...iit,
        ...eit,
      ];
    }
  }
}

export const OIT_HEADER = ['agency_code', 'item', 'answer', 'url', 'note', 'score', 'comment'];

/** Rows of oit.csv: every item answered, scored 100 with probability target/100. */
export function generateOitRows(
  framework: Framework,
  agencyCode: string,
  target: number,
  website: string,
  seed = seedOf(`oit:${agencyCode}`),
): string[][] {
  const rnd = seededRandom(seed);
  const p = Math.min(1, Math.max(0, target / 100));
  return oitItemCodes(framework).map((item) => {
    const good = rnd() < p;
    return [
      agencyCode,
      item,
      good ? 'has' : 'has_not',
      good ? `${website.replace(/\/$/, '')}/ita/${item.toLowerCase()}` : '',
      good ? '' : 'อยู่ระหว่างจัดทำข้อมูล',
      good ? '100' : '0',
      good ? '' : 'ไม่พบข้อมูลตามองค์ประกอบที่กำหนด',
    ];
  });
}
