// Picks the level (AA–F band or pass tier) a score reaches under a framework's rating scheme.
import type { Framework, Level, ToolCode } from '../framework/schema.ts';
import { published, publishedOrNull } from './rounding.ts';

/**
 * The first level in the framework's order whose conditions hold: overall ≥ minOverall and, when
 * the level sets minEachTool (2566 tiers), every tool's score known and ≥ it. Compared on the
 * published (2-decimal) figures, so a reader never sees 85.00 with level B or "not passed"
 * (rounding.ts). validateFramework guarantees a catch-all last level, so there is always an answer.
 */
export function levelFor(
  framework: Framework,
  overall: number,
  tools: Partial<Record<ToolCode, number | null>> = {},
): Level {
  const toolScores = [tools.IIT, tools.EIT, tools.OIT].map(publishedOrNull);
  const shown = Number.isFinite(overall) ? published(overall) : overall;
  for (const level of framework.levels) {
    if (!(shown >= level.minOverall)) continue;
    const minTool = level.minEachTool;
    if (minTool !== undefined && !toolScores.every((s) => s != null && s >= minTool)) continue;
    return level;
  }
  return framework.levels[framework.levels.length - 1]!;
}
