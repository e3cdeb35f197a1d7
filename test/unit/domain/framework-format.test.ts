// The framework file format: shipped files are canonical JSON documents, a file is refused with
// every problem at once (path, Thai and English), and the published JSON Schema is current.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ita2563 from '../../../frameworks/ita-2563.json' with { type: 'json' };
import {
  frameworkJsonSchema,
  frameworkJsonSchemaText,
} from '../../../src/domain/framework/json-schema.ts';
import { parseFrameworkText, validateFramework } from '../../../src/domain/framework/validate.ts';
import { wordedAt } from '../../helpers/import-issues.ts';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const thai = /[\u0E00-\u0E7F]/;

/** A fresh, mutable copy of the 2563 file (spoiled below in ways its type forbids). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const doc = () => structuredClone(ita2563) as unknown as Record<string, any>;

describe('the shipped framework files', () => {
  it.each(['ita-2563', 'ita-2566'])('%s is valid and written canonically', (id) => {
    const text = read(`frameworks/${id}.json`);
    const parsed = parseFrameworkText(text);
    expect(parsed.ok).toBe(true);
    // Canonical form: what `itas framework export` prints, so the file round-trips byte for byte.
    expect(`${JSON.stringify(JSON.parse(text), null, 2)}\n`).toBe(text);
  });
});

describe('validateFramework lists every problem at once', () => {
  it('refuses self-contradictions, each with its path and both languages', () => {
    const d = doc();
    d.toolWeights.OIT = 0.5; // weights sum to 1.1
    (d.indicators[8].subIndicators[0].items as string[]).push('O99'); // unknown item
    d.questions[1].code = 'I1'; // duplicate code
    d.indicators[9].subIndicators[1].items = []; // sub-indicator with no items (O42, O43 orphaned)
    const result = validateFramework(d);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = new Map(wordedAt(result.error).map((p) => [p.path, p]));
    expect(byPath.get('toolWeights')?.en).toMatch(/sum to 1\.1/);
    expect(byPath.get('indicators[8].subIndicators[0].items[9]')?.en).toMatch(
      /Unknown OIT item "O99"/,
    );
    expect(byPath.get('questions[1].code')?.en).toMatch(/Duplicate question code "I1"/);
    expect(byPath.get('indicators[9].subIndicators[1].items')?.en).toMatch(
      /10\.2 has no OIT items/,
    );
    expect(byPath.get('oitItems[42]')?.en).toMatch(/O43 is in no indicator/);
    for (const p of wordedAt(result.error)) expect(p.th).toMatch(thai);
  });

  it('reports every malformed field, unknown keys included, in Thai and English', () => {
    const d = doc();
    d.format = 'open-itas-framework/9';
    d.passMark = 'high';
    d.questions[0].items[0].scale = 'likert5';
    d.oitItems[2].titel = d.oitItems[2].title;
    delete d.version;
    const result = validateFramework(d);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(
      wordedAt(result.error)
        .map((p) => p.path)
        .sort(),
    ).toEqual(['format', 'oitItems[2]', 'passMark', 'questions[0].items[0].scale', 'version']);
    const unknownKey = wordedAt(result.error).find((p) => p.path === 'oitItems[2]')!;
    expect(unknownKey.en).toMatch(/titel/);
    expect(unknownKey.th).toMatch(/titel/);
    for (const p of wordedAt(result.error)) expect(p.th).toMatch(thai);
  });

  it('refuses text that is not JSON with one readable problem', () => {
    const result = parseFrameworkText('{ "id": "ita-2569", ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(wordedAt(result.error)[0]!.en).toMatch(/^Not valid JSON/);
  });

  it('accepts recommendations only for indicators the file has', () => {
    const d = doc();
    d.recommendations.indicators['11'] = [{ th: 'ทำสิ่งหนึ่ง' }];
    const result = validateFramework(d);
    expect(result.ok ? [] : wordedAt(result.error).map((p) => p.path)).toEqual([
      'recommendations.indicators.11',
    ]);
  });
});

describe('the JSON Schema', () => {
  it('is published in docs exactly as the code generates it', () => {
    // On failure, regenerate: npm run itas -- framework schema --out docs/framework.schema.json
    expect(read('docs/framework.schema.json')).toBe(frameworkJsonSchemaText());
  });

  it('requires the format, id, version and the method, and refuses unknown keys', () => {
    const schema = frameworkJsonSchema() as { required: string[]; additionalProperties: boolean };
    expect(schema.required).toEqual(
      expect.arrayContaining(['format', 'id', 'version', 'toolWeights', 'indicators', 'levels']),
    );
    expect(schema.additionalProperties).toBe(false);
  });
});
