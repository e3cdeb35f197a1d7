// Each problem code is declared once. The areas' codes (domain/problem-params/*.ts) are gathered by
// `extends` and their words by spreading catalogues, and neither complains when two areas declare
// the same code with the same parameters: the later catalogue's words would then silently replace
// the earlier's (an import's fiscal year message once read as the year creation's).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DOMAIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/domain');

/** The member names of the exported `…ProblemParams` interfaces of one file. */
function codesOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const codes: string[] = [];
  for (const m of text.matchAll(/export interface \w*ProblemParams\b[^{]*\{([\s\S]*?)\n\}/g))
    for (const c of m[1]!.matchAll(/^ {2}(\w+)\??:/gm)) codes.push(c[1]!);
  return codes;
}

describe('problem codes', () => {
  it('are declared once across domain/problem.ts and domain/problem-params/', () => {
    const dir = join(DOMAIN, 'problem-params');
    const files = [
      join(DOMAIN, 'problem.ts'),
      ...readdirSync(dir)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => join(dir, f)),
    ];
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const file of files)
      for (const code of codesOf(file)) {
        const first = seen.get(code);
        if (first) twice.push(`${code} (${first}, ${file})`);
        else seen.set(code, file);
      }
    expect(seen.size).toBeGreaterThan(100);
    expect(twice).toEqual([]);
  });
});
