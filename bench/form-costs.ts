// In-process costs of the form path against the API's, without HTTP or another process: C
// concurrent respondents (the form walk with JavaScript: start page, /send answered with thanks) or API
// callers for D ms each, this process's CPU per respondent or answer, the bench client's own
// work (gunzip, parsing the page, making the body) measured apart and taken out.
// Run: npm run bench -- form-costs   (C=25 clients, D=4000 ms per phase, ROUNDS=3)
import { gunzipSync } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { createApp } from '../src/http/app.tsx';
import { createServices } from '../src/services/container.ts';
import { openDatabase } from '../src/storage/database.ts';
import { answerColumns, subItemOf } from '../src/domain/framework/helpers.ts';
import { getFramework } from '../src/domain/framework/registry.ts';
import { loadSurveyLimits } from '../src/config-survey.ts';
import { prepareSurveys } from './compare-setup.ts';
import { parseForms } from './browser.ts';
import { chooser, fill } from './walks/choose.ts';

const C = Number(process.env.C ?? 25);
const D = Number(process.env.D ?? 4000);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const db = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
const { codes } = await prepareSurveys(db);
// prepareSurveys raised the SURVEY_* limits in this process's environment.
const services = createServices(db, {
  surveySecret: 'x'.repeat(43),
  surveyLimits: loadSurveyLimits(),
});
const app = createApp({ services, log: pino({ level: 'silent' }) });
const framework = getFramework('ita-2563')!;
const demographics = Object.fromEntries(
  framework.demographics.IIT.map((d) => [d.code, d.options[0]!.value]),
);
const answers = Object.fromEntries(
  answerColumns(framework, 'IIT').map((c, i) => [
    c,
    subItemOf(framework, c)!.item.scale.endsWith('_good')
      ? i % 2
        ? 'Y'
        : 'N'
      : String((i % 4) + 1),
  ]),
);
let clientMs = 0;
const client = <T>(f: () => T): T => {
  const t0 = process.cpuUsage();
  const r = f();
  const d = process.cpuUsage(t0);
  clientMs += (d.user + d.system) / 1000;
  return r;
};
const codeOf = (i: number) => codes[i % Math.min(50, codes.length)]!;

async function walk(i: number, n: number) {
  const base = `/go/iit/${codeOf(i)}`;
  const start = await app.request(base, {
    headers: { 'accept-encoding': 'gzip', accept: 'text/html' },
  });
  const buf = Buffer.from(await start.arrayBuffer());
  const cookie = start.headers
    .getSetCookie()
    .map((s) => s.split(';')[0])
    .join('; ');
  const body = client(() => {
    const html = gunzipSync(buf).toString('latin1'); // as the bench's browser reads pages
    const at = /<form\b[^>]*data-survey-steps/.exec(html)!.index;
    return new URLSearchParams(fill(parseForms(html.slice(at))[0]!, chooser(n))).toString();
  });
  const sent = await app.request(`${base}/send`, {
    method: 'POST',
    body,
    headers: {
      cookie,
      'content-type': 'application/x-www-form-urlencoded',
      'accept-encoding': 'gzip',
    },
  });
  await sent.arrayBuffer();
  // Answered with the thanks page itself (ADR 0024).
  if (sent.status !== 200) throw new Error(`send ${sent.status}`);
}

async function api(i: number) {
  const r = await app.request(`/api/v1/surveys/${codeOf(i)}/iit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response_id: randomUUID(), answers, demographics }),
  });
  await r.arrayBuffer();
  if (r.status !== 201) throw new Error(`api ${r.status}`);
}

async function phase(f: (i: number, n: number) => Promise<void>) {
  let done = 0;
  let n = 0;
  clientMs = 0;
  const t0 = process.cpuUsage();
  const end = performance.now() + D;
  await Promise.all(
    Array.from({ length: C }, async (_, i) => {
      while (performance.now() < end) {
        await f(i, ++n);
        done++;
      }
    }),
  );
  const d = process.cpuUsage(t0);
  return { ms: ((d.user + d.system) / 1000 - clientMs) / done, client: clientMs / done, done };
}

if (process.env.ONLY === 'walk') {
  await phase(walk);
  console.log(await phase(walk));
  process.exit(0);
}
await phase(walk);
await phase(api);
for (let r = 0; r < ROUNDS; r++) {
  const a = await phase(api);
  const w = await phase(walk);
  console.log(
    `api ${a.ms.toFixed(3)} ms/answer (${a.done}); form_js ${w.ms.toFixed(3)} ms/respondent (${w.done}), client ${w.client.toFixed(3)} ms; ratio ${(a.ms / w.ms).toFixed(3)}`,
  );
}
await db.destroy();
process.exit(0);
