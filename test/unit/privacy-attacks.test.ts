// Attacks on respondents' anonymity (issue 12, ADR 0005 and 0007), kept as tests. After a run of
// form and API submissions with single-use codes, with staff pages used in between, the test
// takes the whole database and the captured log as an attacker would and tries each link:
// a transaction id shared with (or next to) another table's row, a time finer than the day in a
// row written next to a response, a response id or access code anywhere else, the link code or
// agency in a survey log line, the order of rows on disk. Then the doors a stranger's web page or
// a time-bearing id would use. Runs on PGlite and, with DATABASE_URL, on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { errorForLog } from '../../src/domain/log-safety.ts';
import { hashAccessCode } from '../../src/services/survey-guard.service.ts';
import { createApp } from '../../src/http/app.tsx';
import { createServices, type Services } from '../../src/services/container.ts';
import { insertResponses } from '../../src/storage/response.repository.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import {
  YEAR,
  browserFor,
  demographicsFor,
  fullAnswers,
  iitPageAnswers,
  linkCode,
  openSurveyYear,
} from '../helpers/survey-fixture.ts';

let t: TestDb;
let services: Services;
let app: ReturnType<typeof createApp>;
const logLines: string[] = [];
let iitLink: string;
let eitLink: string;
let codes: string[];
/** The last transaction id before the run: what staff set up is older. */
let runStart: number;
const responseIds: string[] = [];

const AGENCY = '51-PRV';
const OTHER = '51-PAO';

const apiPost = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });

/** A respondent without JavaScript: eligibility (with the code), about you, five pages, submit. */
async function answerByForm(accessCode: string): Promise<void> {
  const b = browserFor(app);
  let res = await b.post(`/go/iit/${iitLink}/eligibility`, {
    eligible: 'yes',
    access_code: accessCode,
  });
  expect(res.status).toBe(303);
  res = await b.post(`/go/iit/${iitLink}/about`, demographicsFor('IIT'));
  expect(res.status).toBe(303);
  const answers = fullAnswers('IIT');
  for (let p = 1; p <= 5; p++) {
    res = await b.post(`/go/iit/${iitLink}/page-${p}`, iitPageAnswers(answers, p));
    expect(res.status).toBe(303);
  }
  res = await b.post(`/go/iit/${iitLink}/submit`, {});
  expect(res.headers.get('location')).toBe(`/go/iit/${iitLink}/thanks`);
}

async function tables(): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
    order by table_name`.execute(t.db);
  return rows.map((r) => r.table_name);
}

const xids = async (table: string) =>
  (
    await sql<{ x: string }>`select xmin::text as x from ${sql.table(table)}`.execute(t.db)
  ).rows.map((r) => Number(r.x));

beforeAll(async () => {
  t = await createTestDb();
  services = createServices(t.db);
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  app = createApp({ services, log: pino({ level: 'debug' }, sink) });
  await openSurveyYear(services);
  iitLink = await linkCode(services, AGENCY);
  eitLink = await linkCode(services, OTHER);
  codes = await services.surveyLinks.setAccessCodes(SYSTEM_CLI, YEAR, AGENCY, true, 8);
  const { rows: start } = await sql<{ x: string }>`
    select (txid_current() % 4294967296)::text as x`.execute(t.db);
  runStart = Number(start[0]!.x);

  // The run: form and API answers with single-use codes, public answers, a staff page between.
  await answerByForm(codes[0]!);
  for (const code of codes.slice(1, 4)) {
    const id = randomUUID();
    const res = await apiPost(`/api/v1/surveys/${iitLink}/iit`, {
      response_id: id,
      answers: fullAnswers('IIT'),
      demographics: demographicsFor('IIT'),
      access_code: code,
    });
    expect(res.status).toBe(201);
    responseIds.push(id);
  }
  expect((await app.request('/')).status).toBe(200);
  await answerByForm(codes[4]!);
  for (let i = 0; i < 3; i++) {
    const id = randomUUID();
    const res = await apiPost(`/api/v1/surveys/${eitLink}/eit`, {
      response_id: id,
      answers: fullAnswers('EIT'),
      demographics: demographicsFor('EIT'),
    });
    expect(res.status).toBe(201);
    responseIds.push(id);
  }
  const { rows } = await sql<{ response_id: string }>`
    select response_id from responses`.execute(t.db);
  responseIds.splice(0, responseIds.length, ...rows.map((r) => r.response_id));
  expect(responseIds).toHaveLength(8);
});
afterAll(() => t?.close());

describe('the database, read by an attacker', () => {
  // `pending_counts` is part of the response until it is counted (ADR 0023): its rows are written
  // by the response's own statement and hold the response's own id, year and agency, nothing
  // else (checked below), and the recompute deletes them. So the scans below read it as the
  // response itself; what they look for is any *other* row tied to a response.
  const responseTables = new Set(['responses', 'pending_counts']);

  it('a pending count is the response’s own id, year and agency, nothing else', async () => {
    const { rows } = await sql<{ same: boolean }>`
      select p.fiscal_year = r.fiscal_year and p.agency_code = r.agency_code
        and p.xmin = r.xmin as same
      from pending_counts p left join responses r using (response_id)`.execute(t.db);
    expect(rows.length).toBe(responseIds.length);
    expect(rows.every((r) => r.same)).toBe(true);
    const { rows: cols } = await sql<{ column_name: string }>`
      select column_name from information_schema.columns
      where table_schema = current_schema() and table_name = 'pending_counts'
      order by column_name`.execute(t.db);
    expect(cols.map((r) => r.column_name)).toEqual(['agency_code', 'fiscal_year', 'response_id']);
  });

  it('no other table holds a row written in a response’s transaction', async () => {
    const own = new Set(await xids('responses'));
    const shared: string[] = [];
    for (const table of await tables()) {
      if (responseTables.has(table)) continue;
      for (const x of await xids(table)) if (own.has(x)) shared.push(`${table}@${x}`);
    }
    expect(shared).toEqual([]);
  });

  it('no row written next to a response (by transaction id) holds a time finer than the day', async () => {
    const own = await xids('responses');
    const near = (x: number) => own.some((r) => Math.abs(r - x) <= 3);
    // Every column, whatever its type: a time may hide as a timestamp, as seconds or
    // milliseconds since 1970 in a number, or as text in a string or JSON.
    const { rows: cols } = await sql<{
      table_name: string;
      column_name: string;
      data_type: string;
    }>`
      select table_name, column_name, data_type from information_schema.columns
      where table_schema = current_schema() and table_name <> 'responses'`.execute(t.db);
    const nowS = Date.now() / 1000;
    const year = 366 * 86_400;
    const isTime = (type: string, v: string): boolean => {
      if (type.startsWith('time')) return true;
      if (/int|numeric|double|real/.test(type)) {
        const n = Number(v);
        return Math.abs(n - nowS) < year || Math.abs(n / 1000 - nowS) < year;
      }
      return /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\b\d{2}:\d{2}:\d{2}\b/.test(v);
    };
    const found: string[] = [];
    // The attack works: rows written next to responses exist (marks, counters, anomaly counts…).
    let neighbours = 0;
    for (const table of await tables())
      if (!responseTables.has(table)) neighbours += (await xids(table)).filter(near).length;
    expect(neighbours).toBeGreaterThan(0);
    const countersNear = (await xids('survey_counters')).filter(near);
    expect(countersNear.length).toBeGreaterThan(0);
    for (const { table_name: table, column_name: column, data_type: type } of cols) {
      const { rows } = await sql<{ x: string; v: string | null }>`
        select xmin::text as x, ${sql.ref(column)}::text as v from ${sql.table(table)}`.execute(
        t.db,
      );
      // Staff rows written before the run (the year, the link, the codes) keep their times: that
      // the first answer came after them is "transaction ids are a clock, until the night"
      // (ADR 0007; the reseal below). Rows the survey path writes must carry no time at all.
      for (const r of rows)
        if (r.v !== null && Number(r.x) > runStart && near(Number(r.x)) && isTime(type, r.v))
          found.push(`${table}.${column}`);
    }
    // No exception: the rate-limit counters next to each batch hold an opaque key, their hits
    // and the day (their window is inside the HMAC of the key, not in a column).
    expect([...new Set(found)]).toEqual([]);
  });

  it('no other table holds a response id, an access code or its hash', async () => {
    const secrets = [...responseIds, ...codes, ...codes.map(hashAccessCode)];
    const spent = codes.slice(0, 5);
    const hits: string[] = [];
    for (const table of await tables()) {
      if (responseTables.has(table)) continue;
      const { rows } = await sql<{ row: string }>`
        select t::text as row from ${sql.table(table)} t`.execute(t.db);
      for (const { row } of rows)
        for (const s of secrets)
          if (row.includes(s)) {
            // Unspent codes are still waiting (their hash only): that is the point of them.
            const unspent =
              table === 'survey_access_codes' && !spent.some((c) => s === hashAccessCode(c));
            if (!unspent) hits.push(`${table}: ${s}`);
          }
    }
    expect(hits).toEqual([]);
    // A spent code leaves no row at all; the agency still sees how many were used, in the same
    // coarse steps as its live count (10 in 2563), so not each code as it is spent.
    const left = await t.db.selectFrom('survey_access_codes').select('code_hash').execute();
    expect(left.map((r) => r.code_hash).sort()).toEqual(codes.slice(5).map(hashAccessCode).sort());
    const { accessCodes } = await services.surveyLinks.linkFor(SYSTEM_CLI, YEAR, AGENCY);
    expect(accessCodes).toEqual({ total: 8, used: 0 });
  });

  it('recomputes are triggered by marks holding no time and no count, and no job is queued', async () => {
    const { rows } = await sql<{ column_name: string }>`
      select column_name from information_schema.columns
      where table_schema = current_schema() and table_name = 'recompute_marks'
      order by column_name`.execute(t.db);
    expect(rows.map((r) => r.column_name)).toEqual(['agency_code', 'fiscal_year']);
    const jobs = await sql`select kind from jobs`.execute(t.db);
    expect(jobs.rows).toEqual([]);
  });

  it('responses have no sequence or identity, and a batch lands on disk in a random order', async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.columns
      where table_schema = current_schema() and table_name = 'responses'
        and (column_default like 'nextval%' or is_identity = 'YES')`.execute(t.db);
    expect(rows[0]!.n).toBe(0);
    const ids = Array.from({ length: 40 }, () => randomUUID()).sort();
    await insertResponses(
      t.db,
      ids.map((responseId) => ({
        responseId,
        fiscalYear: YEAR,
        agencyCode: '51-TM-01',
        tool: 'EIT' as const,
        answers: [1, 2, 3],
        gender: null,
        ageBand: null,
        education: null,
        contactType: null,
        submittedOn: null,
      })),
    );
    const onDisk = await sql<{ response_id: string }>`
      select response_id from responses where response_id = any(${ids}) order by ctid`.execute(
      t.db,
    );
    expect(onDisk.rows).toHaveLength(40);
    // Arrival order (here sorted) survives with probability 1/40!.
    expect(onDisk.rows.map((r) => r.response_id)).not.toEqual(ids);
    await sql`delete from responses where response_id = any(${ids})`.execute(t.db);
  });
});

describe('the log, read by an attacker', () => {
  it('has no line for a survey request and never names the link or the agency', () => {
    expect(logLines.length).toBeGreaterThan(0);
    const named = logLines.filter(
      (l) =>
        l.includes(iitLink) ||
        l.includes(eitLink) ||
        l.includes(AGENCY) ||
        l.includes(OTHER) ||
        l.includes('/go/') ||
        l.includes('/api/v1/surveys'),
    );
    expect(named).toEqual([]);
    // Staff pages keep their access log.
    expect(logLines.some((l) => l.includes('"path":"/"'))).toBe(true);
  });

  it('keeps no request id a client chose on a survey route', async () => {
    const res = await apiPost(
      `/api/v1/surveys/${eitLink}/eit`,
      {
        response_id: randomUUID(),
        answers: fullAnswers('EIT'),
        demographics: demographicsFor('EIT'),
      },
      { 'x-request-id': 'tag-of-a-person' },
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).not.toBe('tag-of-a-person');
    expect(logLines.some((l) => l.includes('tag-of-a-person'))).toBe(false);
    const staff = await app.request('/', { headers: { 'x-request-id': 'staff-trace-1' } });
    expect(staff.headers.get('x-request-id')).toBe('staff-trace-1');
  });

  it('logs a failed database write without its parameters or the values in its message', async () => {
    let caught: unknown;
    try {
      await sql`select ${'answer-4-4-1-secret'}::int`.execute(t.db);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(Error);
    const logged = JSON.stringify(errorForLog(caught));
    expect(logged).not.toContain('answer-4-4-1-secret');
    expect(logged).toMatch(/"type":/);
  });
});

describe('submissions an attacker might try', () => {
  const body = () => ({
    response_id: randomUUID(),
    answers: fullAnswers('EIT'),
    demographics: demographicsFor('EIT'),
  });

  it('refuses time-bearing ids (v1, v7) and anything but a random v4 UUID, in Thai and English', async () => {
    for (const id of [
      'c232ab00-9414-11ec-b3c8-9f6bdeced846', // v1: time and a MAC address
      '01890a5d-ac96-774b-bcce-b302099a8057', // v7: time
      '00000000-0000-0000-0000-000000000000',
      'my-own-id-123',
    ]) {
      const res = await apiPost(`/api/v1/surveys/${eitLink}/eit`, { ...body(), response_id: id });
      expect(res.status).toBe(422);
      const e = (await res.json()) as {
        error: { fields: { field: string; message: string; message_th: string }[] };
      };
      const f = e.error.fields.find((x) => x.field === 'response_id');
      expect(f?.message).toMatch(/version 4/);
      expect(f?.message_th).toMatch(/UUID แบบสุ่ม/);
    }
  });

  it('refuses a JSON body sent as text/plain or a form (415), which a stranger’s page could send', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const res = await app.request(`/api/v1/surveys/${eitLink}/eit`, {
        method: 'POST',
        body: JSON.stringify(body()),
        headers: { 'content-type': type },
      });
      expect(res.status).toBe(415);
      const e = (await res.json()) as { error: { message: string; message_th: string } };
      expect(e.error.message).toContain('application/json');
      expect(e.error.message_th).toMatch(/[ก-๙]/);
    }
  });

  it('refuses a post from another site’s page (403) and allows no cross-origin reads', async () => {
    const cases: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: 'https://other.localhost' },
    ];
    for (const h of cases) {
      const res = await apiPost(`/api/v1/surveys/${eitLink}/eit`, body(), h);
      expect(res.status).toBe(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
    // Our own page (same origin) and a program (no Origin at all) are fine.
    const own = await apiPost(`/api/v1/surveys/${eitLink}/eit`, body(), {
      origin: 'http://localhost',
      'sec-fetch-site': 'same-origin',
    });
    expect(own.status).toBe(201);
    const preflight = await app.request(`/api/v1/surveys/${eitLink}/eit`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('a replay (same response_id, same single-use code) gets the same 201, created: false', async () => {
    const first = {
      response_id: randomUUID(),
      answers: fullAnswers('IIT'),
      demographics: demographicsFor('IIT'),
      access_code: codes[5]!,
    };
    const a = await apiPost(`/api/v1/surveys/${iitLink}/iit`, first);
    expect(a.status).toBe(201);
    expect(await a.json()).toEqual({ response_id: first.response_id, created: true });
    const b = await apiPost(`/api/v1/surveys/${iitLink}/iit`, first);
    expect(b.status).toBe(201);
    expect(await b.json()).toEqual({ response_id: first.response_id, created: false });
    // The code is spent: a new answer with it is refused, and nothing more was stored.
    const c = await apiPost(`/api/v1/surveys/${iitLink}/iit`, {
      ...first,
      response_id: randomUUID(),
    });
    expect(c.status).toBe(422);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from responses where agency_code = ${AGENCY}`.execute(t.db);
    expect(rows[0]!.n).toBe(6);
  });
});

describe('the nightly reseal', () => {
  it('leaves a day’s responses with one transaction id and a new order, and the same answers', async () => {
    const { rows: days } = await sql<{ d: string }>`
      select submitted_on::text as d from responses group by 1 order by count(*) desc limit 1`.execute(
      t.db,
    );
    const day = days[0]!.d;
    const snapshot = async () =>
      (
        await sql<{ id: string; a: string; x: string }>`
          select response_id as id, answers::text || coalesce(gender, '') as a, xmin::text as x
          from responses where submitted_on = ${day}::date order by response_id`.execute(t.db)
      ).rows;
    const before = await snapshot();
    expect(new Set(before.map((r) => r.x)).size).toBeGreaterThan(1);
    expect(await services.responses.resealDay(day)).toBe(before.length);
    const after = await snapshot();
    expect(after.map((r) => [r.id, r.a])).toEqual(before.map((r) => [r.id, r.a]));
    expect(new Set(after.map((r) => r.x)).size).toBe(1);
    // The new transaction id is the reseal's alone.
    const x = Number(after[0]!.x);
    for (const table of await tables())
      if (table !== 'responses') expect(await xids(table)).not.toContain(x);
  });
});

describe('after the recompute', () => {
  // Last in this file: the recompute writes cards, which the attacks above must not see.
  it('no pending count is left: the worker’s recompute added them and deleted their rows', async () => {
    // 51-TM-01: the 40 rows of the disk-order attack, deleted since; their pending rows go too.
    await services.results.recomputeAgencies(YEAR, [AGENCY, OTHER, '51-TM-01']);
    const left = await sql<{ n: number }>`select count(*)::int as n from pending_counts`.execute(
      t.db,
    );
    expect(left.rows[0]!.n).toBe(0);
    const counted = await sql<{ n: number }>`
      select coalesce(sum(n), 0)::int as n from respondent_counts where fiscal_year = ${YEAR}`.execute(
      t.db,
    );
    const stored = await sql<{ n: number }>`
      select count(*)::int as n from responses where fiscal_year = ${YEAR}`.execute(t.db);
    expect(counted.rows[0]!.n).toBe(stored.rows[0]!.n);
  });
});
