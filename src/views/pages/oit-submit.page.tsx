// The agency's OIT confirmation step before submitting.
import type { OitSheetModel } from '../components/oit-sheet.model.ts';
import { CsrfField } from '../components/form.tsx';
import { Unavailable } from '../components/unavailable.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { entryReasons } from './oit-agency-availability.tsx';

/** The step between "submit" and submitting: what will be sent, what is missing, no way back. */
export function OitSubmitPage(p: { ctx: PageContext; sheet: OitSheetModel; canManage: boolean }) {
  const { ctx, sheet } = p;
  const t = ctx.t.home.entry;
  const base = `/oit/${sheet.fiscalYear}/agencies/${encodeURIComponent(sheet.agency.code)}`;
  const reasons = entryReasons(ctx, sheet, p.canManage);
  const missing = sheet.total - sheet.done;
  return (
    <Layout ctx={ctx} title={t.confirmTitle}>
      <p>
        <a href={base}>‹ {t.back}</a>
      </p>
      <h1>{t.confirmTitle}</h1>
      <p class="hint">{sheet.agency.nameTh}</p>
      {reasons.length ? (
        <Unavailable ctx={ctx} reasons={reasons} />
      ) : (
        <form method="post" action={`${base}/submit`} class="oit-submit">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="confirm" value="yes" />
          <p>{t.confirmLead(sheet.done, sheet.total)}</p>
          {missing > 0 ? (
            <p class="notice notice--warning" data-oit-missing={missing}>
              {t.confirmMissing(missing)}
            </p>
          ) : null}
          <p>
            <strong>{t.confirmLocked}</strong>
          </p>
          <button type="submit" class="button">
            {t.confirmSubmit}
          </button>{' '}
          <a href={base} class="button button--secondary">
            {t.back}
          </a>
        </form>
      )}
    </Layout>
  );
}
