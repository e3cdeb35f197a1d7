// A request body size limit that keeps @hono/node-server's direct body read. hono's bodyLimit
// reads c.req.raw.body, which makes the adapter build a full web Request with a stream for every
// call (about a tenth of the survey API's CPU at peak). With a declared Content-Length the parser
// already guarantees the size, so the header decides; only chunked bodies are counted as read.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

export function limitBody(
  maxSize: number,
  onError: (c: Context) => Response | Promise<Response>,
): MiddlewareHandler {
  const streamed = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined)
      return Number(declared) > maxSize ? onError(c) : next();
    return streamed(c, next);
  };
}
