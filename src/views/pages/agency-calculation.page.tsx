// "How this score was calculated" (issue 13.6): every step from answer counts to the published
// overall score, as tables with captions (no script needed). The figures come from the scorer's
// card (domain/scoring/working.ts); this page only prints them.
import type { Agency } from '../../domain/agency.ts';
import type { Framework } from '../../domain/framework/schema.ts';
import { fullPrecisionText } from '../../domain/scoring/rounding.ts';
import type {
  IndicatorStep,
  QuestionStep,
  ScoreWorking,
  ToolStep,
} from '../../domain/scoring/working.ts';
import { formatInteger, formatScore } from '../../i18n/format.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { FrameworkUsed, PublicationBanner, tx, type YearInfo } from './results-parts.tsx';

export function AgencyCalculationPage({
  ctx,
  agency,
  year,
  framework,
  working,
  matchesCard,
}: {
  ctx: PageContext;
  agency: Agency;
  year: YearInfo;
  framework: Framework;
  working: ScoreWorking;
  matchesCard: boolean;
}) {
  const { lang } = ctx;
  const r = ctx.t.results;
  const m = r.calculation;
  const name = lang === 'en' && agency.nameEn ? agency.nameEn : agency.nameTh;
  const score = (n: number | null | undefined) => formatScore(n, lang);
  const full = (n: number | null | undefined) =>
    typeof n === 'number' && Number.isFinite(n) ? fullPrecisionText(n) : '–';
  const report = `/results/${year.fiscalYear}/agencies/${encodeURIComponent(agency.code)}`;
  const level = working.level;
  return (
    <Layout ctx={ctx} title={m.title(name)}>
      <p class="no-print">
        <a href={report}>‹ {m.back}</a>
      </p>
      <PublicationBanner ctx={ctx} year={year} />
      <h1>
        <span class="caption">
          {m.heading} {r.yearLabel(String(year.fiscalYear))}
        </span>
        {name}
      </h1>
      <p class="lead">{m.lead}</p>
      <FrameworkUsed ctx={ctx} framework={framework} />
      <p>{m.rounding}</p>
      <p>
        {m.checkYourself} <a href="/open-data">{m.openData}</a>
      </p>
      {!matchesCard && (
        <div class="notice notice--warning" role="note" data-testid="stale">
          <strong>{m.stale}</strong>
        </div>
      )}
      <nav aria-label={m.contents}>
        <h2 class="visually-hidden">{m.contents}</h2>
        <ul>
          <li>
            <a href="#overall">{m.overallTitle}</a>
          </li>
          {working.tools.map((t) => (
            <li>
              <a href={`#tool-${t.tool}`}>
                {t.tool} {tx(t.name, lang)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="overall" data-testid="overall-working">
        <h2>{m.overallTitle}</h2>
        <p>{m.overallRule}</p>
        <div class="table-wrap" tabindex={0}>
          <table data-testid="overall-table">
            <caption>{m.overallCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{r.report.tool}</th>
                <th scope="col" class="num">
                  {r.score}
                </th>
                <th scope="col" class="num">
                  {m.weight}
                </th>
                <th scope="col" class="num">
                  {m.contribution}
                </th>
              </tr>
            </thead>
            <tbody>
              {working.tools.map((t) => (
                <tr data-testid={`tool-row-${t.tool}`}>
                  <th scope="row">
                    {t.tool} {tx(t.name, lang)}
                  </th>
                  <td class="num" data-testid={`tool-${t.tool}`}>
                    {score(t.score)}
                  </td>
                  <td class="num">{String(t.weight)}</td>
                  <td class="num">{full(t.contribution)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">
                  {m.total} ({m.fullPrecision})
                </th>
                <td colspan={2} />
                <td class="num" data-testid="overall-full">
                  {full(working.overall)}
                </td>
              </tr>
              <tr>
                <th scope="row">{m.published}</th>
                <td colspan={2} />
                <td class="num" data-testid="overall">
                  <strong>{score(working.overall)}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
        {working.overall === null || !level ? (
          <p>{m.noOverall}</p>
        ) : (
          <p data-testid="level">{m.levelRule(score(working.overall), level.code)}</p>
        )}
        <div class="table-wrap" tabindex={0}>
          <table>
            <caption>{m.levelsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.levelCode}</th>
                <th scope="col" class="num">
                  {m.minOverall}
                </th>
                {working.levels.some((l) => l.minEachTool !== undefined) && (
                  <th scope="col" class="num">
                    {m.minEachTool}
                  </th>
                )}
                <th scope="col">{m.passes}</th>
              </tr>
            </thead>
            <tbody>
              {working.levels.map((l) => (
                <tr aria-current={level?.code === l.code ? 'true' : undefined}>
                  <th scope="row">
                    {level?.code === l.code ? <strong>{l.code}</strong> : l.code}{' '}
                    <span class="muted">{tx(l.name, lang)}</span>
                  </th>
                  <td class="num">{score(l.minOverall)}</td>
                  {working.levels.some((x) => x.minEachTool !== undefined) && (
                    <td class="num">{score(l.minEachTool)}</td>
                  )}
                  <td>{l.passes ? m.yes : m.no}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {working.tools.map((t) => (
        <ToolSection ctx={ctx} framework={framework} working={working} tool={t} />
      ))}
    </Layout>
  );
}

function ToolSection({
  ctx,
  framework,
  working,
  tool: t,
}: {
  ctx: PageContext;
  framework: Framework;
  working: ScoreWorking;
  tool: ToolStep;
}) {
  const { lang } = ctx;
  const r = ctx.t.results;
  const m = r.calculation;
  const score = (n: number | null | undefined) => formatScore(n, lang);
  const n = (v: number) => formatInteger(v, lang);
  const survey = t.tool !== 'OIT';
  return (
    <section id={`tool-${t.tool}`} data-testid={`working-${t.tool}`}>
      <h2 class="page-break-before">
        {t.tool} {tx(t.name, lang)}: {score(t.score)}
      </h2>
      {t.respondents !== null && <p>{m.respondents(n(t.respondents))}</p>}
      <p>{m.toolRule(n(t.indicators.length))}</p>
      <div class="table-wrap" tabindex={0}>
        <table data-testid={`indicators-${t.tool}`}>
          <caption>{m.indicatorsCaption(t.tool)}</caption>
          <thead>
            <tr>
              <th scope="col">{r.report.indicator}</th>
              <th scope="col" class="num">
                {m.weight}
              </th>
              <th scope="col" class="num">
                {r.score}
              </th>
            </tr>
          </thead>
          <tbody>
            {t.indicators.map((ind) => (
              <tr>
                <th scope="row">
                  {ind.code}. {tx(ind.name, lang)}
                </th>
                <td class="num">1/{n(t.indicators.length)}</td>
                <td class="num" data-testid={`indicator-${ind.code}`}>
                  {score(ind.score)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {survey && t.respondents === 0 && <p>{m.noRespondents}</p>}
      {survey && t.respondents !== null && t.respondents > 0 && !t.countsShown && (
        <div class="notice" role="note" data-testid={`withheld-${t.tool}`}>
          <p>{m.withheld(n(t.respondents), n(working.minRespondentsShown))}</p>
        </div>
      )}
      {survey && t.countsShown && t.respondents !== null && t.respondents > 0 && (
        <>
          <p>{m.subItemRule(working.answerWeights.join(' / '))}</p>
          {t.indicators.map((ind) => (
            <SurveyIndicator ctx={ctx} framework={framework} indicator={ind} />
          ))}
        </>
      )}
      {!survey && (
        <>
          <p>{m.oitRule}</p>
          {t.indicators.map((ind) => (
            <OitIndicator ctx={ctx} indicator={ind} />
          ))}
        </>
      )}
    </section>
  );
}

function SurveyIndicator({
  ctx,
  framework,
  indicator: ind,
}: {
  ctx: PageContext;
  framework: Framework;
  indicator: IndicatorStep;
}) {
  const { lang } = ctx;
  const m = ctx.t.results.calculation;
  const score = (v: number | null | undefined) => formatScore(v, lang);
  return (
    <div id={`indicator-${ind.code}`}>
      <h3>
        {ind.code}. {tx(ind.name, lang)}: {score(ind.score)}
      </h3>
      <p>{m.indicatorQuestions(formatInteger(ind.questions.length, lang))}</p>
      {ind.questions.map((q) => (
        <QuestionTable ctx={ctx} framework={framework} question={q} />
      ))}
    </div>
  );
}

function QuestionTable({
  ctx,
  framework,
  question: q,
}: {
  ctx: PageContext;
  framework: Framework;
  question: QuestionStep;
}) {
  const { lang } = ctx;
  const r = ctx.t.results;
  const m = r.calculation;
  const score = (v: number | null | undefined) => formatScore(v, lang);
  const n = (v: number) => formatInteger(v, lang);
  const likert = framework.answerLabels.likert4;
  const yesNo = [framework.answerLabels.yesNo.yes, framework.answerLabels.yesNo.no];
  return (
    <div class="table-wrap" tabindex={0} id={`q-${q.code}`}>
      <table class="working">
        <caption data-testid={`question-${q.code}`}>
          {m.questionCaption(q.code, tx(q.text, lang), score(q.score))}
          <span class="muted"> ({m.questionRule(n(q.items.length))})</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.subItem}</th>
            <th scope="col">{m.scale}</th>
            <th scope="col">{m.answers}</th>
            <th scope="col" class="num">
              {m.answered}
            </th>
            <th scope="col" class="num">
              {r.score}
            </th>
          </tr>
        </thead>
        <tbody>
          {q.items.map((it) => {
            const labels = it.optionScores.length === 4 ? likert : yesNo;
            return (
              <tr data-testid={`sub-item-${it.column}`}>
                <th scope="row">
                  {it.column} {tx(it.text, lang)}
                </th>
                <td>{m.scales[it.scale]}</td>
                <td>
                  {it.counts === null ? (
                    <span class="muted">{r.report.noCounts}</span>
                  ) : (
                    <ul class="plain">
                      {labels.map((l, i) => (
                        <li>
                          {tx(l, lang)}: {n(it.counts![i] ?? 0)} ({String(it.optionScores[i])})
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td class="num">{it.answered === null ? '–' : n(it.answered)}</td>
                <td class="num" data-testid={`score-${it.column}`}>
                  {score(it.score)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function OitIndicator({ ctx, indicator: ind }: { ctx: PageContext; indicator: IndicatorStep }) {
  const { lang } = ctx;
  const m = ctx.t.results.calculation;
  const score = (v: number | null | undefined) => formatScore(v, lang);
  const n = (v: number) => formatInteger(v, lang);
  return (
    <div id={`indicator-${ind.code}`}>
      <h3>
        {ind.code}. {tx(ind.name, lang)}: {score(ind.score)}
      </h3>
      <p>{m.indicatorSubs(n(ind.subIndicators.length))}</p>
      {ind.subIndicators.map((sub) => (
        <div class="table-wrap" tabindex={0}>
          <table data-testid={`sub-indicator-${sub.code}`}>
            <caption>
              {m.subIndicator} {sub.code} {tx(sub.name, lang)}: {score(sub.score)}
              <span class="muted"> ({m.subIndicatorRule(n(sub.items.length))})</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{m.item}</th>
                <th scope="col">{m.topic}</th>
                <th scope="col" class="num">
                  {ctx.t.results.score}
                </th>
              </tr>
            </thead>
            <tbody>
              {sub.items.map((it) => (
                <tr>
                  <td>{it.code}</td>
                  <th scope="row">{tx(it.title, lang)}</th>
                  <td class="num" data-testid={`oit-${it.code}`}>
                    {it.score === null ? m.notScored : score(it.score)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
