// Picks the recommendations that apply to one agency's results: every tool and indicator below
// the framework's pass mark gets the actions its year's rules list.
import type { Framework, Recommendations, Text, ToolCode } from '../framework/schema.ts';
import { TOOL_CODES } from '../framework/schema.ts';
import { published } from '../scoring/rounding.ts';

/** The rules of a framework: its file's `recommendations` (none when the file has none). */
export function rulesFor(framework: Framework): Recommendations | undefined {
  return framework.recommendations;
}

export interface IndicatorRecommendation {
  code: string;
  name: Text;
  score: number;
  actions: Text[];
}

export interface ToolRecommendation {
  tool: ToolCode;
  score: number | null;
  belowTarget: boolean;
  intro: Text;
  indicators: IndicatorRecommendation[];
}

/**
 * For each tool that is below the target, or has an indicator below it: the tool's introduction
 * and, per indicator below the target in the framework's order (as the NACC's report lists them:
 * EIT quality, communication, improvement), its actions. Missing scores recommend nothing.
 */
export function recommendationsFor(
  framework: Framework,
  scores: {
    tools: Partial<Record<ToolCode, number | null>>;
    indicators: Record<string, number | null>;
  },
): ToolRecommendation[] {
  const rules = rulesFor(framework);
  if (!rules) return [];
  const target = framework.passMark;
  const out: ToolRecommendation[] = [];
  for (const tool of TOOL_CODES) {
    const score = scores.tools[tool] ?? null;
    const indicators = framework.indicators
      .filter((ind) => ind.tool === tool)
      .flatMap((ind) => {
        const s = scores.indicators[ind.code];
        return typeof s === 'number' && published(s) < target
          ? [
              {
                code: ind.code,
                name: ind.name,
                score: s,
                actions: rules.indicators[ind.code] ?? [],
              },
            ]
          : [];
      });
    // Against the published figure: an indicator printed 85.00 is not below an 85 target.
    const belowTarget = score !== null && published(score) < target;
    if (belowTarget || indicators.length > 0)
      out.push({ tool, score, belowTarget, intro: rules.tools[tool], indicators });
  }
  return out;
}
