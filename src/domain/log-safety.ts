// What an error may say in a log (ADR 0007): its kind, code, a message with every quoted or
// keyed value blanked, and its stack frames. Database errors carry the statement's parameters
// (PGlite: `params`, pg: `detail`, `where`), which for a survey are the answers: never logged.

export interface LoggedError {
  type: string;
  code?: string;
  message: string;
  stack?: string;
}

/** Blanks values a database or parser message may quote: "…", '…', (key)=(value). */
export function scrubMessage(message: string): string {
  return message
    .replace(/\([^()]*\)=\([^()]*\)/g, '(…)=(…)')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .slice(0, 300);
}

export function errorForLog(e: unknown): LoggedError {
  if (!(e instanceof Error)) {
    const done = e as Partial<LoggedError> | null;
    // Already made safe (a logger whose serializer is this function gets it twice).
    if (done && typeof done.type === 'string' && typeof done.message === 'string')
      return done as LoggedError;
    return { type: typeof e, message: '(not an Error)' };
  }
  const code = (e as { code?: unknown }).code;
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .join('\n');
  return {
    type: e.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: scrubMessage(e.message),
    ...(frames ? { stack: frames } : {}),
  };
}
