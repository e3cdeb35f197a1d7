// The province workspace's training events and attendance.
import type { Agency } from '../../domain/agency.ts';
import { formatDate, formatInteger } from '../../i18n/format.ts';
import type { TrainingEvent } from '../../domain/province-drive.ts';
import { CsrfField, TextField, type FieldError } from '../components/form.tsx';
import { boundTextField } from '../components/province-parts.tsx';
import type { PageContext } from '../page-context.ts';
import { AgencySelect, WorkspaceFrame, base, type WorkspaceView } from './province-workspace.tsx';

export function TrainingPage(p: {
  ctx: PageContext;
  w: WorkspaceView;
  events: TrainingEvent[];
  notAttended: Agency[];
  agencies: Agency[];
  form: Record<string, string>;
  errors: FieldError[];
  notice?: string | undefined;
}) {
  const t = p.ctx.t.province;
  const Field = boundTextField(p.ctx, p.form, p.errors);
  const tr = t.training;
  return (
    <WorkspaceFrame
      ctx={p.ctx}
      w={p.w}
      section="training"
      title={tr.title}
      errors={p.errors}
      notice={p.notice}
    >
      {p.events.length === 0 ? <p>{t.none}</p> : null}
      {p.events.map((e) => {
        const people = e.attendance.reduce((n, a) => n + a.people, 0);
        return (
          <section>
            <h2>{e.title}</h2>
            <p>
              {formatDate(e.heldOn, p.ctx.lang)} · {e.place} · {tr.audience}: {e.audience}
            </p>
            <p>
              <strong>{tr.totals(people, e.attendance.length)}</strong>
            </p>
            <details>
              <summary>{tr.attendance}</summary>
              <ul>
                {e.attendance.map((a) => (
                  <li>
                    {a.partyName}: {formatInteger(a.people, p.ctx.lang)}
                  </li>
                ))}
              </ul>
            </details>
            {p.w.canEdit ? (
              <form
                method="post"
                action={`${base(p.w)}/training/${e.id}/attendance`}
                class="filters"
              >
                <CsrfField ctx={p.ctx} />
                <AgencySelect
                  ctx={p.ctx}
                  id="agencyCode"
                  agencies={p.agencies}
                  value={undefined}
                  error={undefined}
                  label={tr.party}
                  placeholder="–"
                />
                <TextField
                  ctx={p.ctx}
                  id={`partyName-${e.id}`}
                  name="partyName"
                  label={tr.officeName}
                />
                <TextField
                  ctx={p.ctx}
                  id={`people-${e.id}`}
                  name="people"
                  inputmode="numeric"
                  label={tr.people}
                />
                <button class="button button--secondary" type="submit">
                  {tr.addAttendance}
                </button>
              </form>
            ) : null}
          </section>
        );
      })}
      <h2>{tr.notAttended}</h2>
      {p.notAttended.length === 0 ? (
        <p>{tr.allAttended}</p>
      ) : (
        <ul id="not-attended">
          {p.notAttended.map((a) => (
            <li>{a.nameTh}</li>
          ))}
        </ul>
      )}
      {p.w.canEdit ? (
        <form method="post" action={`${base(p.w)}/training`}>
          <h2>{tr.newEvent}</h2>
          <CsrfField ctx={p.ctx} />
          <Field id="title" label={tr.eventTitle} />
          <Field id="heldOn" label={tr.heldOn} hint={t.committee.dateHint} />
          <Field id="place" label={tr.place} />
          <Field id="audience" label={tr.audience} />
          <button class="button" type="submit">
            {t.save}
          </button>
        </form>
      ) : null}
    </WorkspaceFrame>
  );
}
