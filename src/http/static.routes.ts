// Serves the hashed static assets with long-lived caching.
import { Hono } from 'hono';
import type { AppEnv } from './context.ts';
import { findAsset } from '../views/static-assets.ts';
import { acceptedEncoding, notModified } from './page-cache.ts';

export const staticRoutes = new Hono<AppEnv>();

/**
 * Browsers and crawlers ask for /favicon.ico whatever the page says; answer with the same SVG icon
 * (by its content type, which every current browser honours) instead of a 404 in every log.
 */
export const faviconRoute = new Hono<AppEnv>();

faviconRoute.get('/favicon.ico', (c) => {
  const asset = findAsset('favicon.svg');
  if (!asset) return c.notFound();
  if (notModified(c, `"${asset.hash}"`))
    return c.body(null, 304, { 'Cache-Control': 'public, max-age=86400', ETag: `"${asset.hash}"` });
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
  const cache = versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300';
  // One ETag per encoding (strong validators differ when the bytes do); any of them means the
  // browser holds this content.
  const encoding = asset.br
    ? acceptedEncoding(c.req.header('accept-encoding'), ['br', 'gzip'])
    : undefined;
  const etag = `"${asset.hash}${encoding === 'br' ? '-br' : encoding === 'gzip' ? '-gz' : ''}"`;
  const headers: Record<string, string> = { 'Cache-Control': cache, ETag: etag };
  if (asset.br) headers.Vary = 'Accept-Encoding';
  if (notModified(c, `"${asset.hash}"`)) return c.body(null, 304, headers);
  headers['Content-Type'] = asset.type;
  if (encoding) headers['Content-Encoding'] = encoding;
  const body = encoding === 'br' ? asset.br : encoding === 'gzip' ? asset.gzip : asset.body;
  return c.body(body as Uint8Array<ArrayBuffer>, 200, headers);
});
