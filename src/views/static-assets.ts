// Static assets read once at start, addressed by content hash so browsers may cache them for a year.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

interface Asset {
  body: Uint8Array;
  type: string;
  hash: string;
  /** Compressed once at start (text assets only): served to clients that take it. */
  br?: Uint8Array;
  gzip?: Uint8Array;
}

const COMPRESSIBLE = new Set(['.css', '.js', '.svg']);

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
};

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '../../public');
const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('@fontsource/sarabun/package.json')), 'files');
const FONTS = ['thai', 'latin'].flatMap((subset) =>
  ['400', '700'].map((w) => `sarabun-${subset}-${w}-normal.woff2`),
);

function load(): Map<string, Asset> {
  const map = new Map<string, Asset>();
  const add = (name: string, path: string) => {
    const body = readFileSync(path);
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    const type = TYPES[extname(name)] ?? 'application/octet-stream';
    if (!COMPRESSIBLE.has(extname(name)) || body.length < 512) {
      map.set(name, { body, type, hash });
      return;
    }
    const br = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    const gzip = gzipSync(body, { level: 9 });
    map.set(name, { body, type, hash, br, gzip });
  };
  for (const f of readdirSync(publicDir)) add(f, join(publicDir, f));
  for (const f of FONTS) add(`fonts/${f}`, join(fontDir, f));
  return map;
}

const assets = load();

/** The cache-busting URL of an asset; the hash changes whenever its content does. */
export function assetUrl(name: string): string {
  const a = assets.get(name);
  return a ? `/static/${name}?v=${a.hash}` : `/static/${name}`;
}

export function findAsset(name: string): Asset | undefined {
  return assets.get(name);
}
