// The client's address, used only to derive a keyed hash of its network for rate limits (survey
// admission and sign-in limits); never logged or stored as is. Behind a trusted proxy
// (SURVEY_TRUST_PROXY=on) it is the first X-Forwarded-For entry, else the socket's peer.
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { loadSurveyLimits } from '../config.ts';
import type { AppEnv } from './context.ts';

const trustProxy = loadSurveyLimits().trustProxy;

export function clientAddress(c: Context<AppEnv>): string | undefined {
  if (trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // app.request() in tests has no socket
  }
}
