/**
 * Driving the Hono app in tests like a browser: sign in through the real form (with its CSRF
 * token and cookies), then GET and POST with the session cookie and the page's CSRF token.
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../../src/server/env.js';

/** A signed-in browser: its cookies and the CSRF token its pages carry. */
export interface Browser {
  readonly cookie: string;
  readonly csrf: string;
}

const ORIGIN = 'http://localhost';

/** The `_csrf` hidden field's value in a page. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF field in the page');
  return match[1]!;
}

function cookiesOf(response: Response, previous = ''): string {
  const jar = new Map(
    previous
      .split('; ')
      .filter(Boolean)
      .map((pair) => [pair.split('=')[0]!, pair] as const),
  );
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(';')[0]!;
    const [name, value] = [pair.split('=')[0]!, pair.slice(pair.indexOf('=') + 1)];
    if (value === '' || /Max-Age=0/i.test(header)) jar.delete(name);
    else jar.set(name, pair);
  }
  return [...jar.values()].join('; ');
}

/** Posts the sign-in form; answers the response and, on success, the signed-in browser. */
export async function signIn(app: Hono<AppEnv>, username: string, password: string) {
  const page = await app.request('/sign-in');
  const cookie = cookiesOf(page);
  const response = await app.request('/sign-in', {
    method: 'POST',
    headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrfOf(await page.text()), username, password }),
  });
  const sessionCookie = cookiesOf(response, cookie);
  if (response.status !== 303) return { response, browser: null };

  const home = await app.request('/', { headers: { cookie: sessionCookie } });
  return { response, browser: { cookie: sessionCookie, csrf: csrfOf(await home.text()) } };
}

/** Signs in and throws unless it worked. */
export async function signedIn(
  app: Hono<AppEnv>,
  username: string,
  password: string,
): Promise<Browser> {
  const { browser } = await signIn(app, username, password);
  if (!browser) throw new Error(`sign-in failed for ${username}`);
  return browser;
}

/** A GET as the browser. */
export function get(app: Hono<AppEnv>, path: string, browser: Browser | null): Promise<Response> {
  return Promise.resolve(app.request(path, { headers: browser ? { cookie: browser.cookie } : {} }));
}

/** A form POST as the browser, with its CSRF token unless `csrf` is given (or null to omit). */
export function postForm(
  app: Hono<AppEnv>,
  path: string,
  browser: Browser,
  fields: Record<string, string>,
  csrf: string | null = browser.csrf,
): Promise<Response> {
  const body = new URLSearchParams(csrf === null ? fields : { _csrf: csrf, ...fields });
  return Promise.resolve(
    app.request(path, {
      method: 'POST',
      headers: {
        cookie: browser.cookie,
        origin: ORIGIN,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body,
    }),
  );
}

/** The accessible label of the grid cell for a student and standard, or null. */
export function gridCellLabel(html: string, studentId: string, standardId: string): string | null {
  const pattern = new RegExp(
    `data-student="${studentId}" data-standard="${standardId}"><a [^>]*aria-label="([^"]+)"`,
  );
  return pattern.exec(html)?.[1] ?? null;
}
