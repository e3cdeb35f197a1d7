// The JSON Schema of the framework file format, generated from the zod schema so the two never
// disagree. Published as docs/framework.schema.json and served at FRAMEWORK_SCHEMA_PATH.
import { z } from 'zod';
import { FRAMEWORK_FORMAT, frameworkSchema } from './schema.ts';

/** Where the running app serves the schema (stable across releases of this format). */
export const FRAMEWORK_SCHEMA_PATH = '/frameworks/schema.json';

/**
 * The schema of a file as written (defaults not yet applied). It checks the shape only: the
 * semantic rules (weights summing to 1, known codes, …) are `itas framework validate`'s.
 */
export function frameworkJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(frameworkSchema, { io: 'input' });
  return {
    ...generated,
    title: `Open ITAS framework (${FRAMEWORK_FORMAT})`,
  };
}

/** The schema as the docs file holds it, byte for byte. */
export const frameworkJsonSchemaText = (): string =>
  `${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`;
