// OIT routes of the agency: its sheet (save items, submit, dispute) and the history (the auditors'
// and the NACC's: oit-review.routes.tsx). Thin: parse → service → render.
import { Hono, type Context } from 'hono';
import { canManageAgency } from '../domain/access.ts';
import { ServiceError } from '../services/errors.ts';
import type { SavedItems } from '../services/oit.service.ts';
import { OitInputError, type OitSheet } from '../services/oit-shared.ts';
import type { FieldError } from '../views/components/form.tsx';
import { OitHistoryPage } from '../views/pages/oit-admin.page.tsx';
import { OitAgencyPage, type OitTyped } from '../views/pages/oit-agency.page.tsx';
import { OitSubmitPage } from '../views/pages/oit-submit.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './session.ts';
import { Y, year, code, str, fieldErrors } from './oit-request.ts';
import { problemText } from '../i18n/problem-text.ts';

export const oitRoutes = new Hono<AppEnv>();

/** The agency's sheet as its one service call gave it (a refused form's comes with it). */
function agencyPage(
  c: Context<AppEnv>,
  sheet: OitSheet,
  errors: FieldError[] = [],
  extra: { typed?: OitTyped; disputes?: Record<string, string>; notice?: string } = {},
) {
  const actor = requireUser(c);
  const t = c.get('t').oit;
  const saved = c.req.query('saved');
  const notice = extra.notice
    ? extra.notice
    : saved
      ? /^[0-9]+$/.test(saved)
        ? c.get('t').home.entry.saved(Number(saved))
        : t.agency.saved(saved)
      : c.req.query('submitted')
        ? t.agency.submitted
        : c.req.query('disputed')
          ? t.agency.disputesSent(Number(c.req.query('disputed')))
          : undefined;
  return c.html(
    <OitAgencyPage
      ctx={pageContext(c)}
      sheet={sheet}
      canManage={canManageAgency(actor, sheet.agency)}
      errors={errors}
      typed={extra.typed}
      disputes={extra.disputes}
      notice={notice}
    />,
    errors.length ? 422 : 200,
  );
}

oitRoutes.get(`${Y}/agencies/:code`, async (c) =>
  agencyPage(c, await c.get('services').oit.sheet(requireUser(c), year(c), code(c))),
);

oitRoutes.post(`${Y}/agencies/:code/items/:item`, async (c) => {
  const actor = requireUser(c);
  const body = await c.req.parseBody();
  const item = c.req.param('item');
  const raw = { answer: str(body.answer), urls: str(body.urls), note: str(body.note) };
  const r = await c.get('services').oit.saveItemOrSheet(actor, year(c), code(c), item, raw);
  if (!r.ok) return agencyPage(c, r.page, fieldErrors(c, r.error), { typed: { [item]: raw } });
  return c.redirect(
    `/oit/${year(c)}/agencies/${encodeURIComponent(code(c))}?saved=${encodeURIComponent(item)}#item-${item}`,
    303,
  );
});

/** The entry form's fields, `<item>-<field>`, grouped by item (unknown items are ignored later). */
function typedItems(body: Record<string, unknown>): OitTyped {
  const items: OitTyped = Object.create(null) as OitTyped;
  for (const [k, v] of Object.entries(body)) {
    const m = /^([A-Za-z0-9.]{1,16})-([a-z_]{1,32})$/.exec(k);
    if (m && typeof v === 'string') (items[m[1]!] ??= {})[m[2]!] = v;
  }
  return items;
}

// Save all: the one form of the entry page, and its autosave (X-Autosave: 1, answered in JSON).
oitRoutes.post(`${Y}/agencies/:code/items`, async (c) => {
  const actor = requireUser(c);
  const body = await c.req.parseBody();
  const typed = typedItems(body);
  const auto = c.req.header('x-autosave') === '1';
  const th = c.get('lang') === 'th';
  // Each message names its item: the page holds every item's form.
  const errorsOf = (r: SavedItems) =>
    r.problems.map(({ item, problem }) => ({
      field: problem.field,
      message: `${item}: ${problemText(problem, c.get('lang'))}`,
    }));
  const oit = c.get('services').oit;
  if (auto) {
    // The autosave is answered in JSON: no sheet to read.
    let saved;
    try {
      saved = await oit.saveItems(actor, year(c), code(c), typed);
    } catch (err) {
      if (err instanceof ServiceError)
        return c.json(
          { saved: [], errors: [{ field: '', message: th ? err.th : err.en }] },
          err.status,
        );
      throw err;
    }
    return c.json({ saved: saved.saved, errors: errorsOf(saved) });
  }
  const r = await oit.saveItemsOrSheet(actor, year(c), code(c), typed);
  if (r.sheet)
    return agencyPage(c, r.sheet, errorsOf(r), {
      typed,
      notice: c.get('t').home.entry.savedWithErrors(r.saved.length),
    });
  const base = `/oit/${year(c)}/agencies/${encodeURIComponent(code(c))}`;
  if (str(body.then) === 'submit') return c.redirect(`${base}/submit`, 303);
  // Back to the item whose button was pressed, or the one last edited (set by the script).
  const back = [str(body.return), str(body.focus)].find((v) => /^[A-Za-z0-9.]{1,16}$/.test(v));
  return c.redirect(`${base}?saved=${r.saved.length}${back ? `#item-${back}` : '#oit-save'}`, 303);
});

oitRoutes.get(`${Y}/agencies/:code/submit`, async (c) => {
  const actor = requireUser(c);
  const sheet = await c.get('services').oit.sheet(actor, year(c), code(c));
  return c.html(
    <OitSubmitPage
      ctx={pageContext(c)}
      sheet={sheet}
      canManage={canManageAgency(actor, sheet.agency)}
    />,
  );
});

oitRoutes.post(`${Y}/agencies/:code/submit`, async (c) => {
  const body = await c.req.parseBody();
  // Submitting locks the answers: only the confirmation page's form submits.
  if (str(body.confirm) !== 'yes')
    return c.redirect(`/oit/${year(c)}/agencies/${encodeURIComponent(code(c))}/submit`, 303);
  await c.get('services').oit.submit(requireUser(c), year(c), code(c));
  return c.redirect(`/oit/${year(c)}/agencies/${encodeURIComponent(code(c))}?submitted=1`, 303);
});

oitRoutes.post(`${Y}/agencies/:code/disputes`, async (c) => {
  const actor = requireUser(c);
  const body = await c.req.parseBody();
  const disputes: Record<string, string> = {};
  for (const [k, v] of Object.entries(body))
    if (k.startsWith('dispute-') && typeof v === 'string') disputes[k.slice(8)] = v;
  const r = await c.get('services').oit.disputeOrSheet(actor, year(c), code(c), disputes);
  if (!r.ok) {
    const err = r.error;
    if (err instanceof OitInputError)
      return agencyPage(c, r.page, fieldErrors(c, err), { disputes });
    const first = Object.keys(disputes)[0] ?? 'O1';
    return agencyPage(
      c,
      r.page,
      [{ field: `${first}-dispute`, message: c.get('lang') === 'th' ? err.th : err.en }],
      { disputes },
    );
  }
  return c.redirect(
    `/oit/${year(c)}/agencies/${encodeURIComponent(code(c))}?disputed=${r.value}`,
    303,
  );
});

oitRoutes.get(`${Y}/agencies/:code/history`, async (c) => {
  const data = await c.get('services').oit.history(requireUser(c), year(c), code(c));
  return c.html(<OitHistoryPage ctx={pageContext(c)} year={year(c)} data={data} />);
});
