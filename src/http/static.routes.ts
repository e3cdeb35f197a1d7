// Serves the hashed static assets with long-lived caching.
import { Hono } from 'hono';
import type { AppEnv } from './context.ts';
import { findAsset } from '../views/static-assets.ts';

export const staticRoutes = new Hono<AppEnv>();

/**
 * Browsers and crawlers ask for /favicon.ico whatever the page says; answer with the same SVG icon
 * (by its content type, which every current browser honours) instead of a 404 in every log.
 */
export const faviconRoute = new Hono<AppEnv>();

faviconRoute.get('/favicon.ico', (c) => {
  const asset = findAsset('favicon.svg');
  if (!asset) return c.notFound();
  return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': asset.type,
    'Cache-Control': 'public, max-age=86400',
    ETag: `"${asset.hash}"`,
  });
});

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
