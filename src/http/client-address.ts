// The client's address, used only to derive a keyed hash of its network for rate limits (survey
// admission and sign-in limits); never logged or stored as is. Behind the one trusted proxy
// (TRUST_PROXY=on) it is the last X-Forwarded-For entry — the address that proxy saw and wrote;
// entries before it are whatever the client sent, so they are never believed. Else the peer.
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from './context.ts';

/** The last entry of a header that proxies append to (X-Forwarded-For, X-Forwarded-Proto). */
export function lastForwarded(value: string | undefined): string | undefined {
  const last = value?.split(',').pop()?.trim();
  return last || undefined;
}

export function clientAddress(c: Context<AppEnv>): string | undefined {
  if (c.get('services').trustProxy) {
    const fwd = lastForwarded(c.req.header('x-forwarded-for'));
    if (fwd) return fwd;
  }
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // app.request() in tests has no socket
  }
}

/** Whether the client reached us over https: itself, or as the trusted proxy says. */
export function requestIsHttps(c: Context<AppEnv>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return (
    c.get('services').trustProxy &&
    lastForwarded(c.req.header('x-forwarded-proto'))?.toLowerCase() === 'https'
  );
}
