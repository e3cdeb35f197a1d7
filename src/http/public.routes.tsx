// Public pages: home, the language switch (a plain link, so it works without JavaScript) and the
// JSON Schema of framework files.
import { Hono } from 'hono';
import { FRAMEWORK_SCHEMA_PATH, frameworkJsonSchemaText } from '../domain/framework/json-schema.ts';
import { HomePage } from '../views/pages/home.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';
import { rememberLanguage } from './cookies.ts';
import { safeRedirectPath } from './safe-redirect.ts';

export const publicRoutes = new Hono<AppEnv>();

publicRoutes.get('/', async (c) => {
  const { agencyCount, results } = await c.get('services').results.homePage();
  return c.html(<HomePage ctx={pageContext(c)} agencyCount={agencyCount} results={results} />);
});

publicRoutes.get('/lang/:lang{th|en}', (c) => {
  rememberLanguage(c, c.req.param('lang') === 'en' ? 'en' : 'th');
  // Only same-site paths: an open redirect would let anyone bounce visitors elsewhere.
  const next = safeRedirectPath(c.req.query('next'), '/');
  return c.redirect(next.replace(/([?&])lang=(th|en)&?/, '$1'), 303);
});

// Editors and the NACC's tools validate framework files against this address (docs/frameworks.md).
const schemaText = frameworkJsonSchemaText();
publicRoutes.get(FRAMEWORK_SCHEMA_PATH, (c) =>
  c.body(schemaText, 200, {
    'content-type': 'application/schema+json; charset=utf-8',
    'cache-control': 'public, max-age=3600',
  }),
);
