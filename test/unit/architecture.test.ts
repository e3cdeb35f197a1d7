// The layers of docs/architecture.md as a test: every relative import under src/ (type imports,
// re-exports and dynamic imports too, read with TypeScript's own pre-processor) is checked for
// cycles and for the edges no folder may have. ESLint's no-restricted-imports (eslint.config.js)
// says the same per folder for value imports; this test also sees `import type` and cycles.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** src-relative path with forward slashes, e.g. `views/layout.tsx`. */
const rel = (file: string) => relative(SRC, file).split(sep).join('/');

/** Every file under src/ → the files it imports by relative path (resolved, src-relative). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles
      .map((i) => i.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => resolve(dirname(file), name));
    graph.set(
      rel(file),
      targets.map((t) => (t.startsWith(SRC + sep) ? rel(t) : `<outside>/${relative(SRC, t)}`)),
    );
    for (const t of targets) expect(existsSync(t), `${rel(file)} imports ${t}`).toBe(true);
  }
  return graph;
}

const folder = (path: string) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : '');

/** The edges no code may have: [from folder, to folder (or a test on the target), why]. */
const FORBIDDEN: { from: string; to: (target: string) => boolean; why: string }[] = [
  {
    from: 'domain',
    // The shipped framework files are data the registry bundles (ADR 0013), not code.
    to: (t) => folder(t) !== 'domain' && !/^<outside>\/\.\.\/frameworks\/[\w.-]+\.json$/.test(t),
    why: 'domain/ is pure: it imports nothing outside itself',
  },
  {
    from: 'storage',
    to: (t) => ['services', 'http', 'views', 'cli', 'jobs'].includes(folder(t)),
    why: 'storage/ is below services',
  },
  {
    from: 'views',
    to: (t) => ['services', 'http', 'storage', 'cli', 'jobs'].includes(folder(t)),
    why: 'views take view models (domain types or types beside them), never services, HTTP or storage',
  },
  {
    from: 'exports',
    to: (t) => ['services', 'http', 'storage', 'views', 'cli', 'jobs'].includes(folder(t)),
    why: 'exports/ write tables of domain values; they call no services and know no HTTP',
  },
  {
    from: 'i18n',
    to: (t) => !['i18n', 'domain'].includes(folder(t)),
    why: 'the catalogue depends only on domain types',
  },
  {
    from: 'demo',
    to: (t) => ['http', 'views', 'cli', 'storage'].includes(folder(t)),
    why: 'the demo loads data through services',
  },
  {
    from: 'services',
    to: (t) => ['http', 'views', 'cli'].includes(folder(t)),
    why: 'services do not know HTTP, views or the CLI',
  },
];

/** Strongly connected components of more than one file (Tarjan): the import cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/**
 * Where services, repositories and routes may still read the machine's clock, with how often.
 * Everything else takes the time from the container's one clock (ServiceOptions.clock; the
 * machine's is src/clock.ts), which tests set. A count that falls must fall here too.
 */
const CLOCK_READS: Record<string, number> = {
  // Not business time: the lock file's note for operators, the process start for Prometheus.
  'storage/pglite-lock.ts': 1,
  'http/metrics.ts': 1,
  // The 2-second lookup caches' expiry (process time, not business time).
  'services/response.service.ts': 1,
};

describe('architecture: imports under src/', () => {
  const graph = importGraph();

  it('reads the whole tree (a sanity check of the parser)', () => {
    expect(graph.size).toBeGreaterThan(200);
    // `import type` is seen: the page context type is imported only as a type.
    expect(graph.get('http/page-context.ts')).toContain('views/page-context.ts');
  });

  it('has no import cycle (type imports included)', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('no route, view or component imports app.tsx (pageContext lives in http/page-context.ts)', () => {
    const importers = [...graph].filter(([, to]) => to.includes('http/app.tsx')).map(([f]) => f);
    // Only the programs that build the app (the server, the CLI's backup beside it) may.
    expect(importers.filter((f) => ['http', 'views'].includes(folder(f)))).toEqual([]);
  });

  it('no folder imports across a forbidden layer edge', () => {
    const broken: string[] = [];
    for (const [file, targets] of graph)
      for (const target of targets)
        for (const rule of FORBIDDEN)
          if (folder(file) === rule.from && rule.to(target)) {
            broken.push(`${file} -> ${target} (${rule.why})`);
          }
    expect(broken).toEqual([]);
  });

  it('services, repositories and routes take the time from the injected clock', () => {
    const reads: Record<string, number> = {};
    for (const file of sourceFiles(SRC)) {
      const path = rel(file);
      if (!['services', 'storage', 'http'].includes(folder(path))) continue;
      const code = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
        .join('\n');
      const n = (code.match(/new Date\(\)|Date\.now\(\)/g) ?? []).length;
      if (n) reads[path] = n;
    }
    expect(reads).toEqual(CLOCK_READS);
  });
});
