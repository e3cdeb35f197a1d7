// Validates a framework document: its shape (zod; its messages in Thai and English are the
// problem's parameters) and that it does not contradict itself (checks.ts). Every problem is
// returned at once, each on its path.
import { z } from 'zod';
import { problem } from '../problem.ts';
import { err, ok, type Result } from '../result.ts';
import { semanticProblems, type FrameworkProblem } from './checks.ts';
import { frameworkSchema, type Framework } from './schema.ts';

export type { FrameworkProblem };

/** `indicators[8].subIndicators[0].items` — the notation of every problem's path. */
export const pathOf = (parts: readonly PropertyKey[]): string =>
  parts.reduce<string>((acc, part) => {
    if (typeof part === 'number') return `${acc}[${part}]`;
    return acc ? `${acc}.${String(part)}` : String(part);
  }, '');

const thai = z.locales.th();

/**
 * Parses and checks a definition. A malformed shape is reported field by field (every field at
 * once); the semantic checks need a well-formed document, so they run when the shape is right.
 */
export function validateFramework(raw: unknown): Result<Framework, FrameworkProblem[]> {
  const parsed = frameworkSchema.safeParse(raw);
  if (!parsed.success) {
    // The same parse with zod's Thai messages gives the same issues in the same order.
    const inThai = frameworkSchema.safeParse(raw, { error: thai.localeError });
    const thIssues = inThai.success ? [] : inThai.error.issues;
    return err(
      parsed.error.issues.map((issue, i) =>
        problem(pathOf(issue.path), 'fw_shape', {
          detail: issue.message,
          detailTh: thIssues[i]?.message ?? issue.message,
        }),
      ),
    );
  }
  const problems = semanticProblems(parsed.data);
  return problems.length > 0 ? err(problems) : ok(parsed.data);
}

/** A framework file's text: JSON that is a valid definition, or every problem with it. */
export function parseFrameworkText(
  text: string,
): Result<{ framework: Framework; document: unknown }, FrameworkProblem[]> {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return err([problem('', 'fw_not_json', { detail })]);
  }
  const result = validateFramework(document);
  return result.ok ? ok({ framework: result.value, document }) : result;
}
