// The framework's public API: the schema and types, validation, the registry and lookups.
export * from './schema.ts';
export { validateFramework, type FrameworkProblem } from './validate.ts';
export { frameworkForYear, getFramework, listFrameworks } from './registry.ts';
export {
  answerColumns,
  indicatorsOf,
  levelByCode,
  minimumSample,
  oitItemCodes,
  questionsOf,
  subItemOf,
} from './helpers.ts';
