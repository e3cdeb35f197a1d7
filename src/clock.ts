// The one clock. Business time (today, deadlines, survey windows, the time a row records) is read
// through a Clock that the container hands every service, route, job and demo loader; tests give
// a fixed one. The machine's clock is read here and nowhere else (eslint.config.js, ADR 0019).
export type Clock = () => Date;

/** The machine's clock: the default of ServiceOptions.clock (main.ts, the CLI). */
export const systemClock: Clock = () => new Date();
