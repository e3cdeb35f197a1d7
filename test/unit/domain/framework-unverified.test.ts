// The 2566 (O1–O43, new list) and 2568 (O1–O28) structures from public sources: valid files the
// NACC can import, never shipped as official, with every part not publicly known flagged.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getFramework, indicatorsOf } from '../../../src/domain/framework/index.ts';
import { parseFrameworkText } from '../../../src/domain/framework/validate.ts';

const load = (id: string) => {
  const text = readFileSync(
    new URL(`../../../frameworks/unverified/${id}.json`, import.meta.url),
    'utf8',
  );
  const parsed = parseFrameworkText(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return { text, framework: parsed.value.framework, document: parsed.value.document };
};

describe.each([
  ['ita-2566-structure', 2566, 43, ['9.1', '9.2', '9.3', '9.4', '9.5', '10.1', '10.2']],
  ['ita-2568-structure', 2568, 28, ['9.1', '9.2', '9.3', '9.4', '9.5', '9.6', '10.1', '10.2']],
] as const)('%s', (id, year, items, subIndicators) => {
  const { text, framework: f, document } = load(id);

  it('is a valid, canonical file of its year, not shipped (imported by choice)', () => {
    expect(`${JSON.stringify(document, null, 2)}\n`).toBe(text);
    expect([f.id, f.fiscalYear]).toEqual([id, year]);
    expect(getFramework(id)).toBeUndefined();
  });

  it('has its public OIT list, grouped into sub-indicators', () => {
    expect(f.oitItems.map((o) => o.code)).toEqual(
      Array.from({ length: items }, (_, i) => `O${i + 1}`),
    );
    const subs = indicatorsOf(f, 'OIT').flatMap((i) => i.subIndicators ?? []);
    expect(subs.map((s) => s.code)).toEqual(subIndicators);
    expect(f.levelScheme).toBe('pass_tiers');
  });

  it('says it is not official and flags what public sources do not give', () => {
    expect(f.name.th).toMatch(/ไม่ใช่กรอบการประเมินทางการ/);
    expect(f.name.en).toMatch(/not the official framework/);
    const flagged = new Map(f.provenance!.unverified.map((u) => [u.path, u.status]));
    expect(flagged.get('questions')).toBe('carried_over');
    expect(flagged.get('indicators')).toBe('assumed');
    expect(flagged.has('oitItems')).toBe(true);
    expect(f.provenance!.sources.length).toBeGreaterThan(0);
    // Unknown criteria are said to be unknown, never invented.
    expect(f.oitItems.every((o) => /ไม่พบในแหล่งสาธารณะ/.test(o.criteria.th))).toBe(true);
  });

  it('marks the procurement item that may be "not applicable, with an explanation"', () => {
    const na = f.oitItems.filter((o) => o.notApplicable === 'with_explanation');
    expect(na.map((o) => o.code)).toEqual([year === 2566 ? 'O19' : 'O12']);
  });
});
