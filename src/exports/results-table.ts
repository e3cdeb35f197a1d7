// The one serializer of agency results (docs/formats.md "Results — export"): `itas export results`,
// the API's export objects and the open data's results.json / results.csv are these columns over
// the results read model's ResultObject (domain/result-export.ts).
import type { Framework } from '../domain/framework/schema.ts';
import type { ResultObject } from '../domain/result-export.ts';
import type { StreamTable } from './stream-export.ts';

export function resultsTable(framework: Framework): StreamTable<ResultObject> {
  const indicators = framework.indicators.map((i) => i.code);
  return {
    name: 'results',
    columns: [
      { key: 'agency_code', header: 'agency_code' },
      { key: 'name_th', header: 'name_th' },
      { key: 'type', header: 'type' },
      { key: 'province', header: 'province' },
      { key: 'fiscal_year', header: 'fiscal_year' },
      { key: 'overall', header: 'overall', decimals: true },
      { key: 'level', header: 'level' },
      { key: 'passed', header: 'passed' },
      { key: 'IIT', header: 'IIT', decimals: true },
      { key: 'EIT', header: 'EIT', decimals: true },
      { key: 'OIT', header: 'OIT', decimals: true },
      ...indicators.map((c) => ({ key: `i${c}`, header: `indicator_${c}`, decimals: true })),
      { key: 'respondents_IIT', header: 'respondents_IIT' },
      { key: 'respondents_EIT', header: 'respondents_EIT' },
      { key: 'missing', header: 'missing' },
      { key: 'minimum_IIT', header: 'minimum_IIT' },
      { key: 'minimum_EIT', header: 'minimum_EIT' },
      { key: 'below_minimum', header: 'below_minimum' },
    ],
    row: (r) => ({
      agency_code: r.agency_code,
      name_th: r.name_th,
      type: r.type,
      province: r.province,
      fiscal_year: r.fiscal_year,
      overall: r.overall,
      level: r.level,
      passed: r.passed,
      IIT: r.tools.IIT,
      EIT: r.tools.EIT,
      OIT: r.tools.OIT,
      ...Object.fromEntries(indicators.map((c) => [`i${c}`, r.indicators[c] ?? null])),
      respondents_IIT: r.respondents.IIT,
      respondents_EIT: r.respondents.EIT,
      missing: r.missing.join(' '),
      minimum_IIT: r.minimum_sample.IIT,
      minimum_EIT: r.minimum_sample.EIT,
      below_minimum: r.below_minimum.join(' '),
    }),
    json: (r) => r,
  };
}
