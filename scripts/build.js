// Compiles the server and the `itas` command to dist/ (esbuild: one file each, with the pure
// ES-module packages bundled in and the rest left in node_modules), so neither compiles
// TypeScript, nor resolves hundreds of package files, when it starts. Run by `npm run build`, by
// `npm install` (prepare), and by bin/start.js and bin/itas.js when dist/ is missing or older
// than a source file. Tests and benchmarks keep running the sources (vitest, tsx).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const stamp = join(dist, '.built');

/** The programs in dist/: the server, the CLI and what the server's start runs first. */
export const outputs = {
  server: join(dist, 'main.js'),
  cli: join(dist, 'itas.js'),
  /** What bin/start.js runs before the server loads: a first start's early copy (ADR 0027). */
  prestart: join(dist, 'prestart.js'),
  /** `itas --help`'s text, written by the build so that printing it loads no module. */
  help: join(dist, 'help.txt'),
};

function newestSource(dir = join(root, 'src')) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * True when dist/ holds a build at least as new as every file under src/ and frameworks/ (the
 * shipped framework files are bundled in) and package.json.
 */
export function isFresh() {
  if (!existsSync(stamp) || !Object.values(outputs).every((f) => existsSync(f))) return false;
  const built = statSync(stamp).mtimeMs;
  return (
    built >= newestSource() &&
    built >= newestSource(join(root, 'frameworks')) &&
    built >= statSync(join(root, 'package.json')).mtimeMs
  );
}

export async function build() {
  const { build: esbuild } = await import('esbuild');
  const started = Date.now();
  await esbuild({
    entryPoints: {
      main: join(root, 'src/main.ts'),
      itas: join(root, 'src/cli/main.ts'),
      'make-empty-database': join(root, 'src/storage/make-empty-database.ts'),
      'make-demo-database': join(root, 'src/make-demo-database.ts'),
      prestart: join(root, 'src/storage/empty-database-prefetch.ts'),
    },
    outdir: dist,
    bundle: true,
    plugins: [sourceUrls, packagesOutside],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    logLevel: 'warning',
    // Only the compiled server restores the build's empty database (src/storage/empty-database.ts).
    define: { ITAS_COMPILED: 'true' },
  });
  writeFileSync(outputs.help, execFileSync(process.execPath, [outputs.cli, '--help']));
  makeEmptyDatabase();
  makeDemoDatabase();
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  return Date.now() - started;
}

/**
 * dist/empty-database/: an empty embedded database, migrated, with the reference lists, that a
 * first start copies instead of running initdb and the migrations (ADR 0027). Made again only when
 * what it is made from changed: the compiled migrations, the reference lists, PGlite.
 */
function makeEmptyDatabase() {
  const key = createHash('sha256');
  key.update(readFileSync(join(dist, 'make-empty-database.js')));
  const refs = join(root, 'src/storage/reference-data');
  for (const f of readdirSync(refs).sort()) key.update(f).update(readFileSync(join(refs, f)));
  // PGlite's version (pinned exactly): its data folders are its own format.
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  key.update(String(pkg.dependencies['@electric-sql/pglite']));
  // Not fatal: without it a first start creates its database the slow way (initdb).
  makeKeyedFolder('empty-database', key.digest('hex'), 'no empty database made');
}

/**
 * dist/demo-database/: the empty database with the demo's undated part loaded, which a first start
 * with the demo copies instead, running only the dated part (ADR 0033). Made again when what it is
 * made from changed: the empty database, the compiled demo and services, the demo's data files.
 */
function makeDemoDatabase() {
  const emptyKey = join(dist, 'empty-database.key');
  // Not fatal: without it a first start loads the whole demo itself. Nor made without the empty
  // database it starts from.
  if (!existsSync(emptyKey)) return makeKeyedFolder('demo-database', false, '');
  const key = createHash('sha256');
  key.update(readFileSync(emptyKey));
  key.update(readFileSync(join(dist, 'make-demo-database.js')));
  const data = join(root, 'src/demo/data');
  for (const f of readdirSync(data).sort()) key.update(f).update(readFileSync(join(data, f)));
  makeKeyedFolder('demo-database', key.digest('hex'), 'no demo database made');
}

/**
 * dist/<name>/, made by dist/make-<name>.js into a temporary folder, then moved into place with
 * its key beside it; left as it is when its key is `digest` already. `digest` false: removed.
 */
function makeKeyedFolder(name, digest, failure) {
  const folder = join(dist, name);
  const keyFile = `${folder}.key`;
  rmSync(`${folder}.tmp`, { recursive: true, force: true });
  if (
    digest &&
    existsSync(folder) &&
    existsSync(keyFile) &&
    readFileSync(keyFile, 'utf8') === digest
  )
    return;
  rmSync(keyFile, { force: true });
  rmSync(folder, { recursive: true, force: true });
  if (!digest) return;
  try {
    execFileSync(process.execPath, [join(dist, `make-${name}.js`), `${folder}.tmp`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    renameSync(`${folder}.tmp`, folder);
    writeFileSync(keyFile, digest);
  } catch (e) {
    rmSync(`${folder}.tmp`, { recursive: true, force: true });
    process.stderr.write(`Open ITAS: ${failure} (${e.message})\n`);
  }
}

// Modules find their data files (reference lists, demo data, public/) beside their source:
// each one's import.meta.url is made to name its source file, seen from dist/.
const sourceUrls = {
  name: 'source-urls',
  setup(b) {
    b.onLoad({ filter: /\/src\/.*\.tsx?$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = relative(dist, args.path).split('\\').join('/');
      return {
        contents: text.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(rel)}, import.meta.url).href`,
        ),
        loader: args.path.endsWith('x') ? 'tsx' : 'ts',
      };
    });
  },
};

// The pure ES-module packages every start loads are bundled: each is dozens to hundreds of files
// (kysely alone 263) that Node would otherwise resolve, read and compile one by one at every
// start. The rest stay in node_modules: CommonJS packages (their require() calls cannot run
// inside an ES module), native and WebAssembly ones (they load files beside their own), and pino
// (its transports start worker threads from its own files).
const BUNDLED = new Set([
  'kysely',
  'zod',
  'csv-parse',
  'csv-stringify',
  'hono',
  '@hono/node-server',
]);
const packagesOutside = {
  name: 'packages-outside',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path
        .split('/')
        .slice(0, args.path.startsWith('@') ? 2 : 1)
        .join('/');
      return BUNDLED.has(name) ? undefined : { path: args.path, external: true };
    });
  },
};

/** Builds unless dist/ is fresh; says so on stderr (a first start, or sources changed). */
export async function ensureBuilt() {
  if (isFresh()) return;
  process.stderr.write('Open ITAS: compiling to dist/ (sources are newer) …\n');
  const ms = await build();
  process.stderr.write(`Open ITAS: compiled in ${ms} ms\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const ms = await build();
  process.stdout.write(`dist/ built in ${ms} ms\n`);
}
