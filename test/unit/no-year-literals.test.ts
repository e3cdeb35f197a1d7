// No framework-specific branch in the code (issue 15): a year's method is its framework file, so
// src/ never compares with a fiscal year of the ITA era or names a shipped framework. The demo
// (src/demo/, a 2563 data set by design) is the one exception.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = new URL('../../src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'demo' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** The code without comments (strings kept, so a framework id in a string is seen). */
const withoutComments = (text: string) =>
  text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

// A BE year of the ITA era (2561–2699) compared with, switched on, or a shipped framework's id.
const YEAR = '25[6-9]\\d|26\\d\\d';
const FORBIDDEN = [
  new RegExp(`(===|!==|==|!=|<=|>=|<|>)\\s*(${YEAR})\\b`),
  new RegExp(`\\b(${YEAR})\\s*(===|!==|==|!=|<=|>=|<|>)`),
  new RegExp(`\\bcase\\s+(${YEAR})\\s*:`),
  /['"`]ita-\d{4}/,
];

export function yearLiterals(text: string): string[] {
  return withoutComments(text)
    .split('\n')
    .flatMap((line, i) =>
      FORBIDDEN.some((re) => re.test(line) && !/\b2560\b|\b2700\b/.test(line.match(re)![0]))
        ? [`${i + 1}: ${line.trim()}`]
        : [],
    );
}

describe('framework-specific year literals in src/', () => {
  it('finds none outside the demo', () => {
    const found = sourceFiles(src).flatMap((file) =>
      yearLiterals(readFileSync(file, 'utf8')).map((l) => `${relative(src, file)}:${l}`),
    );
    expect(found).toEqual([]);
  });

  it('would find the branches it is meant to', () => {
    expect(yearLiterals('if (year === 2566) tiers();')).toHaveLength(1);
    expect(yearLiterals('if (f.fiscalYear >= 2568) x();')).toHaveLength(1);
    expect(yearLiterals('switch (y) {\n  case 2563:\n}')).toHaveLength(1);
    expect(yearLiterals("const id = 'ita-2563';")).toHaveLength(1);
    expect(yearLiterals('// e.g. year === 2563\nif (y < 2560 || y > 2700) refuse();')).toEqual([]);
  });
});
