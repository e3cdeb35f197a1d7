// One framework for the NACC: its facts, provenance and unverified parts, the years on it, links
// to preview, compare and download; the list of preview pages; and the comparison page.
import type { FrameworkChange } from '../../domain/framework/diff.ts';
import { questionsOf } from '../../domain/framework/helpers.ts';
import type { Framework, SurveyTool } from '../../domain/framework/schema.ts';
import { surveyPages, surveySteps } from '../../domain/survey-form.ts';
import { formatDate, formatInteger } from '../../i18n/format.ts';
import type { FrameworkDetailModel } from './framework.model.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { ChangesTable } from './framework-parts.tsx';
import { txt } from './survey-step.page.tsx';

const base = (id: string) => `/admin/frameworks/${encodeURIComponent(id)}`;

export function FrameworkPage({ ctx, detail }: { ctx: PageContext; detail: FrameworkDetailModel }) {
  const { summary: s, framework: f } = detail;
  const t = ctx.t.frameworks;
  const n = (x: number) => formatInteger(x, ctx.lang);
  const frozen = s.years.some((y) => y.started);
  const prov = f.provenance;
  return (
    <Layout ctx={ctx} title={`${s.id} – ${t.list.title}`}>
      <p>
        <a href="/admin/frameworks">‹ {t.detail.back}</a>
      </p>
      <h1>
        <span class="caption">{s.id}</span>
        {txt(ctx, f.name)}
      </h1>
      <h2>{t.detail.facts}</h2>
      <dl class="summary-list">
        <dt>{t.list.col.id}</dt>
        <dd>{s.id}</dd>
        <dt>{t.list.col.version}</dt>
        <dd data-version>{s.version}</dd>
        <dt>{t.list.col.fiscalYear}</dt>
        <dd>{s.fiscalYear}</dd>
        <dt>{t.list.col.source}</dt>
        <dd>
          {s.builtIn ? t.list.shipped : t.list.imported}
          {detail.importedBy
            ? ` · ${t.detail.importedBy} ${detail.importedBy}${detail.importedAt ? ` (${formatDate(detail.importedAt, ctx.lang)})` : ''}`
            : ''}
        </dd>
        <dt>{t.list.col.years}</dt>
        <dd>
          {s.years.length === 0
            ? t.list.notUsed
            : s.years
                .map((y) =>
                  y.started ? t.list.yearFrozen(String(y.fiscalYear)) : String(y.fiscalYear),
                )
                .join(', ')}
        </dd>
        <dt>{t.list.col.state}</dt>
        <dd data-frozen={frozen ? 'yes' : 'no'}>{frozen ? t.list.frozen : t.list.open}</dd>
        <dt>{t.detail.counts}</dt>
        <dd>
          {t.detail.countsValue(
            n(questionsOf(f, 'IIT').length),
            n(questionsOf(f, 'EIT').length),
            n(f.oitItems.length),
            n(f.indicators.length),
          )}
        </dd>
        <dt>{t.detail.checksum}</dt>
        <dd>
          <code>{s.checksum}</code>
        </dd>
      </dl>
      <h2>{t.detail.actions}</h2>
      <ul>
        <li>
          <a href={`${base(s.id)}/preview`}>{t.detail.preview}</a>
        </li>
        <li>
          <a href={`${base(s.id)}/diff`}>{t.detail.compare}</a>
        </li>
        <li>
          <a href={`${base(s.id)}/export`} download={`${s.id}.json`}>
            {t.detail.download(s.id)}
          </a>
        </li>
      </ul>
      <h2>{t.detail.provenance}</h2>
      {prov ? (
        <>
          <p>{txt(ctx, prov.summary)}</p>
          {prov.sources.length ? (
            <>
              <h3>{t.detail.sources}</h3>
              <ul>
                {prov.sources.map((src) => (
                  <li>
                    {src.url ? <a href={src.url}>{src.title}</a> : src.title}
                    {src.note ? <span class="muted"> — {src.note}</span> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {prov.unverified.length ? (
            <section aria-labelledby="unverified" data-unverified={String(prov.unverified.length)}>
              <h3 id="unverified">{t.detail.unverifiedTitle}</h3>
              <div class="table-wrap" tabindex={0}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t.detail.colPart}</th>
                      <th scope="col">{t.detail.colStatus}</th>
                      <th scope="col">{t.detail.colNote}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {prov.unverified.map((u) => (
                      <tr>
                        <th scope="row">
                          <code>{u.path}</code>
                        </th>
                        <td>
                          <strong class="tag tag--warning">{t.detail.status[u.status]}</strong>
                        </td>
                        <td>{txt(ctx, u.note)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : (
            <p>{t.list.verified}</p>
          )}
        </>
      ) : (
        <p>{t.detail.noProvenance}</p>
      )}
    </Layout>
  );
}

/** The preview pages of a framework: each survey step and the OIT checklist. */
export function FrameworkPreviewIndexPage({
  ctx,
  framework,
}: {
  ctx: PageContext;
  framework: Framework;
}) {
  const t = ctx.t.frameworks.preview;
  const link = (tool: SurveyTool, step: string) =>
    `${base(framework.id)}/preview/${tool.toLowerCase()}/${step}`;
  const label = (tool: SurveyTool, step: string) => {
    if (step === 'eligibility') return t.eligibility;
    if (step === 'about') return t.about;
    const page = surveyPages(framework, tool)[Number(step.slice(5)) - 1];
    return page ? `${page.indicatorCode} ${txt(ctx, page.title)}` : step;
  };
  return (
    <Layout ctx={ctx} title={t.title(framework.id)}>
      <p>
        <a href={base(framework.id)}>‹ {framework.id}</a>
      </p>
      <h1>{t.title(framework.id)}</h1>
      <p>{t.lead}</p>
      {(['IIT', 'EIT'] as const).map((tool) => (
        <section aria-labelledby={`preview-${tool}`}>
          <h2 id={`preview-${tool}`}>{t.survey(tool)}</h2>
          <ol>
            {surveySteps(tool, surveyPages(framework, tool).length).map((step) => (
              <li>
                <a href={link(tool, step)}>{label(tool, step)}</a>
              </li>
            ))}
          </ol>
        </section>
      ))}
      <h2>OIT</h2>
      <p>
        <a href={`${base(framework.id)}/preview/oit`}>{t.oit}</a>
      </p>
    </Layout>
  );
}

/** Differences from one framework to another, with a picker of the other. */
export function FrameworkDiffPage(p: {
  ctx: PageContext;
  id: string;
  other: string | undefined;
  ids: string[];
  changes: FrameworkChange[] | undefined;
}) {
  const { ctx } = p;
  const t = ctx.t.frameworks.diff;
  const title = p.other ? t.title(p.id, p.other) : `${p.id} – ${t.pick}`;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={base(p.id)}>‹ {p.id}</a>
      </p>
      <h1>{title}</h1>
      <form method="get" action={`${base(p.id)}/diff`} class="filters">
        <div class="field">
          <label for="with">{t.pick}</label>
          <select id="with" name="with">
            {p.ids
              .filter((id) => id !== p.id)
              .map((id) => (
                <option value={id} selected={id === p.other}>
                  {id}
                </option>
              ))}
          </select>
        </div>
        <button type="submit" class="button button--secondary">
          {t.show}
        </button>
      </form>
      {p.changes ? <ChangesTable ctx={ctx} changes={p.changes} level={2} /> : null}
    </Layout>
  );
}
