/**
 * The page frame: skip link, header with the signed-in navigation, main landmark, footer.
 * Loads only same-origin CSS and scripts (the content security policy allows nothing else).
 */
import type { Child } from 'hono/jsx';
import type { Viewer } from '../../services/auth.service.js';
import type { Role } from '../../store/schema.js';

/** What every page passes to the frame. */
export interface PageFrame {
  readonly title: string;
  readonly viewer: Viewer | null;
  readonly csrfToken: string;
  /** Which navigation item is the current page. */
  readonly current?: 'home' | 'search';
}

const ROLE_NAMES: Record<Role, string> = {
  admin: 'Administrator',
  teacher: 'Teacher',
  special_educator: 'Special educator',
  guardian: 'Family',
  student: 'Student',
};

/** The whole HTML document around a page's content. */
export function Layout(props: PageFrame & { readonly children?: Child }) {
  const { title, viewer, csrfToken, current, children } = props;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false}' />
        <title>{`${title} · Trellis`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/htmx.min.js" defer></script>
        <script src="/static/grid.js" defer></script>
      </head>
      <body hx-headers={JSON.stringify({ 'X-CSRF-Token': csrfToken })}>
        <a class="skip-link" href="#main">
          Skip to main content
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            <span class="brand-mark" aria-hidden="true">
              ⌗
            </span>
            Trellis
          </a>
          {viewer && <Navigation viewer={viewer} csrfToken={csrfToken} current={current} />}
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>Trellis · mastery-based grading and progress reporting</p>
        </footer>
      </body>
    </html>
  );
}

function Navigation(props: {
  readonly viewer: Viewer;
  readonly csrfToken: string;
  readonly current: PageFrame['current'];
}) {
  const { viewer, csrfToken, current } = props;
  return (
    <nav aria-label="Main">
      <ul class="nav-list">
        <li>
          <a href="/" aria-current={current === 'home' ? 'page' : undefined}>
            Home
          </a>
        </li>
        {viewer.role === 'admin' && (
          <li>
            <a href="/admin/students" aria-current={current === 'search' ? 'page' : undefined}>
              Find a student
            </a>
          </li>
        )}
      </ul>
      <div class="account">
        <span class="who">
          {viewer.displayName}
          <span class="role">{ROLE_NAMES[viewer.role]}</span>
        </span>
        <form method="post" action="/sign-out">
          <input type="hidden" name="_csrf" value={csrfToken} />
          <button type="submit" class="button-quiet">
            Sign out
          </button>
        </form>
      </div>
    </nav>
  );
}
