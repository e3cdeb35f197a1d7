// The province workspace's MOU board, MOU form, printable Thai MOU, and training pages.
import type { Agency } from '../../domain/agency.ts';
import { mouText } from '../../domain/province-drive.ts';
import { compareThai, formatDate } from '../../i18n/format.ts';
import type { Mou } from '../../domain/province-drive.ts';
import { CsrfField, errorFor, type FieldError } from '../components/form.tsx';
import { boundTextField } from '../components/province-parts.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { AgencySelect, WorkspaceFrame, base, type WorkspaceView } from './province-workspace.tsx';

function mouStatus(ctx: PageContext, m: Mou | undefined): string {
  const t = ctx.t.province.mous;
  if (!m) return t.notRecorded;
  if (m.signedOn && m.publishedUrl) return t.published;
  if (m.signedOn) return t.signed;
  return t.planned;
}

export function MouPage(p: {
  ctx: PageContext;
  w: WorkspaceView;
  mous: Mou[];
  agencies: Agency[];
  form: Record<string, string>;
  errors: FieldError[];
  notice?: string | undefined;
}) {
  const t = p.ctx.t.province;
  const m = t.mous;
  const groups = new Map<string, { name: string; mou: Mou | undefined; code: string | null }[]>();
  const add = (key: string, row: { name: string; mou: Mou | undefined; code: string | null }) =>
    groups.set(key, [...(groups.get(key) ?? []), row]);
  for (const mou of p.mous)
    add(mou.level === 'district' ? (mou.district ?? '') : '', {
      name: mou.partyName,
      mou,
      code: mou.agencyCode,
    });
  for (const a of p.agencies)
    if (!p.mous.some((x) => x.agencyCode === a.code))
      add(a.district ?? '', { name: a.nameTh, mou: undefined, code: a.code });
  const keys = [...groups.keys()].sort((a, b) =>
    a === '' ? -1 : b === '' ? 1 : compareThai(a, b),
  );
  const signed = p.mous.filter((x) => x.signedOn).length;
  const published = p.mous.filter((x) => x.signedOn && x.publishedUrl).length;
  return (
    <WorkspaceFrame
      ctx={p.ctx}
      w={p.w}
      section="mous"
      title={m.title}
      errors={p.errors}
      notice={p.notice}
    >
      <p class="lead">{m.lead}</p>
      <p>{m.summary(signed, published, p.mous.length)}</p>
      <h2>{m.board}</h2>
      {keys.map((k) => (
        <div class="table-wrap" tabindex={0}>
          <table>
            <caption>{k === '' ? m.provinceLevelGroup : `${m.district} ${k}`}</caption>
            <thead>
              <tr>
                <th scope="col">{m.partyName}</th>
                <th scope="col">{m.status}</th>
                <th scope="col">{m.signedOn}</th>
                <th scope="col">{m.publishedUrl}</th>
              </tr>
            </thead>
            <tbody>
              {(groups.get(k) ?? []).map((r) => (
                <tr data-party={r.name}>
                  <th scope="row">
                    {r.mou ? <a href={`${base(p.w)}/mous/${r.mou.id}`}>{r.name}</a> : r.name}
                  </th>
                  <td>{mouStatus(p.ctx, r.mou)}</td>
                  <td>{r.mou?.signedOn ? formatDate(r.mou.signedOn, p.ctx.lang) : '–'}</td>
                  <td>
                    {r.mou?.publishedUrl ? (
                      <>
                        <a href={r.mou.publishedUrl} rel="noopener noreferrer">
                          {r.mou.publishedUrl}
                        </a>{' '}
                        <span class="tag">{m.link[r.mou.linkStatus]}</span>
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {p.w.canEdit ? (
        <MouForm ctx={p.ctx} w={p.w} agencies={p.agencies} form={p.form} errors={p.errors} />
      ) : null}
    </WorkspaceFrame>
  );
}

export function MouForm(p: {
  ctx: PageContext;
  w: WorkspaceView;
  agencies: Agency[];
  form: Record<string, string>;
  errors: FieldError[];
}) {
  const m = p.ctx.t.province.mous;
  const Field = boundTextField(p.ctx, p.form, p.errors);
  return (
    <form method="post" action={`${base(p.w)}/mous`}>
      <h2>{m.record}</h2>
      <CsrfField ctx={p.ctx} />
      {p.form.mouId ? <input type="hidden" name="mouId" value={p.form.mouId} /> : null}
      <div class="form-group">
        <label for="level">{m.level}</label>
        <select id="level" name="level">
          <option value="province" selected={p.form.level !== 'district'}>
            {m.levelProvince}
          </option>
          <option value="district" selected={p.form.level === 'district'}>
            {m.levelDistrict}
          </option>
        </select>
      </div>
      <Field id="district" label={m.district} />
      <Field id="partyName" label={m.partyName} hint={m.partyHint} />
      <AgencySelect
        ctx={p.ctx}
        agencies={p.agencies}
        value={p.form.agencyCode}
        error={errorFor(p.errors, 'agencyCode')}
        label={m.agency}
        placeholder="–"
      />
      <Field id="firstSigner" label={m.firstSigner} />
      <Field id="partySigner" label={m.partySigner} />
      <Field id="signedOn" label={m.signedOn} hint={p.ctx.t.province.committee.dateHint} />
      <Field id="place" label={m.place} />
      <div class="form-group">
        <label for="witnesses">{m.witnesses}</label>
        <textarea id="witnesses" name="witnesses" rows={3}>
          {p.form.witnesses ?? ''}
        </textarea>
      </div>
      <Field id="copiesMade" label={m.copiesMade} inputmode="numeric" />
      <Field id="copiesKept" label={m.copiesKept} inputmode="numeric" />
      <Field id="copiesSent" label={m.copiesSent} inputmode="numeric" />
      <Field id="publishedUrl" label={m.publishedUrl} type="url" />
      <button class="button" type="submit">
        {p.ctx.t.province.save}
      </button>
    </form>
  );
}

/** One MOU: its record, the form to update it, and a link to the printable text. */
export function MouDetailPage(p: {
  ctx: PageContext;
  w: WorkspaceView;
  mou: Mou;
  agencies: Agency[];
  form: Record<string, string>;
  errors: FieldError[];
}) {
  const m = p.ctx.t.province.mous;
  return (
    <WorkspaceFrame ctx={p.ctx} w={p.w} section="mous" title={p.mou.partyName} errors={p.errors}>
      <p>
        <a href={`${base(p.w)}/mous/${p.mou.id}/print`}>{m.printable}</a>
      </p>
      <dl class="summary-list">
        <dt>{m.status}</dt>
        <dd>{mouStatus(p.ctx, p.mou)}</dd>
        <dt>{m.firstSigner}</dt>
        <dd>{p.mou.firstSigner}</dd>
        <dt>{m.place}</dt>
        <dd>{p.mou.place ?? '–'}</dd>
        <dt>{m.witnesses}</dt>
        <dd>{p.mou.witnesses.join(', ') || '–'}</dd>
        <dt>{m.copiesMade}</dt>
        <dd>
          {p.mou.copiesMade ?? '–'} / {p.mou.copiesKept ?? '–'} / {p.mou.copiesSent ?? '–'}
        </dd>
      </dl>
      {p.w.canEdit ? (
        <MouForm ctx={p.ctx} w={p.w} agencies={p.agencies} form={p.form} errors={p.errors} />
      ) : null}
    </WorkspaceFrame>
  );
}

export function MouPrintPage(p: { ctx: PageContext; w: WorkspaceView; mou: Mou }) {
  const m = p.ctx.t.province.mous;
  const text = mouText({
    province: p.w.province,
    year: p.w.fiscalYear,
    firstSigner: p.mou.firstSigner,
    partyName: p.mou.partyName,
    partySigner: p.mou.partySigner,
    signedOnText: p.mou.signedOn ? formatDate(p.mou.signedOn, 'th') : null,
  });
  return (
    <Layout ctx={p.ctx} title={text.title}>
      <article class="printable" lang="th">
        <h1>{text.title}</h1>
        {text.paragraphs.map((x) => (
          <p>{x}</p>
        ))}
        <div class="signatures">
          <p>
            {m.signer}
            <br />({p.mou.partySigner ?? '................................'})
          </p>
          <p>
            {m.signer}
            <br />({p.mou.firstSigner})
          </p>
          {p.mou.witnesses.map((x) => (
            <p>
              {m.witness}
              <br />({x})
            </p>
          ))}
        </div>
      </article>
    </Layout>
  );
}
