// The frameworks this process knows: the shipped files (frameworks/*.json, validated when this
// module loads) and the stored ones a service registers after reading them from the database.
import ita2563 from '../../../frameworks/ita-2563.json' with { type: 'json' };
import ita2566 from '../../../frameworks/ita-2566.json' with { type: 'json' };
import type { Framework } from './schema.ts';
import { validateFramework } from './validate.ts';

export interface KnownFramework {
  framework: Framework;
  /** The document as written (no defaults filled in): what `itas framework export` prints. */
  document: unknown;
  /** Shipped with the code (frameworks/*.json) rather than imported into the database. */
  builtIn: boolean;
  /** Of a stored definition: the SHA-256 of its stored text, to notice a replaced draft. */
  checksum?: string;
}

function load(document: unknown): KnownFramework {
  const result = validateFramework(document);
  if (!result.ok) {
    // A shipped definition that contradicts itself is a programming error: fail loudly at start,
    // in codes and parameters (the domain has no catalogue).
    const lines = result.error
      .map((p) => `${p.field}: ${p.code} ${JSON.stringify(p.params)}`)
      .join('; ');
    throw new Error(`Invalid framework definition: ${lines}`);
  }
  return { framework: result.value, document, builtIn: true };
}

const shipped: readonly KnownFramework[] = [load(ita2563), load(ita2566)].sort(
  (a, b) => a.framework.fiscalYear - b.framework.fiscalYear,
);

// Stored definitions never change under an id once a year has answers, so a process may keep
// them; a replaced draft is re-registered when its checksum differs (services/framework.service).
const stored = new Map<string, KnownFramework>();

/** The definition with this id (e.g. 'ita-2563'), or undefined. */
export function getFramework(id: string): Framework | undefined {
  return knownFramework(id)?.framework;
}

/** The definition with this id and its document, or undefined. */
export function knownFramework(id: string): KnownFramework | undefined {
  return shipped.find((k) => k.framework.id === id) ?? stored.get(id);
}

/** Every known definition, oldest fiscal year first (shipped before stored within a year). */
export function listFrameworks(): readonly Framework[] {
  const all = [
    ...shipped,
    ...[...stored.values()].sort((a, b) => a.framework.id.localeCompare(b.framework.id)),
  ];
  return all.map((k) => k.framework).sort((a, b) => a.fiscalYear - b.fiscalYear);
}

/** Whether an id is one of the shipped definitions (which the database may not redefine). */
export function isShippedFramework(id: string): boolean {
  return shipped.some((k) => k.framework.id === id);
}

/** Makes a stored, validated definition known to this process (or replaces a stored draft). */
export function registerFramework(framework: Framework, document: unknown, checksum: string): void {
  if (isShippedFramework(framework.id)) return;
  stored.set(framework.id, { framework, document, builtIn: false, checksum });
}

/**
 * The shipped definition that applies to a fiscal year (BE): the one for that year, else the
 * latest one before it (the NACC carries a method forward until it publishes a new one);
 * undefined before the oldest. Imported definitions are chosen explicitly, by id.
 */
export function frameworkForYear(fiscalYear: number): Framework | undefined {
  let found: Framework | undefined;
  for (const k of shipped) if (k.framework.fiscalYear <= fiscalYear) found = k.framework;
  return found;
}
