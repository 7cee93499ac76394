/**
 * Sign-in through a real OpenID provider (the oidc-provider package) started by this test on
 * 127.0.0.1 with its development login pages, driven like a browser with cookie jars.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import type { AppEnv } from '../../src/server/env.js';
import { csrfOf, get } from '../support/http.js';
import { buildSecurityWorld, type SecurityWorld } from '../support/security-world.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';

let store: TestStore;
let app: Hono<AppEnv>;
let world: SecurityWorld;
let server: http.Server;
let issuer = '';

const REDIRECT = 'http://localhost/sign-in/oidc/callback';
const EMAILS: Record<string, string> = {
  'staff-1': 'grace.teacher@alder.example',
  'family-1': 'parent@home.example',
  'stranger-1': 'nobody@elsewhere.example',
};

beforeAll(async () => {
  store = await createTestStore();
  world = await buildSecurityWorld(store.db);
  await store.db
    .updateTable('people')
    .set({ email: 'Grace.Teacher@alder.example' })
    .where('id', '=', world.accounts.teacher.personId!)
    .execute();
  await store.db
    .updateTable('people')
    .set({ email: 'parent@home.example' })
    .where('id', '=', world.accounts.guardian.personId!)
    .execute();

  server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'trellis',
        client_secret: 'test-secret-for-the-local-provider',
        redirect_uris: [REDIRECT],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    cookies: { keys: ['local-test-cookie-key'] },
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: () => ({ sub, email: EMAILS[sub], email_verified: true }),
    }),
  });
  const handle = provider.callback();
  server.on('request', (req, res) => void handle(req, res));

  app = createApp({
    store,
    oidc: {
      issuer,
      clientId: 'trellis',
      clientSecret: 'test-secret-for-the-local-provider',
      redirectUri: REDIRECT,
      label: 'Sign in with Alder District',
    },
  });
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await store.destroy();
});

/** Cookies by name for one site (paths ignored: the provider's paths are all under /). */
class Jar {
  private readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  take(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line) || /Max-Age=0/i.test(line)) {
        this.cookies.delete(name);
      } else this.cookies.set(name, value);
    }
    return response;
  }
}

/** Logs in at the provider as `subject` and answers the callback URL it sends back. */
async function loginAtProvider(authorizeUrl: string, subject: string): Promise<string> {
  const jar = new Jar();
  let url = authorizeUrl;
  for (let step = 0; step < 12; step += 1) {
    if (url.startsWith(REDIRECT)) return url;
    const response = jar.take(
      await fetch(url, { headers: { cookie: jar.header() }, redirect: 'manual' }),
    );
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location')!, url).href;
      continue;
    }
    const html = await response.text();
    const action = new URL(/action="([^"]+)"/.exec(html)![1]!, url).href;
    const prompt = /name="prompt" value="(\w+)"/.exec(html)![1]!;
    const fields: Record<string, string> =
      prompt === 'login' ? { prompt, login: subject, password: 'any' } : { prompt };
    const posted = jar.take(
      await fetch(action, {
        method: 'POST',
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
        redirect: 'manual',
      }),
    );
    url = new URL(posted.headers.get('location')!, action).href;
  }
  throw new Error('the provider did not send the browser back');
}

/** Starts sign-in at Trellis, logs in at the provider, and answers Trellis's callback answer. */
async function signInThroughProvider(subject: string) {
  const page = await app.request('/sign-in');
  const cookie = page.headers.getSetCookie()[0]!.split(';')[0]!;
  const html = await page.text();
  expect(html).toContain('Sign in with Alder District');
  const start = await app.request('/sign-in/oidc', {
    method: 'POST',
    headers: {
      cookie,
      origin: 'http://localhost',
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ _csrf: csrfOf(html) }),
  });
  expect(start.status).toBe(303);
  const authorize = start.headers.get('location')!;
  expect(authorize.startsWith(`${issuer}/auth?`)).toBe(true);
  expect(new URL(authorize).searchParams.get('code_challenge_method')).toBe('S256');

  const callback = await loginAtProvider(authorize, subject);
  const answer = await app.request(new URL(callback).pathname + new URL(callback).search, {
    headers: { cookie },
  });
  const session = answer.headers.getSetCookie().find((c) => c.startsWith('trellis_session='));
  return { answer, callback, session: session?.split(';')[0] ?? null };
}

describe(`OpenID Connect sign-in on ${testDatabaseKind}`, () => {
  it('signs a staff member in through the provider, matched by verified e-mail, and links the identity', async () => {
    const { answer, session } = await signInThroughProvider('staff-1');
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/');
    const home = await get(app, '/', { cookie: session!, csrf: '' });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('My classes');

    const link = await store.db
      .selectFrom('account_identities')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(link).toMatchObject({
      issuer,
      subject: 'staff-1',
      account_id: world.accounts.teacher.accountId,
    });
  });

  it('signs the same person in again through the stored link', async () => {
    await store.db
      .updateTable('people')
      .set({ email: null })
      .where('id', '=', world.accounts.teacher.personId!)
      .execute();
    const { answer } = await signInThroughProvider('staff-1');
    expect(answer.headers.get('location')).toBe('/');
  });

  it('refuses a family member: families sign in with a password', async () => {
    const { answer, session } = await signInThroughProvider('family-1');
    expect(answer.status).toBe(401);
    expect(session).toBeNull();
  });

  it('refuses a person the school does not know', async () => {
    const { answer, session } = await signInThroughProvider('stranger-1');
    expect(answer.status).toBe(401);
    expect(session).toBeNull();
  });

  it('refuses a callback whose state was used already or never issued', async () => {
    const { callback } = await signInThroughProvider('staff-1');
    const replay = await app.request(new URL(callback).pathname + new URL(callback).search);
    expect(replay.status).toBe(401);
    const forged = await app.request('/sign-in/oidc/callback?code=abc&state=made-up');
    expect(forged.status).toBe(401);
  });

  it('answers 404 for the district sign-in when no provider is set up', async () => {
    const plain = createApp({ store });
    expect((await plain.request('/sign-in/oidc/callback?code=a&state=b')).status).toBe(404);
    expect(await (await plain.request('/sign-in')).text()).not.toContain('district account');
  });
});
