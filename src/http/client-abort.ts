// A client that hangs up (closes the tab, loses the network) mid-body or mid-response is not a
// fault of the server: nobody waits for an answer and there is nothing to fix. Recognised here so
// that the error handler logs it at debug level, without a stack trace.
import type { Context } from 'hono';

const ABORT_CODES = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_STREAM_DESTROYED',
  'UND_ERR_ABORTED',
  'ABORT_ERR',
]);

function looksAborted(err: unknown, depth = 0): boolean {
  if (!(err instanceof Error) || depth > 3) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && ABORT_CODES.has(code)) return true;
  if (err.name === 'AbortError') return true;
  // Node's http parser reports a body cut short as `Error: aborted`; undici as `terminated`.
  if (err.message === 'aborted' || err.message === 'terminated') return true;
  return looksAborted(err.cause, depth + 1);
}

/** Whether `err` came from the client going away (not from the server failing). */
export function isClientAbort(err: unknown, c?: Context): boolean {
  if (looksAborted(err)) return true;
  try {
    // @hono/node-server aborts the request's signal when the connection closes early.
    return c?.req.raw.signal?.aborted === true;
  } catch {
    return false;
  }
}
