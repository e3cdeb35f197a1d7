// The NACC's framework pages (issue 15.2): versions, upload with the CLI's validation then import
// on confirmation, previews of each survey page and of the OIT checklist, comparison, download.
import { Hono, type Context } from 'hono';
import { SURVEY_TOOLS, type SurveyTool } from '../domain/framework/schema.ts';
import { demographicFields } from '../domain/submission.ts';
import { surveyPages, surveySteps } from '../domain/survey-form.ts';
import { OitAgencyPage } from '../views/pages/oit-agency.page.tsx';
import {
  FrameworkDiffPage,
  FrameworkPage,
  FrameworkPreviewIndexPage,
} from '../views/pages/framework.page.tsx';
import {
  FRAMEWORK_FILE_MAX,
  FrameworksPage,
  UploadConfirmPage,
  UploadProblemsPage,
} from '../views/pages/frameworks.page.tsx';
import { SurveyStepPage, type StepBody } from '../views/pages/survey-step.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './session.ts';

export const frameworkAdminRoutes = new Hono<AppEnv>();

const nacc = (c: Context<AppEnv>) => requireUser(c, 'nacc_admin');
const idOf = (c: Context<AppEnv>) => c.req.param('id') ?? '';
const base = (id: string) => `/admin/frameworks/${encodeURIComponent(id)}`;
/** A file name as shown back: one line, not too long. */
// eslint-disable-next-line no-control-regex
const cleanName = (name: string) => name.replace(/[\x00-\x1f\x7f]/g, '').slice(0, 200);

frameworkAdminRoutes.get('/admin/frameworks', async (c) => {
  nacc(c);
  const frameworks = await c.get('services').frameworks.list();
  const id = c.req.query('imported');
  const outcome = c.req.query('outcome');
  const done = c.get('t').frameworks.done;
  const notice =
    id &&
    (outcome === 'created' ||
      outcome === 'replaced' ||
      outcome === 'texts' ||
      outcome === 'unchanged')
      ? done[outcome](id)
      : undefined;
  return c.html(<FrameworksPage ctx={pageContext(c)} frameworks={frameworks} notice={notice} />);
});

/** The uploaded file's text, or the reason it cannot be read (422 / 413). */
async function uploadedText(
  c: Context<AppEnv>,
): Promise<{ name: string; text: string } | { name: string; status: 413 | 422; message: string }> {
  const t = c.get('t').frameworks.upload;
  const file = (await c.req.parseBody()).file;
  if (!(file instanceof File) || file.size === 0)
    return {
      name: file instanceof File ? cleanName(file.name) : '',
      status: 422,
      message: t.noFile,
    };
  const name = cleanName(file.name);
  if (file.size > FRAMEWORK_FILE_MAX)
    return { name, status: 413, message: t.tooLarge(String(FRAMEWORK_FILE_MAX / 1024 / 1024)) };
  try {
    return {
      name,
      text: new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer()),
    };
  } catch {
    return { name, status: 422, message: t.notText };
  }
}

frameworkAdminRoutes.post('/admin/frameworks/check', async (c) => {
  const actor = nacc(c);
  const file = await uploadedText(c);
  const ctx = pageContext(c);
  if (!('text' in file))
    return c.html(
      <UploadProblemsPage
        ctx={ctx}
        fileName={file.name}
        errors={[{ field: 'file', message: file.message }]}
        problems={[]}
      />,
      file.status,
    );
  const check = await c.get('services').frameworks.checkUpload(actor, file.text);
  if (!check.ok)
    return c.html(
      <UploadProblemsPage ctx={ctx} fileName={file.name} errors={[]} problems={check.error} />,
      422,
    );
  return c.html(<UploadConfirmPage ctx={ctx} fileName={file.name} check={check.value} />);
});

frameworkAdminRoutes.post('/admin/frameworks/import', async (c) => {
  const actor = nacc(c);
  const body = await c.req.parseBody();
  const text = typeof body.framework_json === 'string' ? body.framework_json : '';
  const name = typeof body.file_name === 'string' ? cleanName(body.file_name) : '';
  const r = await c.get('services').frameworks.import(actor, text);
  if (!r.ok)
    return c.html(
      <UploadProblemsPage ctx={pageContext(c)} fileName={name} errors={[]} problems={r.error} />,
      422,
    );
  const q = new URLSearchParams({ imported: r.value.id, outcome: r.value.outcome });
  return c.redirect(`/admin/frameworks?${q.toString()}`, 303);
});

frameworkAdminRoutes.get('/admin/frameworks/:id', async (c) => {
  nacc(c);
  const detail = await c.get('services').frameworks.detail(idOf(c));
  return c.html(<FrameworkPage ctx={pageContext(c)} detail={detail} />);
});

frameworkAdminRoutes.get('/admin/frameworks/:id/export', async (c) => {
  nacc(c);
  const id = idOf(c);
  const text = await c.get('services').frameworks.export(id);
  return c.body(text, 200, {
    'content-type': 'application/json; charset=utf-8',
    'content-disposition': `attachment; filename="${id.replace(/[^\w.-]/g, '_')}.json"`,
  });
});

frameworkAdminRoutes.get('/admin/frameworks/:id/diff', async (c) => {
  nacc(c);
  const id = idOf(c);
  const other = c.req.query('with') || undefined;
  // Without another id, comparing with itself checks this one exists and lists the others.
  const view = await c.get('services').frameworks.compare(id, other ?? id);
  return c.html(
    <FrameworkDiffPage
      ctx={pageContext(c)}
      id={id}
      other={other}
      ids={view.ids}
      changes={other ? view.changes : undefined}
    />,
  );
});

const previewed = (c: Context<AppEnv>) => c.get('services').frameworks.resolve(idOf(c));

frameworkAdminRoutes.get('/admin/frameworks/:id/preview', async (c) => {
  nacc(c);
  const framework = await previewed(c);
  if (!framework) return c.notFound();
  return c.html(<FrameworkPreviewIndexPage ctx={pageContext(c)} framework={framework} />);
});

frameworkAdminRoutes.get('/admin/frameworks/:id/preview/oit', async (c) => {
  nacc(c);
  const t = c.get('t').frameworks.preview;
  const sheet = await c.get('services').frameworks.oitPreview(idOf(c), t.agency);
  return c.html(
    <OitAgencyPage
      ctx={{ ...pageContext(c), preview: true }}
      sheet={sheet}
      canManage={false}
      errors={[]}
    />,
  );
});

frameworkAdminRoutes.get('/admin/frameworks/:id/preview/:tool/:step', async (c) => {
  nacc(c);
  const framework = await previewed(c);
  const tool = c.req.param('tool').toUpperCase() as SurveyTool;
  if (!framework || !SURVEY_TOOLS.includes(tool)) return c.notFound();
  const pages = surveyPages(framework, tool);
  const steps = surveySteps(tool, pages.length);
  const step = c.req.param('step');
  const i = steps.indexOf(step);
  let body: StepBody | undefined;
  if (step === 'eligibility' && tool === 'IIT')
    body = { kind: 'eligibility', minYears: framework.iitMinYearsOfService, singleUse: false };
  else if (step === 'about') body = { kind: 'about', fields: demographicFields(framework, tool) };
  else {
    const page = /^page-\d+$/.test(step) ? pages[Number(step.slice(5)) - 1] : undefined;
    if (page) body = { kind: 'page', title: page.title, questions: page.questions };
  }
  if (!body || i < 0) return c.notFound();
  const root = `${base(framework.id)}/preview/${tool.toLowerCase()}`;
  const counted = steps.filter((s) => s !== 'eligibility');
  const n = counted.indexOf(step);
  return c.html(
    <SurveyStepPage
      ctx={{ ...pageContext(c), preview: true }}
      h={{ agencyName: c.get('t').frameworks.preview.agency, tool, base: root }}
      framework={framework}
      step={step}
      body={body}
      {...(n >= 0 ? { progress: { n: n + 1, of: counted.length } } : {})}
      values={{}}
      errors={[]}
      back={i > 0 ? `${root}/${steps[i - 1]}` : `${base(framework.id)}/preview`}
      returnToCheck={false}
      preview={{ next: steps[i + 1] ? `${root}/${steps[i + 1]}` : undefined }}
    />,
  );
});
