// The site frame: skip link, header with product name and language switch, navigation, footer.
import type { Child } from 'hono/jsx';
import { assetUrl } from './static-assets.ts';
import type { PageContext } from './page-context.ts';
import { AccountNav, AdminNavItems } from './components/account-nav.tsx';
import { ProvinceNavItems } from './components/province-nav.tsx';
import { RoleNavItems } from './components/role-nav.tsx';

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  /** Set when the page shows a form error: the title then starts with "ข้อผิดพลาด:". */
  hasError?: boolean;
  /** Extra elements for <head> (a refresh for pages that wait on something). */
  head?: Child;
  children?: Child;
}

export function Layout({ ctx, title, hasError, head, children }: LayoutProps) {
  const { t, lang } = ctx;
  const other = lang === 'th' ? 'en' : 'th';
  const fullTitle = `${hasError ? t.common.errors.errorPrefix : ''}${title} – ${t.common.productName}`;
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        {head}
      </head>
      <body class={ctx.preview ? 'is-preview' : undefined}>
        <a class="skip-link" href="#main">
          {t.common.skipToContent}
        </a>
        <header class="site-header">
          <div class="container site-header__inner">
            <a class="site-header__name" href="/">
              {t.common.productName}
              <span class="site-header__tagline">{t.common.productTagline}</span>
            </a>
            <a
              class="site-header__lang"
              href={`/lang/${other}?next=${encodeURIComponent(ctx.path)}`}
              lang={other}
              hreflang={other}
              aria-label={t.common.switchLanguageLabel}
            >
              {t.common.switchLanguage}
            </a>
            <AccountNav ctx={ctx} />
          </div>
          <nav class="site-nav container" aria-label={t.common.productName}>
            <ul>
              <li>
                <a href="/">{t.common.nav.home}</a>
              </li>
              <li>
                <a href="/agencies">{t.common.nav.agencies}</a>
              </li>
              <li>
                <a href="/open-data">{t.common.nav.openData}</a>
              </li>
              <RoleNavItems ctx={ctx} />
              <AdminNavItems ctx={ctx} />
              <ProvinceNavItems ctx={ctx} />
            </ul>
          </nav>
        </header>
        <main id="main" class="container" tabindex={-1}>
          {ctx.preview ? (
            <p class="preview-banner" role="note">
              <strong>{t.frameworks.preview.banner}</strong> {t.frameworks.preview.bannerText}
            </p>
          ) : null}
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p>{t.common.footer.about}</p>
            <p>{t.common.footer.licence}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
