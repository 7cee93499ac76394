/**
 * The page frame: skip link, header with the signed-in navigation, main landmark, footer.
 * Loads only same-origin CSS and scripts (the content security policy allows nothing else).
 */
import type { Child } from 'hono/jsx';
import type { Viewer } from '../../services/auth.service.js';
import { pageLanguage, type PageLanguage, type UiTranslate } from '../i18n/index.js';

/** What every page passes to the frame. */
export interface PageFrame {
  readonly title: string;
  readonly viewer: Viewer | null;
  readonly csrfToken: string;
  /** Which navigation item is the current page. */
  readonly current?:
    | 'home'
    | 'search'
    | 'help'
    | 'mastery-settings'
    | 'accounts'
    | 'account'
    | 'caseload'
    | 'language';
  /** The language the page is written in (its lang, dir and frame words); English if absent. */
  readonly language?: PageLanguage;
  /** False for a page that needs no script (the report pages); the scripts load otherwise. */
  readonly scripts?: boolean;
  /** Same-origin style sheets the page adds after app.css. */
  readonly stylesheets?: readonly string[];
}

const ENGLISH = pageLanguage('en');

/** The whole HTML document around a page's content. */
export function Layout(props: PageFrame & { readonly children?: Child }) {
  const { title, viewer, csrfToken, current, children } = props;
  const language = props.language ?? ENGLISH;
  const t = language.t;
  return (
    <html lang={language.htmlLang} dir={language.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false}' />
        <title>{`${title} · Trellis`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        {props.scripts !== false && <Scripts />}
        {props.stylesheets?.map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
      </head>
      <body hx-headers={JSON.stringify({ 'X-CSRF-Token': csrfToken })}>
        <a class="skip-link" href="#main">
          {t('frame.skip')}
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            <span class="brand-mark" aria-hidden="true">
              ⌗
            </span>
            Trellis
          </a>
          {viewer && <Navigation viewer={viewer} csrfToken={csrfToken} current={current} t={t} />}
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>{t('frame.footer')}</p>
        </footer>
      </body>
    </html>
  );
}

/** The app's scripts, all same-origin and deferred. */
function Scripts() {
  return (
    <>
      <script src="/static/htmx.min.js" defer></script>
      <script src="/static/grid.js" defer></script>
      <script src="/static/task-grid.js" defer></script>
      <script src="/static/iep-collect.js" defer></script>
    </>
  );
}

function Navigation(props: {
  readonly viewer: Viewer;
  readonly csrfToken: string;
  readonly current: PageFrame['current'];
  readonly t: UiTranslate;
}) {
  const { viewer, csrfToken, current, t } = props;
  return (
    <nav aria-label={t('nav.label')} class="main-nav">
      <ul class="nav-list">
        <li>
          <a href="/" aria-current={current === 'home' ? 'page' : undefined}>
            {t('nav.home')}
          </a>
        </li>
        {viewer.role === 'admin' && (
          <li>
            <a href="/admin/students" aria-current={current === 'search' ? 'page' : undefined}>
              {t('nav.search')}
            </a>
          </li>
        )}
        {(viewer.role === 'special_educator' || viewer.role === 'related_service_provider') && (
          <li>
            <a href="/caseload" aria-current={current === 'caseload' ? 'page' : undefined}>
              {t('nav.caseload')}
            </a>
          </li>
        )}
        {viewer.role === 'admin' && (
          <li>
            <a
              href="/admin/mastery"
              aria-current={current === 'mastery-settings' ? 'page' : undefined}
            >
              {t('nav.masterySettings')}
            </a>
          </li>
        )}
        <li>
          <a href="/mastery/how" aria-current={current === 'help' ? 'page' : undefined}>
            {t('nav.help')}
          </a>
        </li>
        {viewer.role === 'admin' && (
          <li>
            <a href="/admin/accounts" aria-current={current === 'accounts' ? 'page' : undefined}>
              {t('nav.accounts')}
            </a>
          </li>
        )}
        {viewer.role === 'guardian' && (
          <li>
            <a href="/settings/language" aria-current={current === 'language' ? 'page' : undefined}>
              {t('nav.language')}
            </a>
          </li>
        )}
        <li>
          <a href="/account" aria-current={current === 'account' ? 'page' : undefined}>
            {t('nav.account')}
          </a>
        </li>
      </ul>
      <div class="account">
        <span class="who">
          {viewer.displayName}
          <span class="role">{t(`role.${viewer.role}`)}</span>
        </span>
        <form method="post" action="/sign-out">
          <input type="hidden" name="_csrf" value={csrfToken} />
          <button type="submit" class="button-quiet">
            {t('nav.signOut')}
          </button>
        </form>
      </div>
    </nav>
  );
}
