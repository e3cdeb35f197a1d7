// The province workspace's reminder composer, with its preview.
import type { Agency } from '../../domain/agency.ts';
import { formatDateTime } from '../../i18n/format.ts';
import type { ProgressRow } from '../../domain/province-drive.ts';
import { CsrfField, TextField, errorFor, type FieldError } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';
import { WorkspaceFrame, base, type WorkspaceView } from './province-workspace.tsx';

export interface ReminderPreview {
  messages: { agency: Agency; to: string[]; subject: string; body: string }[];
  unreachable: Agency[];
}

export function RemindersPage(p: {
  ctx: PageContext;
  w: WorkspaceView;
  rows: ProgressRow[];
  chosen: string[];
  templates: { key: string; subject: string; body: string }[];
  templateKey: string;
  subject: string;
  body: string;
  preview: ReminderPreview | null;
  history: {
    id: string;
    subject: string;
    recipients: number;
    sentAt: Date;
    agencyCodes: string[];
  }[];
  errors: FieldError[];
  notice?: string | undefined;
}) {
  const r = p.ctx.t.province.reminders;
  return (
    <WorkspaceFrame
      ctx={p.ctx}
      w={p.w}
      section="reminders"
      title={r.title}
      errors={p.errors}
      notice={p.notice}
    >
      <form method="get" action={`${base(p.w)}/reminders`} class="filters">
        <div class="form-group">
          <label for="template">{r.template}</label>
          <select id="template" name="template">
            {p.templates.map((x) => (
              <option value={x.key} selected={x.key === p.templateKey}>
                {r.templateNames[x.key] ?? x.key}
              </option>
            ))}
          </select>
        </div>
        {p.chosen.map((c) => (
          <input type="hidden" name="codes" value={c} />
        ))}
        <button class="button button--secondary" type="submit">
          {r.template}
        </button>
      </form>
      <form method="post" action={`${base(p.w)}/reminders/preview`}>
        <CsrfField ctx={p.ctx} />
        <input type="hidden" name="template" value={p.templateKey} />
        <fieldset id="codes">
          <legend>{r.agencies}</legend>
          <span class="hint">{r.laggardsHint}</span>
          {errorFor(p.errors, 'codes') ? (
            <span class="error-message">{errorFor(p.errors, 'codes')}</span>
          ) : null}
          {p.rows.map((row) => (
            <div class="checkboxes__item">
              <input
                type="checkbox"
                id={`codes-${row.agency.code}`}
                name="codes"
                value={row.agency.code}
                checked={p.chosen.includes(row.agency.code)}
              />
              <label for={`codes-${row.agency.code}`}>{row.agency.nameTh}</label>
            </div>
          ))}
        </fieldset>
        <TextField
          ctx={p.ctx}
          id="subject"
          label={r.subject}
          value={p.subject}
          error={errorFor(p.errors, 'subject')}
        />
        <div class={`form-group${errorFor(p.errors, 'body') ? ' form-group--error' : ''}`}>
          <label for="body">{r.body}</label>
          <span class="hint">{r.placeholders}</span>
          <textarea id="body" name="body" rows={10}>
            {p.body}
          </textarea>
        </div>
        <button class="button button--secondary" type="submit" name="action" value="preview">
          {r.preview}
        </button>{' '}
        {p.w.canEdit ? (
          <button
            class="button button--secondary"
            type="submit"
            name="action"
            value="save-template"
          >
            {r.saveTemplate}
          </button>
        ) : null}
        {p.preview && p.w.canEdit ? (
          <>
            {' '}
            <button class="button" type="submit" name="action" value="send">
              {r.send}
            </button>
          </>
        ) : null}
      </form>
      {p.preview ? (
        <section id="preview">
          <h2>{r.preview}</h2>
          {p.preview.messages.map((m) => (
            <article class="mail-preview">
              <p>
                <strong>{r.to}:</strong> {m.to.join(', ')}
              </p>
              <p>
                <strong>{m.subject}</strong>
              </p>
              <pre>{m.body}</pre>
            </article>
          ))}
          {p.preview.unreachable.length ? (
            <>
              <h3>{r.unreachable}</h3>
              <ul>
                {p.preview.unreachable.map((a) => (
                  <li>{a.nameTh}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <h2>{r.history}</h2>
      <ul>
        {p.history.map((h) => (
          <li>
            {formatDateTime(h.sentAt, p.ctx.lang)} · {h.subject} · {r.recipients(h.recipients)}
          </li>
        ))}
      </ul>
    </WorkspaceFrame>
  );
}
