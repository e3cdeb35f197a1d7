// The sections of the signed-in user's work page, one per role: NACC, auditor, agency, province.
import type { Child } from 'hono/jsx';
import type { HomeView } from '../../domain/work-overview.ts';
import { formatInteger } from '../../i18n/format.ts';
import { OitStatusTag } from '../components/oit-parts.tsx';
import { windowShort } from '../components/unavailable.tsx';
import type { PageContext } from '../page-context.ts';

export function Task(p: { title: string; children?: Child }) {
  return (
    <li class="task">
      <h3 class="task__title">{p.title}</h3>
      {p.children}
    </li>
  );
}

export function NaccSection({ ctx, home }: { ctx: PageContext; home: HomeView }) {
  const t = ctx.t.home.nacc;
  const n = home.nacc!;
  const y = n.year;
  const latest = home.years[0];
  return (
    <section class="home-role" aria-labelledby="home-nacc" data-role="nacc_admin">
      <h2 id="home-nacc">
        {t.title} · {ctx.t.home.yearHeading(y)}
      </h2>
      <ul class="task-list">
        <Task title={t.years}>
          <p>
            {t.yearsCount(home.years.length)}
            {latest ? ` · ${latest.fiscalYear} (${t.framework}: ${latest.frameworkId})` : ''}
          </p>
          <p>
            <a href="/admin/years">{t.years}</a> · <a href="/admin/frameworks">{t.framework}</a>
          </p>
        </Task>
        <Task title={t.calendar}>
          <ul class="plain-list">
            {n.calendar.map((c) => (
              <li>
                {ctx.t.surveys.calendar.phase[c.phase]}: {windowShort(ctx, c.state)}
              </li>
            ))}
          </ul>
          <p>
            <a href={`/admin/calendar?year=${y}`}>{t.calendarLink(y)}</a>
          </p>
        </Task>
        <Task title={t.assignment}>
          <p data-count="unassigned">
            {t.unassigned(n.unassigned, n.agencies)} · {t.auditors(n.auditors)}
          </p>
          <p>
            <a href={`/oit/${y}/assign`}>{t.assignLink}</a>
          </p>
        </Task>
        <Task title={t.oit}>
          <ul class="plain-list">
            {n.oitByStatus.map((s) => (
              <li>
                <OitStatusTag ctx={ctx} status={s.status} /> {formatInteger(s.count, ctx.lang)}
              </li>
            ))}
          </ul>
          <p>
            <a href={`/oit/${y}/review`}>{t.reviewLink}</a> ·{' '}
            <a href={`/oit/${y}/status?format=csv`}>{t.statusCsv}</a>
          </p>
        </Task>
        <Task title={t.surveys}>
          <p data-count="below-target">{t.belowTarget(n.belowTarget)}</p>
          <p>
            <a href={`/survey-targets?year=${y}`}>{t.targetsLink}</a>
          </p>
        </Task>
        <Task title={t.publication}>
          <p data-ready={String(n.readiness.ready)}>
            {n.readiness.ready ? t.ready : t.notReady(n.readiness.failing.length)}
          </p>
          {n.readiness.failing.length ? (
            <ul class="plain-list">
              {n.readiness.failing.map((f) => (
                <li>{ctx.t.publication.item[f]}</li>
              ))}
            </ul>
          ) : null}
          <p>
            <a href={`/admin/publication/${y}`}>{t.publicationLink(y)}</a>
          </p>
        </Task>
        <Task title={t.accounts}>
          <p>
            <a href="/admin/users">{ctx.t.admin.nav.users}</a> ·{' '}
            <a href="/admin/audit">{ctx.t.admin.nav.audit}</a> ·{' '}
            <a href="/admin/outbox">{ctx.t.admin.nav.outbox}</a>
          </p>
        </Task>
      </ul>
    </section>
  );
}

export function AuditorSection({
  ctx,
  years,
}: {
  ctx: PageContext;
  years: NonNullable<HomeView['auditor']>;
}) {
  const t = ctx.t.home.auditor;
  return (
    <section class="home-role" aria-labelledby="home-auditor" data-role="auditor">
      <h2 id="home-auditor">{t.title}</h2>
      {years.map((y) => (
        <div>
          <h3>{ctx.t.home.yearHeading(y.year)}</h3>
          <p>
            {t.reviewWindow}: {windowShort(ctx, y.review)} · {t.confirmWindow}:{' '}
            {windowShort(ctx, y.confirmation)}
          </p>
          {y.rows.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <div class="table-wrap" tabindex={0}>
              <table>
                <caption class="visually-hidden">{t.queue}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.col.agency}</th>
                    <th scope="col">{t.col.status}</th>
                    <th scope="col">{t.col.answered}</th>
                    <th scope="col">{t.col.scored}</th>
                    <th scope="col">{t.col.window}</th>
                  </tr>
                </thead>
                <tbody>
                  {y.rows.map((r) => (
                    <tr>
                      <td>
                        <a href={`/oit/${y.year}/review/${encodeURIComponent(r.code)}`}>
                          {r.nameTh}
                        </a>
                      </td>
                      <td>
                        <OitStatusTag ctx={ctx} status={r.status} />
                      </td>
                      <td>
                        {r.answered}/{r.total}
                      </td>
                      <td>{r.scored}</td>
                      <td>{windowShort(ctx, r.review)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p>
            <a href={`/oit/${y.year}/review`}>{t.listLink(y.year)}</a>
          </p>
        </div>
      ))}
    </section>
  );
}

export function AgencySection({ ctx, a }: { ctx: PageContext; a: HomeView['agencies'][number] }) {
  const t = ctx.t.home.agency;
  const code = encodeURIComponent(a.agency.code);
  const id = `home-agency-${a.agency.code}`;
  return (
    <section class="home-role" aria-labelledby={id} data-role="agency_admin">
      <h2 id={id}>{t.title(a.agency.nameTh)}</h2>
      <ul class="task-list">
        <Task title={`${t.surveys}${a.year ? ` · ${ctx.t.home.yearHeading(a.year)}` : ''}`}>
          <ul class="plain-list">
            {a.surveys.map((s) => (
              <li data-tool={s.tool}>
                {s.progress.minimum === null
                  ? `${s.tool}: ${t.noMinimum}`
                  : t.responses(
                      s.tool,
                      formatInteger(s.progress.count, ctx.lang),
                      formatInteger(s.progress.minimum, ctx.lang),
                    )}{' '}
                <strong class={`tag ${s.progress.below ? 'tag--fail' : 'tag--pass'}`}>
                  {s.progress.below ? t.below : t.reached}
                </strong>{' '}
                · {windowShort(ctx, s.window)}
              </li>
            ))}
          </ul>
          <p>
            <a href={`/agencies/${code}/survey${a.year ? `?year=${a.year}` : ''}`}>
              {t.surveyLink}
            </a>
          </p>
        </Task>
        <Task title={t.oit}>
          <ul class="plain-list">
            {a.oit.map((o) => (
              <li>
                <a href={`/oit/${o.year}/agencies/${code}`}>{t.oitLink(o.year)}</a>:{' '}
                <OitStatusTag ctx={ctx} status={o.status} /> {t.oitProgress(o.answered, o.total)} ·{' '}
                {t.entryWindow}: {windowShort(ctx, o.entry)}
              </li>
            ))}
          </ul>
        </Task>
        <Task title={t.results}>
          {a.results.length ? (
            <ul class="plain-list">
              {a.results.map((y) => (
                <li>
                  <a href={`/results/${y}/agencies/${code}`}>{t.resultsLink(y)}</a>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t.noResults}</p>
          )}
          <p>
            <a href={`/agencies/${code}/profile`}>{t.profile}</a>
          </p>
        </Task>
      </ul>
    </section>
  );
}

export function ProvinceSection({
  ctx,
  p,
}: {
  ctx: PageContext;
  p: HomeView['provinces'][number];
}) {
  const t = ctx.t.home.province;
  const base = `/province/${encodeURIComponent(p.province)}/${p.year}`;
  const id = `home-province-${p.province}`;
  return (
    <section class="home-role" aria-labelledby={id} data-role="province_officer">
      <h2 id={id}>
        {t.title(p.province)} · {ctx.t.home.yearHeading(p.year)}
      </h2>
      <ul class="task-list">
        <Task title={t.board}>
          <p data-count="laggards">{t.laggards(p.laggards, p.agencies)}</p>
          {p.reasons.length ? (
            <>
              <p>{t.reasons}:</p>
              <ul class="plain-list">
                {p.reasons.slice(0, 4).map((r) => (
                  <li>
                    {ctx.t.province.board.reasons[r.reason] ?? r.reason}:{' '}
                    {formatInteger(r.count, ctx.lang)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p>
            <a href={`${base}/progress`}>{t.boardLink(p.year)}</a> ·{' '}
            <a href={`/survey-targets?year=${p.year}&province=${encodeURIComponent(p.province)}`}>
              {t.belowLink}
            </a>
          </p>
        </Task>
        <Task title={t.drive}>
          <ul class="plain-list">
            {(['committee', 'coordinators', 'mous', 'training', 'reminders', 'plan'] as const).map(
              (k) => (
                <li>
                  <a href={`${base}/${k}`}>{t.driveLinks[k]}</a>
                </li>
              ),
            )}
          </ul>
        </Task>
      </ul>
    </section>
  );
}
