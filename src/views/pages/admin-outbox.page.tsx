// The mail outbox for administrators: every message sent, and one message with clickable links.
import { formatDateTime } from '../../i18n/format.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

/** A stored message as these pages show it (the mail service's outbox rows fit it). */
export interface OutboxMessage {
  id: number;
  to: string;
  subject: string;
  text: string;
  createdAt: Date;
  status: 'stored' | 'sent' | 'failed';
  error: string | null;
}

export function AdminOutboxPage({
  ctx,
  messages,
  smtp,
}: {
  ctx: PageContext;
  messages: OutboxMessage[];
  smtp: boolean;
}) {
  const t = ctx.t.admin.outbox;
  return (
    <Layout ctx={ctx} title={t.title}>
      <h1>{t.title}</h1>
      <p class="lead">{smtp ? t.leadSmtp : t.leadOutboxOnly}</p>
      {messages.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div class="table-wrap" tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.colAt}</th>
                <th scope="col">{t.colTo}</th>
                <th scope="col">{t.colSubject}</th>
                <th scope="col">{t.colStatus}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr>
                  <td>{formatDateTime(m.createdAt, ctx.lang)}</td>
                  <td>{m.to}</td>
                  <td>
                    <a href={`/admin/outbox/${m.id}`}>{m.subject}</a>
                  </td>
                  <td>{t.status[m.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

/** Plain text with its http(s) links made clickable; everything else stays escaped text. */
function Linked({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return <>{parts.map((p, i) => (i % 2 === 1 ? <a href={p}>{p}</a> : p))}</>;
}

export function AdminOutboxMessagePage({
  ctx,
  message,
}: {
  ctx: PageContext;
  message: OutboxMessage;
}) {
  const t = ctx.t.admin.outbox;
  return (
    <Layout ctx={ctx} title={message.subject}>
      <p>
        <a href="/admin/outbox">‹ {t.back}</a>
      </p>
      <h1>{message.subject}</h1>
      <dl class="summary-list">
        <dt>{t.colTo}</dt>
        <dd>{message.to}</dd>
        <dt>{t.colAt}</dt>
        <dd>{formatDateTime(message.createdAt, ctx.lang)}</dd>
        <dt>{t.colStatus}</dt>
        <dd>
          {t.status[message.status]}
          {message.error ? ` (${message.error})` : ''}
        </dd>
      </dl>
      <pre class="mail-body">
        <Linked text={message.text} />
      </pre>
    </Layout>
  );
}
