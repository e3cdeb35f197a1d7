// DEMO: whether a start on an empty database takes the demo. Read by config.ts and, before the
// server's modules load, by the first start's prefetch (which copies the build's demo database
// when it will be wanted): one reading for both.
export const DEMO_VALUES = ['auto', 'on', 'off', 'true', 'false', '1', '0'] as const;

/** DEMO's value as written (lower-cased; auto when unset). */
export const demoRaw = (env: NodeJS.ProcessEnv): string => (env.DEMO ?? 'auto').toLowerCase();

/** Whether DEMO asks for the demo (auto and on do); an unknown value is config.ts's to refuse. */
export const demoWanted = (env: NodeJS.ProcessEnv): boolean =>
  !['off', 'false', '0'].includes(demoRaw(env));
