// Hostile requests for every route of the app (issue 14): the concrete paths and form fields of
// the authorisation matrix (which lists every route, or its test fails) mutated with fast-check:
// random and oversized values, control characters and NUL, bad UTF-8, malformed multipart, bad
// JSON, wrong content types, random `next=`, and any of the demo roles or nobody. Shared by the
// suite's fuzz test (a modest run) and `npm run bench -- fuzz` (10,000 over real HTTP).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { thaiDay } from '../../src/domain/calendar.ts';
import type { Services } from '../../src/services/container.ts';
import { AUTHZ_MATRIX, type Fixtures } from '../unit/authz-matrix.data.ts';
import { clientFor, createStandardAccounts, EVERYONE, type Client, type Who } from './sessions.ts';

export const FUZZ_YEAR = 2563;

/** What the fuzzer needs in the database: the demo agencies, a year open for OIT, one account per role. */
export async function fuzzFixtures(services: Services) {
  const csv = readFileSync(
    new URL('../../src/demo/data/lamphun-agencies.csv', import.meta.url),
    'utf8',
  );
  await services.agencies.importAgencies(SYSTEM_CLI, 'demo.csv', csv);
  await services.years.create(SYSTEM_CLI, FUZZ_YEAR, 'ita-2563');
  const today = thaiDay(new Date());
  for (const phase of ['oit-entry', 'oit-review', 'iit', 'eit'])
    await services.calendar
      .setPhase(SYSTEM_CLI, { fiscalYear: FUZZ_YEAR, phase, opensOn: today, closesOn: today })
      .catch(() => undefined); // a phase the framework does not have is fine to skip
  const ids = await createStandardAccounts(services);
  const clients = async () => {
    const out = {} as Record<Who, Client>;
    for (const who of EVERYONE)
      out[who] = await clientFor(services, who === 'anonymous' ? null : ids[who]);
    return out;
  };
  return { ids, clients };
}

const FIXTURES: Fixtures = { targetUserId: '00000000-0000-4000-8000-000000000000', outboxId: 1 };

/** Each route once: method, a concrete path and its form fields. */
export const SEEDS = Object.entries(AUTHZ_MATRIX).map(([key, entry]) => ({
  key,
  method: key.split(' ')[0]!,
  path: typeof entry.path === 'function' ? entry.path(FIXTURES) : entry.path,
  fields: Object.keys(entry.form ?? {}),
  form: entry.form ?? {},
}));

const CONTROL = fc.constantFrom(
  '\0',
  '\x01',
  '\x07',
  '\b',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\x1b[31m',
  '\x7f',
  '\u0085',
  '\u2028',
  '\uFEFF',
  '\uD800',
  '\uDFFF',
);
const HOSTILE_TEXT = fc.constantFrom(
  '=HYPERLINK("http://evil.example","x")',
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00',
  '%E0%A4%A',
  '%C3%28',
  '{{agency}}{{',
  'ก่่่่่่่่่่่่่่่่่่่่่่่่่่่่่่่',
  '😀'.repeat(100),
  '-1.5',
  'NaN',
  '1e309',
  '9'.repeat(400),
);

/** A value for a form field or query parameter: mostly hostile, sometimes the real one. */
const value = (real?: string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.string({ maxLength: 10 }), CONTROL, fc.string({ maxLength: 10 }))
        .map(([a, b, c]) => a + b + c),
    },
    { weight: 2, arbitrary: HOSTILE_TEXT },
    { weight: 3, arbitrary: fc.constant(real ?? '') },
    // Over every limit: past the text limits, and a megabyte (ASCII: a megabyte of Thai would be
    // 9 MB form-encoded, which the body limit answers without reading).
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc
          .constantFrom(2_001, 5_000, 70_000)
          .chain((n) => fc.constantFrom('x', 'ก', 'ที่', '\0').map((ch) => ch.repeat(n))),
        fc.constant('x'.repeat(1_000_000)),
      ),
    },
  );

const NEXT = fc.oneof(
  fc.constantFrom(
    '/',
    '//evil.example',
    '/\\evil.example',
    '/%5Cevil.example',
    '/%09/evil.example',
    '/%2F%2Fevil.example',
    '/\r\nSet-Cookie: x=1',
    'https://evil.example',
    'javascript:alert(1)',
    '/ok\0',
    '/ก',
  ),
  fc.string({ unit: 'binary', maxLength: 30 }).map((s) => `/${s}`),
);

const enc = new TextEncoder();
/** Percent-encodes the UTF-8 of `s` (a lone surrogate becomes U+FFFD, as a browser sends it). */
function pct(s: string): string {
  let out = '';
  for (const b of enc.encode(s))
    out += /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b))
      ? String.fromCharCode(b)
      : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

/** Mostly a valid CSRF token, so the request reaches the route; sometimes none. */
const CSRF = fc.oneof(
  { weight: 9, arbitrary: fc.constant(true) },
  { weight: 1, arbitrary: fc.constant(false) },
);

export type FuzzBody =
  | { kind: 'none' }
  | { kind: 'form'; fields: [string, string][]; csrf: boolean; contentType?: string }
  | { kind: 'multipart'; fields: [string, string][]; csrf: boolean; broken: boolean }
  | { kind: 'raw'; contentType: string | null; bytes: Uint8Array };

export interface FuzzRequest {
  who: Who;
  method: string;
  path: string;
  query: [string, string][];
  body: FuzzBody;
}

/** A path from the seed with some segments replaced by garbage (percent-encoded or not). */
const mutatePath = (path: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(path) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.nat(),
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 20 }).map(pct),
            fc.constantFrom(
              '%00',
              '%0d%0a',
              '%E0%A4%A',
              '%C3%28',
              '%FF%FE',
              '%ZZ',
              '..',
              '%2e%2e',
              'x'.repeat(3000),
            ),
            fc.string({ maxLength: 10 }).map((s) => s.replace(/[/?#]/g, '')),
          ),
        )
        .map(([i, junk]) => {
          const parts = path.split('/');
          if (parts.length > 1) parts[1 + (i % (parts.length - 1))] = junk;
          return parts.join('/');
        }),
    },
  );

const BAD_RAW: fc.Arbitrary<{ contentType: string | null; bytes: Uint8Array }> = fc.oneof(
  fc.record({
    contentType: fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'application/xml',
      'multipart/form-data',
      'multipart/form-data; boundary=',
      'multipart/form-data; boundary=X',
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded; charset=iso-8859-1',
      'garbage/;;;=',
    ),
    bytes: fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc
        .constantFrom(
          '{"answers":',
          '{"a":"\\u0000"}',
          '[1,2,',
          'null',
          '"\\ud800"',
          '--X\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--X',
          '--X\r\nContent-Disposition: form-data\r\n\r\n\r\n--X--',
          'a=%E0%A4%A&b=%ZZ&%00=1',
          'email=%FF%FE&password=%C0%80',
        )
        .map((s) => new TextEncoder().encode(s)),
    ),
  }),
  fc.record({ contentType: fc.constant(null), bytes: fc.uint8Array({ maxLength: 100 }) }),
);

function formFields(seed: (typeof SEEDS)[number]): fc.Arbitrary<[string, string][]> {
  const known = seed.fields.map((f) => value(seed.form[f]).map((v): [string, string] => [f, v]));
  return fc
    .tuple(
      fc.tuple(...known),
      fc.array(
        fc.tuple(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 12 }),
            fc.constantFrom('next', 'note', 'dispute-O1', 'members[0][name]'),
          ),
          value(),
        ),
        { maxLength: 3 },
      ),
    )
    .map(([a, b]) => [...a, ...b]);
}

/** One hostile request for the route `seed`. */
export function requestFor(seed: (typeof SEEDS)[number]): fc.Arbitrary<FuzzRequest> {
  const fields = formFields(seed);
  const body: fc.Arbitrary<FuzzBody> = fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .tuple(fields, CSRF)
        .map(([f, csrf]) => ({ kind: 'form' as const, fields: f, csrf })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fields, CSRF, fc.boolean())
        .map(([f, csrf, broken]) => ({ kind: 'multipart' as const, fields: f, csrf, broken })),
    },
    { weight: 2, arbitrary: BAD_RAW.map((r) => ({ kind: 'raw' as const, ...r })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  );
  const query = fc.array(
    fc.oneof(
      NEXT.map((n): [string, string] => ['next', n]),
      fc.tuple(
        fc.constantFrom(
          'lang',
          'q',
          'province',
          'type',
          'format',
          'page',
          'sort',
          'year',
          'done',
          'return',
        ),
        value(),
      ),
      fc.tuple(fc.string({ unit: 'binary', maxLength: 8 }), value()),
    ),
    { maxLength: 3 },
  );
  const method = fc.oneof(
    { weight: 9, arbitrary: fc.constant(seed.method) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
    },
  );
  return fc.record({
    who: fc.constantFrom(...EVERYONE),
    method,
    path: mutatePath(seed.path),
    query,
    body,
  });
}

/** Any route, any request. */
export const anyRequest: fc.Arbitrary<FuzzRequest> = fc
  .constantFrom(...SEEDS)
  .chain((seed) => requestFor(seed));

/** The request as fetch arguments: the client's cookie, its CSRF token where the body asks for it. */
export function materialise(r: FuzzRequest, client: Client): { url: string; init: RequestInit } {
  const qs = r.query.map(([k, v]) => `${pct(k)}=${pct(v)}`).join('&');
  const url = qs ? `${r.path}${r.path.includes('?') ? '&' : '?'}${qs}` : r.path;
  const headers: Record<string, string> = { cookie: client.cookie };
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  const b = r.body;
  if (b.kind === 'form') {
    const params = new URLSearchParams(b.csrf ? [['_csrf', client.csrf], ...b.fields] : b.fields);
    headers['content-type'] = b.contentType ?? 'application/x-www-form-urlencoded';
    body = params.toString();
  } else if (b.kind === 'multipart') {
    const boundary = '----fuzz' + 'b'.repeat(8);
    const parts = (
      b.csrf ? [['_csrf', client.csrf] as [string, string], ...b.fields] : b.fields
    ).map(
      ([k, v]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/["\r\n]/g, '_')}"\r\n\r\n${v}\r\n`,
    );
    headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
    const text =
      parts.join('') + (b.broken ? `--${boundary}\r\nContent-Dispo` : `--${boundary}--\r\n`);
    body = enc.encode(text);
  } else if (b.kind === 'raw') {
    if (b.contentType) headers['content-type'] = b.contentType;
    body = new Uint8Array(b.bytes);
  }
  const bodyless = r.method === 'GET' || r.method === 'HEAD';
  return { url, init: { method: r.method, headers, body: bodyless ? undefined : body } };
}

/** A stack trace, or the text of an internal error, in a response body. */
export function leaksInternals(text: string): boolean {
  return (
    /^\s+at .+:\d+:\d+\)?$/m.test(text) ||
    /\b(TypeError|ReferenceError|RangeError|SyntaxError): /.test(text) ||
    /invalid byte sequence|node_modules\//.test(text)
  );
}
