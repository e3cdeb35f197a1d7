// Serves the hashed static assets with long-lived caching.
import { Hono } from 'hono';
import type { AppEnv } from './context.ts';
import { findAsset } from './static-assets.ts';

export const staticRoutes = new Hono<AppEnv>();

staticRoutes.get('/*', (c) => {
  const name = c.req.path.replace(/^\/static\//, '');
  const asset = findAsset(name);
  if (!asset) return c.notFound();
  const versioned = c.req.query('v') === asset.hash || name.startsWith('fonts/');
  return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': asset.type,
    'Cache-Control': versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    ETag: `"${asset.hash}"`,
  });
});
