// The framework with an id as stored now, for any service: shipped ones from the code, imported
// ones read from the database into this process (again when another process replaced a draft).
import {
  isShippedFramework,
  knownFramework,
  registerFramework,
} from '../domain/framework/registry.ts';
import type { Framework } from '../domain/framework/schema.ts';
import { parseFrameworkText } from '../domain/framework/validate.ts';
import type { Db } from '../storage/database.ts';
import { findStoredFramework, storedFrameworkChecksum } from '../storage/framework.repository.ts';

/** Reads a stored definition into this process (it was validated when it was imported). */
export async function loadStoredFramework(db: Db, id: string): Promise<Framework | undefined> {
  const row = await findStoredFramework(db, id);
  if (!row) return undefined;
  const parsed = parseFrameworkText(row.json);
  // Stored text passed the same checks on import; failing now means a stricter format version.
  if (!parsed.ok) throw new Error(`Stored framework ${id} no longer validates`);
  registerFramework(parsed.value.framework, parsed.value.document, row.checksum);
  return parsed.value.framework;
}

/**
 * A shipped definition costs nothing; a stored one costs one primary-key read of its checksum,
 * so a draft replaced by another process (before any answer froze it) is never served stale.
 */
export async function resolveFramework(db: Db, id: string): Promise<Framework | undefined> {
  if (isShippedFramework(id)) return knownFramework(id)?.framework;
  const checksum = await storedFrameworkChecksum(db, id);
  if (checksum === undefined) return undefined;
  const held = knownFramework(id);
  if (held && held.checksum === checksum) return held.framework;
  return loadStoredFramework(db, id);
}
