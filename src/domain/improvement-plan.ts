// The plan to pass: from last year's item-level results, the actions that gain the most points
// and a what-if over ticked actions. Every number comes from the pure scorer and the roll-ups.
import type { Framework, Scale } from './framework/schema.ts';
import { scoreAgency } from './scoring/score.ts';
import { provinceScores, type AgencyResult, type ProvinceScore } from './scoring/rollups.ts';
import type { ScoreCard, ScoreInput } from './scoring/types.ts';

/**
 * An action an agency can take:
 * - `oit:O3`: publish OIT item O3 so it scores 100 instead of 0;
 * - `ind:8`: improve an IIT/EIT indicator by one step (see raiseOneStep).
 */
export type PlanAction =
  | { id: string; kind: 'oit_item'; item: string }
  | { id: string; kind: 'indicator'; indicator: string };

export interface RankedAction {
  action: PlanAction;
  /** Overall points gained when this action alone is taken. */
  gain: number;
}

export interface AgencyPlan {
  base: ScoreCard;
  /** Actions best first. */
  actions: RankedAction[];
  ticked: string[];
  projected: ScoreCard;
  /** Points still missing to the pass mark after the ticked actions (0 when passing). */
  shortfall: number | null;
}

/**
 * One step of improvement for a sub-item's answers, documented so the what-if can be explained:
 * half of the answers in every option below the best move up by one option (four-level items:
 * towards "most", or towards "least" for negatively worded items; yes/no: half of the bad answers
 * become good). Counts may become fractional; the scorer only uses their ratios.
 */
export function raiseOneStep(scale: Scale, counts: readonly number[]): number[] {
  const c = [...counts];
  if (scale === 'yes_good') return [(c[0] ?? 0) + (c[1] ?? 0) / 2, (c[1] ?? 0) / 2];
  if (scale === 'no_good') return [(c[0] ?? 0) / 2, (c[1] ?? 0) + (c[0] ?? 0) / 2];
  // Order the options worst → best, shift half of each up one, then restore the printed order.
  const worstFirst = scale === 'likert4_reverse' ? [...c].reverse() : c;
  const out = worstFirst.map((n, i) => (i < worstFirst.length - 1 ? n / 2 : n));
  for (let i = 0; i < worstFirst.length - 1; i++) out[i + 1]! += (worstFirst[i] ?? 0) / 2;
  return scale === 'likert4_reverse' ? out.reverse() : out;
}

/** OIT items at 0 and IIT/EIT indicators below the pass mark, in the framework's order. */
export function candidateActions(framework: Framework, base: ScoreCard, input: ScoreInput) {
  const actions: PlanAction[] = [];
  for (const item of framework.oitItems)
    if (input.oit[item.code] === 0)
      actions.push({ id: `oit:${item.code}`, kind: 'oit_item', item: item.code });
  for (const ind of framework.indicators) {
    const score = base.indicators[ind.code];
    if (ind.tool !== 'OIT' && score != null && score < framework.passMark)
      actions.push({ id: `ind:${ind.code}`, kind: 'indicator', indicator: ind.code });
  }
  return actions;
}

/** The score input after the actions: OIT items to 100, indicators' sub-items raised one step. */
export function applyActions(
  framework: Framework,
  input: ScoreInput,
  actions: readonly PlanAction[],
): ScoreInput {
  const answers = { ...input.answers };
  const oit = { ...input.oit };
  for (const a of actions) {
    if (a.kind === 'oit_item') {
      oit[a.item] = 100;
      continue;
    }
    const ind = framework.indicators.find((i) => i.code === a.indicator);
    for (const qCode of ind?.questions ?? []) {
      const q = framework.questions.find((x) => x.code === qCode);
      for (const item of q?.items ?? []) {
        const key = `${qCode}.${item.n}`;
        const counts = answers[key];
        if (counts) answers[key] = raiseOneStep(item.scale, counts);
      }
    }
  }
  return { ...input, answers, oit };
}

/** The plan for one agency: ranked actions with their gains and the projection of the ticked ones. */
export function planAgency(
  framework: Framework,
  input: ScoreInput,
  tickedIds: readonly string[],
): AgencyPlan {
  const base = scoreAgency(framework, input);
  const candidates = candidateActions(framework, base, input);
  const baseOverall = base.overall ?? 0;
  const actions = candidates
    .map((action) => ({
      action,
      gain:
        (scoreAgency(framework, applyActions(framework, input, [action])).overall ?? 0) -
        baseOverall,
    }))
    .sort((a, b) => b.gain - a.gain || a.action.id.localeCompare(b.action.id));
  const ticked = candidates.filter((c) => tickedIds.includes(c.id));
  const projected = scoreAgency(framework, applyActions(framework, input, ticked));
  return {
    base,
    actions,
    ticked: ticked.map((t) => t.id),
    projected,
    shortfall:
      projected.overall === null ? null : Math.max(0, framework.passMark - projected.overall),
  };
}

export interface ProvinceProjection {
  before: ProvinceScore | undefined;
  after: ProvinceScore | undefined;
  provinces: number;
}

/**
 * The province's combined score and rank before and after replacing some agencies' overall
 * scores (the what-if), with the roll-up the NACC publishes ("ประเภทรายจังหวัด").
 */
export function projectProvince(
  results: readonly AgencyResult[],
  province: string,
  replaced: ReadonlyMap<string, number | null>,
): ProvinceProjection {
  const before = provinceScores(results);
  const after = provinceScores(
    results.map((r) =>
      replaced.has(r.agencyCode) ? { ...r, overall: replaced.get(r.agencyCode) ?? null } : r,
    ),
  );
  return {
    before: before.find((p) => p.province === province),
    after: after.find((p) => p.province === province),
    provinces: before.filter((p) => p.score !== null).length,
  };
}

export interface ProvinceAction extends RankedAction {
  agencyCode: string;
  /** Points the province's combined score gains from this action alone. */
  provinceGain: number;
}

/**
 * The whole province: every agency's actions ranked by what they add to the province's combined
 * score (an agency's gain divided by the number of assessed agencies in the province).
 */
export function rankProvinceActions(
  plans: readonly { agencyCode: string; plan: AgencyPlan }[],
  assessedInProvince: number,
): ProvinceAction[] {
  const n = Math.max(1, assessedInProvince);
  return plans
    .flatMap(({ agencyCode, plan }) =>
      plan.actions.map((a) => ({ ...a, agencyCode, provinceGain: a.gain / n })),
    )
    .sort(
      (a, b) =>
        b.provinceGain - a.provinceGain ||
        a.agencyCode.localeCompare(b.agencyCode) ||
        a.action.id.localeCompare(b.action.id),
    );
}
