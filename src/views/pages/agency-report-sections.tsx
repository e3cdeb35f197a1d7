// The agency report's longer sections: the answer shares per question for each survey, the OIT items
// with the auditor's comments, and who answered (agency-report.page.tsx places them).
import type { Framework } from '../../domain/framework/schema.ts';
import type { AgencyReport } from '../../domain/reports/agency-report.ts';
import { formatInteger, formatScore } from '../../i18n/format.ts';
import { ShareBar, shareClass } from '../components/charts.tsx';
import { TableHead } from '../components/data-table.tsx';
import type { PageContext } from '../page-context.ts';
import { tx } from './results-parts.tsx';
import { SampleLine } from './agency-report-sample.tsx';

export function AnswerShares({
  ctx,
  framework,
  report,
}: {
  ctx: PageContext;
  framework: Framework;
  report: AgencyReport;
}) {
  const { lang } = ctx;
  const r = ctx.t.results;
  const m = r.report;
  const score = (n: number | null | undefined) => formatScore(n, lang);
  return (
    <section>
      <h2 class="page-break-before">{m.detailTitle}</h2>
      {(['IIT', 'EIT'] as const).map((tool) => (
        <div>
          <h3>
            {tool} {tx(framework.toolNames?.[tool] ?? { th: tool }, lang)}
          </h3>
          {report.detailHidden[tool] ? (
            <p data-testid={`detail-hidden-${tool}`}>
              {m.detailHidden(String(report.minRespondents))}
            </p>
          ) : null}
          {report.questions
            .filter((q) => q.tool === tool && !report.detailHidden[tool])
            .map((q) => (
              <div class="question avoid-break" id={`q-${q.code}`}>
                <h4>
                  {q.code} {tx(q.text, lang)} <span class="question__score">{score(q.score)}</span>
                </h4>
                <div class="table-wrap" tabindex={0}>
                  <table class="shares">
                    <caption class="visually-hidden">
                      {q.code} {tx(q.text, lang)}
                    </caption>
                    <TableHead
                      columns={[
                        { header: m.subItem },
                        {
                          header: (q.items[0]?.labels ?? []).map((l, i) => (
                            <span class="legend">
                              <span
                                class={`legend__swatch ${shareClass(i, q.items[0]!.labels.length)}`}
                              />
                              {tx(l, lang)}
                            </span>
                          )),
                        },
                        { header: r.score, num: true },
                      ]}
                    />
                    <tbody>
                      {q.items.map((it) => (
                        <tr>
                          <th scope="row" class="shares__text">
                            {tx(it.text, lang)}
                          </th>
                          <td class="shares__bars">
                            {it.shares.length === 0 ? (
                              <span class="muted">{m.noCounts}</span>
                            ) : (
                              <div>
                                <ShareBar
                                  alt={m.sharesAlt(
                                    it.labels
                                      .map((l, i) => `${tx(l, lang)} ${score(it.shares[i])} %`)
                                      .join(', '),
                                  )}
                                  shares={it.shares}
                                />
                                <span class="shares__numbers">
                                  {it.labels.map((l, i) => (
                                    <span>
                                      {tx(l, lang)} {score(it.shares[i])}% (
                                      {formatInteger(it.counts[i] ?? 0, lang)})
                                    </span>
                                  ))}
                                </span>
                                <span class="muted">
                                  {m.answered(formatInteger(it.answered, lang))}
                                </span>
                              </div>
                            )}
                          </td>
                          <td class="num">{score(it.score)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            ))}
        </div>
      ))}
    </section>
  );
}

export function OitComments({ ctx, report }: { ctx: PageContext; report: AgencyReport }) {
  const { lang } = ctx;
  const r = ctx.t.results;
  const m = r.report;
  const score = (n: number | null | undefined) => formatScore(n, lang);
  return (
    <section data-testid="oit">
      <h2 class="page-break-before">{m.oitTitle}</h2>
      <div class="table-wrap" tabindex={0}>
        <table class="oit-table">
          <caption class="visually-hidden">{m.oitTitle}</caption>
          <TableHead
            columns={[
              { header: m.oitItem },
              { header: m.oitTopic },
              { header: m.oitComment },
              { header: r.score, num: true },
            ]}
          />
          <tbody>
            {report.oit.map((o, i) => {
              const prev = report.oit[i - 1];
              const sub = o.subIndicator;
              const newSub = sub !== null && sub.code !== prev?.subIndicator?.code;
              // A heading named like its sub-indicator (9.1 ข้อมูลพื้นฐาน) is not said twice.
              const newHeading =
                o.heading !== null &&
                (newSub || o.heading.th !== prev?.heading?.th) &&
                o.heading.th !== sub?.name.th;
              return (
                <>
                  {newSub && (
                    <tr class="oit-table__group">
                      <th scope="colgroup" colspan={4}>
                        {sub.code} {tx(sub.name, lang)}
                      </th>
                    </tr>
                  )}
                  {newHeading && (
                    <tr class="oit-table__heading">
                      <th scope="colgroup" colspan={4}>
                        {tx(o.heading!, lang)}
                      </th>
                    </tr>
                  )}
                  <tr>
                    <td>{o.code}</td>
                    <th scope="row">
                      {tx(o.title, lang)}
                      {o.notApplicable !== null ? (
                        <p class="muted" data-not-applicable>
                          {m.oitNotApplicable}: {o.notApplicable}
                        </p>
                      ) : null}
                    </th>
                    <td class="oit-comment">{o.comment}</td>
                    <td class="num">{o.score === null ? m.notScored : score(o.score)}</td>
                  </tr>
                </>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function WhoAnsweredSection({ ctx, report }: { ctx: PageContext; report: AgencyReport }) {
  const { lang } = ctx;
  const r = ctx.t.results;
  const m = r.report;
  return (
    <section data-testid="who">
      <h2>{m.whoTitle}</h2>
      <p class="muted">{m.whoNote}</p>
      {report.whoAnswered.map((w) => (
        <div class="avoid-break">
          <h3>{m.whoTool(w.tool, formatInteger(w.respondents, lang))}</h3>
          <SampleLine ctx={ctx} row={report.sample.find((s) => s.tool === w.tool)} />
          {w.tables === null ? (
            <p>{m.whoSuppressed(String(report.minRespondents))}</p>
          ) : (
            w.tables.map((tab) => (
              <div class="table-wrap" tabindex={0}>
                <table>
                  <caption>
                    {w.tool}: {tx(tab.label, lang)}
                  </caption>
                  <TableHead
                    columns={[
                      { header: tx(tab.label, lang) },
                      ...tab.genders.map((g) => ({ header: tx(g.label, lang), num: true })),
                    ]}
                  />
                  <tbody>
                    {tab.rows.map((row) => (
                      <tr>
                        <th scope="row">{tx(row.label, lang)}</th>
                        {row.counts.map((n) => (
                          <td class="num">{formatInteger(n, lang)}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))
          )}
        </div>
      ))}
    </section>
  );
}
