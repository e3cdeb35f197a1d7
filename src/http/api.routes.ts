// The results API: GET /api/v1/years/{year}/results | summary | rankings as JSON (the export
// objects of docs/formats.md). Thin: parse, one service call, answer. Until a year is
// published only the NACC sees it (the service answers 404 to others).
import { Hono, type Context } from 'hono';
import { isAgencyType } from '../domain/agency.ts';
import { rankingJson } from '../exports/rankings-table.ts';
import { summaryJson } from '../exports/summary-table.ts';
import type { AppEnv } from './context.ts';
import './openapi-api.ts';

export const apiRoutes = new Hono<AppEnv>();

function yearParam(c: Context<AppEnv>): number | null {
  const y = c.req.param('year') ?? '';
  return /^\d{4}$/.test(y) ? Number(y) : null;
}

const invalid = (c: Context<AppEnv>, th: string, en: string) =>
  c.json({ error: { code: 'invalid', message: en, message_th: th } }, 422);

const badYear = (c: Context<AppEnv>) =>
  invalid(
    c,
    'ปีงบประมาณต้องเป็นปี พ.ศ. 4 หลัก เช่น 2563',
    'The year must be a 4-digit BE year such as 2563',
  );

const badType = (c: Context<AppEnv>, type: string) =>
  invalid(c, `ไม่รู้จักประเภทหน่วยงาน "${type}"`, `Unknown agency type "${type}"`);

apiRoutes.get('/api/v1/years/:year/results', async (c) => {
  const year = yearParam(c);
  if (year === null) return badYear(c);
  const { agency, type, province } = c.req.query();
  if (type && !isAgencyType(type)) return badType(c, type);
  const rows = await c.get('services').results.results(c.get('actor'), year, {
    ...(agency ? { agencyCode: agency } : {}),
    ...(type ? { type } : {}),
    ...(province ? { province } : {}),
  });
  return c.json(rows);
});

apiRoutes.get('/api/v1/years/:year/summary', async (c) => {
  const year = yearParam(c);
  if (year === null) return badYear(c);
  const { national, types } = await c.get('services').results.summaryFigures(c.get('actor'), year);
  return c.json({ national: summaryJson(national), types: types.map(summaryJson) });
});

apiRoutes.get('/api/v1/years/:year/rankings', async (c) => {
  const year = yearParam(c);
  if (year === null) return badYear(c);
  const { type, province } = c.req.query();
  if (type && !isAgencyType(type)) return badType(c, type);
  const rows = await c.get('services').results.rankingRows(c.get('actor'), year, {
    ...(type ? { type } : {}),
    ...(province ? { province } : {}),
  });
  return c.json(rows.map(rankingJson));
});
