// The shape of a year's recommendation rules: an introduction per tool and actions per indicator.
import type { Text, ToolCode } from '../framework/schema.ts';

export interface RecommendationRules {
  /** The framework these rules apply to, e.g. 'ita-2563'. */
  frameworkId: string;
  /** Printed above the actions when the tool, or one of its indicators, is below the target. */
  tools: Record<ToolCode, Text>;
  /** Indicator code → concrete actions, printed when the indicator is below the target. */
  indicators: Record<string, Text[]>;
}
