// The calculation page's sections: a tool's steps, a survey indicator's question table, an OIT
// indicator (agency-calculation.page.tsx prints them in order).
import type { Framework } from '../../domain/framework/schema.ts';
import type {
  IndicatorStep,
  QuestionStep,
  ScoreWorking,
  ToolStep,
} from '../../domain/scoring/working.ts';
import { formatInteger, formatScore } from '../../i18n/format.ts';
import { TableHead } from '../components/data-table.tsx';
import type { PageContext } from '../page-context.ts';
import { tx } from './results-parts.tsx';

export function ToolSection({
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
          <TableHead
            columns={[
              { header: r.report.indicator },
              { header: m.weight, num: true },
              { header: r.score, num: true },
            ]}
          />
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

export function SurveyIndicator({
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

export function QuestionTable({
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
        <TableHead
          columns={[
            { header: m.subItem },
            { header: m.scale },
            { header: m.answers },
            { header: m.answered, num: true },
            { header: r.score, num: true },
          ]}
        />
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

export function OitIndicator({
  ctx,
  indicator: ind,
}: {
  ctx: PageContext;
  indicator: IndicatorStep;
}) {
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
            <TableHead
              columns={[
                { header: m.item },
                { header: m.topic },
                { header: ctx.t.results.score, num: true },
              ]}
            />
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
