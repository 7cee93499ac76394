import type { Hono } from 'hono';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import type { AppEnv } from '../../src/server/env.js';
import { saveSecuritySettings } from '../../src/store/settings.repository.js';
import { csrfOf, get } from '../support/http.js';
import { buildSecurityWorld, type SecurityWorld } from '../support/security-world.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';

let store: TestStore;
let app: Hono<AppEnv>;
let world: SecurityWorld;

beforeAll(async () => {
  store = await createTestStore();
  world = await buildSecurityWorld(store.db);
  app = createApp({ store });
  await saveSecuritySettings(
    store.db,
    world.districtA,
    { requireStaffTotp: true, retentionDays: 30 },
    { accountId: null, at: new Date().toISOString() },
  );
});
afterAll(() => store.destroy());

/** A browser's cookie jar as one header, updated from each answer. */
class Jar {
  private readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  take(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = [
        pair!.slice(0, pair!.indexOf('=')),
        pair!.slice(pair!.indexOf('=') + 1),
      ];
      if (value === '' || /Max-Age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

async function send(jar: Jar, path: string, fields?: Record<string, string>, csrf = '') {
  const init: RequestInit = fields
    ? {
        method: 'POST',
        headers: {
          cookie: jar.header(),
          origin: 'http://localhost',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ _csrf: csrf, ...fields }),
      }
    : { headers: { cookie: jar.header() } };
  return jar.take(await app.request(path, init));
}

/** Signs in with the password; answers the jar and the page the browser lands on. */
async function passwordStep(actor: 'teacher' | 'guardian') {
  const jar = new Jar();
  const page = await send(jar, '/sign-in');
  const { username, password } = world.accounts[actor];
  const response = await send(jar, '/sign-in', { username, password }, csrfOf(await page.text()));
  return { jar, response };
}

let secret = '';
const codeAt = (seconds: number) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + seconds });

describe(`second factor on ${testDatabaseKind}`, () => {
  it('makes staff of a district that requires it enrol with a QR code before any session opens', async () => {
    const { jar, response } = await passwordStep('teacher');
    expect(response.headers.get('location')).toBe('/sign-in/second-factor');
    expect(jar.header()).not.toContain('trellis_session');

    const page = await send(jar, '/sign-in/second-factor');
    const html = await page.text();
    expect(html).toContain('data:image/svg+xml;base64,');
    secret = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(html)![1]!.replaceAll(' ', '');
    expect(secret.length).toBeGreaterThanOrEqual(26);

    const done = await send(jar, '/sign-in/second-factor', { code: await codeAt(0) }, csrfOf(html));
    expect(done.status).toBe(200);
    const codes = [
      ...(await done.text()).matchAll(/<code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})<\/code>/g),
    ];
    expect(codes).toHaveLength(10);
    expect(jar.header()).toContain('trellis_session');
    expect((await get(app, '/', { cookie: jar.header(), csrf: '' })).status).toBe(200);
    recovery = codes.map((m) => m[1]!);
  });

  let recovery: string[] = [];

  it('asks for a code at the next sign-in, refuses a wrong one, and accepts the right one once', async () => {
    const { jar } = await passwordStep('teacher');
    const page = await send(jar, '/sign-in/second-factor');
    const csrf = csrfOf(await page.text());

    const wrong = await send(jar, '/sign-in/second-factor', { code: '000000' }, csrf);
    expect(wrong.status).toBe(400);
    expect(jar.header()).not.toContain('trellis_session');

    const code = await codeAt(30);
    const right = await send(jar, '/sign-in/second-factor', { code }, csrf);
    expect(right.status).toBe(303);
    expect(jar.header()).toContain('trellis_session');

    const second = await passwordStep('teacher');
    const again = await send(second.jar, '/sign-in/second-factor');
    const replay = await send(
      second.jar,
      '/sign-in/second-factor',
      { code },
      csrfOf(await again.text()),
    );
    expect(replay.status).toBe(400);
  });

  it('accepts a recovery code once, instead of the app', async () => {
    for (const expected of [303, 400]) {
      const { jar } = await passwordStep('teacher');
      const page = await send(jar, '/sign-in/second-factor');
      const response = await send(
        jar,
        '/sign-in/second-factor',
        { code: recovery[0]!.toUpperCase() },
        csrfOf(await page.text()),
      );
      expect(response.status).toBe(expected);
    }
  });

  it('does not ask a family member for a second factor', async () => {
    const { response } = await passwordStep('guardian');
    expect(response.headers.get('location')).toBe('/');
  });

  it('stores recovery codes only as hashes', async () => {
    const rows = await store.db.selectFrom('recovery_codes').select('code_hash').execute();
    expect(rows.length).toBe(10);
    expect(JSON.stringify(rows)).not.toContain(recovery[1]!);
  });

  it('sends a browser without a challenge back to the sign-in page', async () => {
    const response = await app.request('/sign-in/second-factor');
    expect(response.headers.get('location')).toBe('/sign-in');
  });
});
