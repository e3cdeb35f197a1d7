// Adds the results downloads (open data) to the OpenAPI description: rankings, summaries and
// an agency's report. Imported by results.routes.tsx so the paths exist whenever the pages do.
import { openApiDocument } from './openapi.ts';

const year = {
  name: 'year',
  in: 'path',
  required: true,
  description: 'Fiscal year in the Buddhist Era, e.g. 2563',
  schema: { type: 'integer', minimum: 2500, maximum: 2700 },
};
const format = {
  name: 'format',
  in: 'query',
  required: true,
  schema: { type: 'string', enum: ['csv', 'xlsx', 'json'] },
};
const files = {
  '200': {
    description: 'The table, exactly as the page shows it (all pages of the filtered rows)',
    content: {
      'text/csv': { schema: { type: 'string' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
      'application/json': { schema: { type: 'array', items: { type: 'object' } } },
    },
  },
  '404': { description: 'No such year, or its results are not published yet' },
};
const licence =
  'Published results are open data under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).';

openApiDocument.paths['/results/{year}/rankings'] ??= {
  get: {
    operationId: 'downloadRankings',
    tags: ['open data'],
    summary: 'Rankings of a published year as CSV, XLSX or JSON',
    description: licence,
    parameters: [
      year,
      format,
      {
        name: 'scope',
        in: 'query',
        schema: { type: 'string', enum: ['national', 'type', 'province', 'provinces'] },
      },
      { name: 'type', in: 'query', schema: { type: 'string' }, description: 'Agency type code' },
      {
        name: 'province',
        in: 'query',
        schema: { type: 'string' },
        description: 'Province name in Thai',
      },
      {
        name: 'q',
        in: 'query',
        schema: { type: 'string' },
        description: 'Part of a name or district',
      },
      { name: 'level', in: 'query', schema: { type: 'string' } },
      { name: 'passed', in: 'query', schema: { type: 'string', enum: ['yes', 'no'] } },
      {
        name: 'sort',
        in: 'query',
        schema: { type: 'string', enum: ['rank', 'name', 'last', 'change'] },
      },
    ],
    responses: files,
  },
};
openApiDocument.paths['/results/{year}/summary'] ??= {
  get: {
    operationId: 'downloadSummary',
    tags: ['open data'],
    summary: 'Summary per agency type (and national) as CSV, XLSX or JSON',
    description: licence,
    parameters: [year, format],
    responses: files,
  },
};
openApiDocument.paths['/results/{year}/agencies/{code}.xlsx'] ??= {
  get: {
    operationId: 'downloadAgencyReport',
    tags: ['open data'],
    summary: 'One agency’s report as an Excel workbook',
    description: licence,
    parameters: [year, { name: 'code', in: 'path', required: true, schema: { type: 'string' } }],
    responses: {
      '200': {
        description: 'Summary, per-question shares, OIT items and the trend',
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
            schema: { type: 'string', format: 'binary' },
          },
        },
      },
      '404': { description: 'No such agency or year, or not published yet' },
    },
  },
};
