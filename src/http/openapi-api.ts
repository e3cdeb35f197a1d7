// Adds the results API (GET /api/v1/years/{year}/results | summary | rankings) and the document's
// own address to the OpenAPI description. Imported by api.routes.ts, so the paths exist whenever
// the routes do; test/unit/openapi.test.ts checks every mounted /api route is described.
import { openApiDocument } from './openapi.ts';

const problem = { $ref: '#/components/responses/Problem' };
/** A JSON value, as the document's paths hold them. */
type Json = (typeof openApiDocument.paths)[string];
const json = (schema: Json) => ({ 'application/json': { schema } });
const nullable = (type: string) => ({ type: [type, 'null'] });
const scoreMap = { type: 'object', additionalProperties: nullable('number') };
const digitsMap = { type: 'object', additionalProperties: nullable('string') };
const surveyTools = { type: 'string', enum: ['IIT', 'EIT'] };

const year = {
  name: 'year',
  in: 'path',
  required: true,
  description: 'Fiscal year in the Buddhist Era, 4 digits, e.g. 2563',
  schema: { type: 'string', pattern: '^\\d{4}$' },
};
const query = (name: string, description: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type: 'string' },
});
const type = query('type', 'Only agencies of this type (a code of docs/formats.md, e.g. sao)');
const province = query('province', 'Only agencies in this province (its Thai name, e.g. ลำพูน)');
const refusals = {
  '404': { ...problem, description: 'No such year, or its results are not published yet' },
  '422': { ...problem, description: 'The year is not 4 digits, or the agency type is unknown' },
};
const licence =
  'Published results are open data under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Until a year is published only the NACC sees it; others get 404.';

openApiDocument.paths['/api/openapi.json'] ??= {
  get: {
    operationId: 'openApiDocument',
    summary: 'This description of the API (OpenAPI 3.1)',
    responses: { '200': { description: 'The document', content: json({ type: 'object' }) } },
  },
};

openApiDocument.paths['/api/v1/years/{year}/results'] ??= {
  get: {
    operationId: 'yearResults',
    tags: ['results'],
    summary: 'Every agency’s result for a year (the results export objects, docs/formats.md)',
    description: licence,
    parameters: [year, query('agency', 'Only the agency with this code'), type, province],
    responses: {
      '200': {
        description: 'Full-precision scores with their published digits (`rounded`)',
        content: json({ type: 'array', items: { $ref: '#/components/schemas/AgencyResult' } }),
      },
      ...refusals,
    },
  },
};

openApiDocument.paths['/api/v1/years/{year}/summary'] ??= {
  get: {
    operationId: 'yearSummary',
    tags: ['results'],
    summary: 'The national summary and one per agency type',
    description: `${licence} Shares are fractions 0–1; means are over the agencies with an overall score.`,
    parameters: [year],
    responses: {
      '200': {
        description: 'The summary objects',
        content: json({
          type: 'object',
          required: ['national', 'types'],
          properties: {
            national: { $ref: '#/components/schemas/Summary' },
            types: {
              type: 'array',
              items: {
                allOf: [
                  { $ref: '#/components/schemas/Summary' },
                  { type: 'object', required: ['type'], properties: { type: { type: 'string' } } },
                ],
              },
            },
          },
        }),
      },
      ...refusals,
    },
  },
};

openApiDocument.paths['/api/v1/years/{year}/rankings'] ??= {
  get: {
    operationId: 'yearRankings',
    tags: ['results'],
    summary: 'The ranking of a year, or within one agency type and/or province',
    description: `${licence} Ranks by the published figure, ties sharing a rank.`,
    parameters: [year, type, province],
    responses: {
      '200': {
        description: 'The rankings export objects (docs/formats.md "Rankings — export")',
        content: json({ type: 'array', items: { $ref: '#/components/schemas/RankingRow' } }),
      },
      ...refusals,
    },
  },
};

const countShare = {
  type: 'object',
  required: ['count', 'share'],
  properties: { count: { type: 'integer' }, share: { type: 'number' } },
};

Object.assign(openApiDocument.components.schemas, {
  AgencyResult: {
    type: 'object',
    required: ['agency_code', 'name_th', 'type', 'fiscal_year', 'overall', 'level', 'passed'],
    properties: {
      agency_code: { type: 'string' },
      name_th: { type: 'string' },
      type: { type: 'string' },
      province: nullable('string'),
      fiscal_year: { type: 'integer' },
      overall: nullable('number'),
      level: nullable('string'),
      passed: nullable('boolean'),
      tools: scoreMap,
      indicators: scoreMap,
      respondents: {
        type: 'object',
        properties: { IIT: { type: 'integer' }, EIT: { type: 'integer' } },
      },
      missing: { type: 'array', items: { type: 'string', enum: ['IIT', 'EIT', 'OIT'] } },
      minimum_sample: { type: 'object', additionalProperties: nullable('integer') },
      below_minimum: { type: 'array', items: surveyTools },
      rounded: {
        type: 'object',
        description: 'The same scores as published: 2 decimals, half up, as text ("85.00")',
        properties: { overall: nullable('string'), tools: digitsMap, indicators: digitsMap },
      },
    },
  },
  Summary: {
    type: 'object',
    required: ['agencies', 'assessed', 'mean_overall', 'passing'],
    properties: {
      agencies: { type: 'integer' },
      assessed: { type: 'integer', description: 'Agencies with an overall score' },
      respondents: {
        type: 'object',
        properties: { IIT: { type: 'integer' }, EIT: { type: 'integer' } },
      },
      mean_overall: nullable('number'),
      indicator_means: scoreMap,
      levels: { type: 'object', additionalProperties: countShare },
      passing: countShare,
      meets_national_target: { type: 'boolean' },
      below_minimum: { type: 'integer' },
    },
  },
  RankingRow: {
    type: 'object',
    required: ['rank', 'agency_code', 'name_th', 'type', 'overall'],
    properties: {
      rank: { type: 'integer' },
      agency_code: { type: 'string' },
      name_th: { type: 'string' },
      type: { type: 'string' },
      province: nullable('string'),
      district: nullable('string'),
      last_year: nullable('number'),
      overall: { type: 'number' },
      level: nullable('string'),
      passed: nullable('boolean'),
      below_minimum: { type: 'array', items: surveyTools },
      last_year_rounded: nullable('string'),
      overall_rounded: nullable('string'),
      last_rank: nullable('integer'),
      change: nullable('number'),
      change_rounded: nullable('string'),
    },
  },
});
