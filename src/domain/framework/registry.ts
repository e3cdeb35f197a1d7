// The framework definitions the system knows, validated once when this module loads.
import { ita2563 } from './definitions/ita-2563.ts';
import { ita2566 } from './definitions/ita-2566.ts';
import type { Framework } from './schema.ts';
import { validateFramework } from './validate.ts';

function load(raw: unknown): Framework {
  const result = validateFramework(raw);
  if (!result.ok) {
    // A shipped definition that contradicts itself is a programming error: fail loudly at start.
    const lines = result.error.map((p) => `${p.path}: ${p.en}`).join('; ');
    throw new Error(`Invalid framework definition: ${lines}`);
  }
  return result.value;
}

const frameworks: readonly Framework[] = [load(ita2563), load(ita2566)].sort(
  (a, b) => a.fiscalYear - b.fiscalYear,
);

/** The definition with this id (e.g. 'ita-2563'), or undefined. */
export function getFramework(id: string): Framework | undefined {
  return frameworks.find((f) => f.id === id);
}

/** Every known definition, oldest fiscal year first. */
export function listFrameworks(): readonly Framework[] {
  return frameworks;
}

/**
 * The definition that applies to a fiscal year (BE): the one for that year, else the latest one
 * before it (the NACC carries a method forward until it publishes a new one); undefined before 2563.
 */
export function frameworkForYear(fiscalYear: number): Framework | undefined {
  let found: Framework | undefined;
  for (const f of frameworks) if (f.fiscalYear <= fiscalYear) found = f;
  return found;
}
