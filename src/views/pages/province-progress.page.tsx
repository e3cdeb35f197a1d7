// The province workspace's progress board.
import { formatScore } from '../../i18n/format.ts';
import type { ProgressRow } from '../../domain/province-drive.ts';
import type { PageContext } from '../page-context.ts';
import { WorkspaceFrame, base, type WorkspaceView } from './province-workspace.tsx';

const frac = (got: number, min: number | null) => `${got}/${min ?? '–'}`;

export function BoardPage(p: {
  ctx: PageContext;
  w: WorkspaceView;
  rows: ProgressRow[];
  total: number;
  laggardsOnly: boolean;
}) {
  const t = p.ctx.t.province;
  const b = t.board;
  return (
    <WorkspaceFrame ctx={p.ctx} w={p.w} section="progress" title={b.title}>
      <form method="get" action={`${base(p.w)}/progress`} class="filters">
        <div class="checkboxes__item">
          <input type="checkbox" id="lagging" name="lagging" value="1" checked={p.laggardsOnly} />
          <label for="lagging">{b.onlyLaggards}</label>
        </div>
        <button class="button button--secondary" type="submit">
          {b.filter}
        </button>
      </form>
      <p>
        {b.count(p.rows.length, p.total)} · <a href={`${base(p.w)}/progress.csv`}>{t.csvLink}</a>
      </p>
      <form method="get" action={`${base(p.w)}/reminders`}>
        <div class="table-wrap" tabindex={0}>
          <table id="progress-board">
            <thead>
              <tr>
                <th scope="col">{b.agency}</th>
                <th scope="col">{b.coordinators}</th>
                <th scope="col">{b.mou}</th>
                <th scope="col">{b.iit}</th>
                <th scope="col">{b.eit}</th>
                <th scope="col">{b.oit}</th>
                <th scope="col">{b.review}</th>
                <th scope="col">{b.lastYear}</th>
                <th scope="col">{b.thisYear}</th>
                <th scope="col">{b.lagging}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr
                  data-agency={r.agency.code}
                  class={r.reasons.length ? 'row--warning' : undefined}
                >
                  <th scope="row">
                    <input
                      type="checkbox"
                      name="codes"
                      value={r.agency.code}
                      id={`pick-${r.agency.code}`}
                      checked={r.reasons.length > 0}
                    />
                    <label for={`pick-${r.agency.code}`}>{r.agency.nameTh}</label>
                  </th>
                  <td>{r.coordinators}</td>
                  <td>
                    {!r.mouApplies
                      ? '–'
                      : r.mouPublished
                        ? t.mous.published
                        : r.mouSigned
                          ? t.mous.signed
                          : t.mous.notRecorded}
                  </td>
                  <td data-col="iit">
                    {frac(r.iit, r.iitMin)}
                    {r.reasons.includes('iit') ? (
                      <span class="tag tag--warning"> {b.belowMinimum}</span>
                    ) : null}
                  </td>
                  <td data-col="eit">
                    {frac(r.eit, r.eitMin)}
                    {r.reasons.includes('eit') ? (
                      <span class="tag tag--warning"> {b.belowMinimum}</span>
                    ) : null}
                  </td>
                  <td>
                    {r.oitSubmitted}/{r.oitTotal}
                  </td>
                  <td>{r.review ? (b.reviewStates[r.review] ?? r.review) : '–'}</td>
                  <td>
                    {r.lastYear
                      ? `${formatScore(r.lastYear.overall, p.ctx.lang)} ${r.lastYear.level ?? ''}`
                      : '–'}
                  </td>
                  <td>
                    {r.thisYear
                      ? `${formatScore(r.thisYear.overall, p.ctx.lang)} ${r.thisYear.level ?? ''}`
                      : b.notPublished}
                  </td>
                  <td>
                    <ul class="plain">
                      {r.reasons.map((x) => (
                        <li>{b.reasons[x]}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {p.w.canEdit ? (
          <button class="button" type="submit">
            {b.remind}
          </button>
        ) : null}
      </form>
    </WorkspaceFrame>
  );
}
