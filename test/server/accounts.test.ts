import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { SIGN_IN_FAILED } from '../../src/server/auth.routes.js';
import type { AppEnv } from '../../src/server/env.js';
import { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT } from '../../src/services/auth.service.js';
import { makeAccount, makePerson, makeSchool } from '../support/factories.js';
import { get, postForm, signedIn, signIn } from '../support/http.js';
import { browserFor, buildSecurityWorld, type SecurityWorld } from '../support/security-world.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';

let store: TestStore;
let app: Hono<AppEnv>;
let world: SecurityWorld;

beforeAll(async () => {
  store = await createTestStore();
  world = await buildSecurityWorld(store.db);
  app = createApp({ store });
});
afterAll(() => store.destroy());

const escaped = (text: string) => text.replaceAll("'", '&#39;');

async function newTeacher() {
  const personId = await makePerson(store.db, { kind: 'staff', schoolId: world.schoolA });
  return makeAccount(store.db, { role: 'teacher', personId });
}

describe(`sign-in throttling on ${testDatabaseKind}`, () => {
  it('refuses a name after repeated failures, even with the right password, and says so the same way for an unknown name', async () => {
    const account = await newTeacher();
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i += 1) {
      const { response } = await signIn(app, account.username, 'wrong password');
      expect(response.status).toBe(401);
      expect(await response.text()).toContain(escaped(SIGN_IN_FAILED));
    }
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i += 1) await signIn(app, 'no-such-person', 'x');

    const known = await signIn(app, account.username, account.password);
    const unknown = await signIn(app, 'no-such-person', 'x');
    expect(known.response.status).toBe(429);
    expect(unknown.response.status).toBe(429);
    const strip = (html: string, name: string) =>
      html.replaceAll(name, 'NAME').replaceAll(/[\w-]{24,}/g, 'TOKEN');
    expect(strip(await known.response.text(), account.username)).toBe(
      strip(await unknown.response.text(), 'no-such-person'),
    );
    expect(known.browser).toBeNull();
  });

  it('keeps the failures in the database, hashed, so another server sees them', async () => {
    const account = await newTeacher();
    await signIn(app, account.username, 'wrong password');
    const rows = await store.db.selectFrom('sign_in_failures').select('key').execute();
    expect(rows.some((row) => row.key.includes(account.username))).toBe(false);

    const otherServer = createApp({ store });
    for (let i = 1; i < ACCOUNT_FAILURE_LIMIT; i += 1) await signIn(app, account.username, 'nope');
    const { response } = await signIn(otherServer, account.username, account.password);
    expect(response.status).toBe(429);
  });

  it('refuses an address after many failures across names, when behind a trusted proxy', async () => {
    const proxied = createApp({ store, trustProxy: true });
    const from = (address: string) => async (username: string, password: string) => {
      const page = await proxied.request('/sign-in');
      const cookie = page.headers.getSetCookie()[0]!.split(';')[0]!;
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
      return proxied.request('/sign-in', {
        method: 'POST',
        headers: {
          cookie,
          origin: 'http://localhost',
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': address,
        },
        body: new URLSearchParams({ _csrf: csrf, username, password }),
      });
    };
    const attacker = from('203.0.113.9');
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i += 1) await attacker(`guess-${i}`, 'password1');

    const account = await newTeacher();
    expect((await attacker(account.username, account.password)).status).toBe(429);
    expect((await from('198.51.100.7')(account.username, account.password)).status).toBe(303);
  });

  it('clears the failures of a name after it signs in', async () => {
    const account = await newTeacher();
    for (let i = 1; i < ACCOUNT_FAILURE_LIMIT; i += 1) await signIn(app, account.username, 'nope');
    expect((await signIn(app, account.username, account.password)).response.status).toBe(303);
    expect((await signIn(app, account.username, 'nope')).response.status).toBe(401);
    expect((await signIn(app, account.username, account.password)).response.status).toBe(303);
  });
});

describe('sessions', () => {
  it('ends every session of the account at "sign out everywhere"', async () => {
    const account = await newTeacher();
    const laptop = await signedIn(app, account.username, account.password);
    const phone = await signedIn(app, account.username, account.password);

    const out = await postForm(app, '/account/sign-out-everywhere', laptop, {});
    expect(out.status).toBe(303);
    expect((await get(app, '/', phone)).headers.get('location')).toBe('/sign-in');
    expect((await get(app, '/', laptop)).headers.get('location')).toBe('/sign-in');
    const left = await store.db
      .selectFrom('auth_sessions')
      .select('id')
      .where('account_id', '=', account.accountId)
      .execute();
    expect(left).toEqual([]);
  });

  it('ends the sessions of an account at once when an administrator deactivates it, and lets it back after reactivation', async () => {
    const account = await newTeacher();
    const teacher = await signedIn(app, account.username, account.password);
    const admin = await browserFor(store.db, world.accounts.admin.accountId);

    const page = await get(app, '/admin/accounts', admin);
    expect(await page.text()).toContain(account.username);
    const off = await postForm(app, `/admin/accounts/${account.accountId}/deactivate`, admin, {});
    expect(off.status).toBe(303);
    expect((await get(app, '/', teacher)).headers.get('location')).toBe('/sign-in');
    expect((await signIn(app, account.username, account.password)).response.status).toBe(401);

    const on = await postForm(app, `/admin/accounts/${account.accountId}/reactivate`, admin, {});
    expect(on.status).toBe(303);
    expect((await signIn(app, account.username, account.password)).response.status).toBe(303);
  });

  it('answers 404 when an administrator deactivates an account of another district, and leaves it active', async () => {
    const { schoolId } = await makeSchool(store.db, 'Cedar School (test)');
    const faraway = await makeAccount(store.db, {
      role: 'teacher',
      personId: await makePerson(store.db, { kind: 'staff', schoolId }),
    });
    const admin = await browserFor(store.db, world.accounts.admin.accountId);
    const response = await postForm(
      app,
      `/admin/accounts/${faraway.accountId}/deactivate`,
      admin,
      {},
    );
    expect(response.status).toBe(404);
    expect((await signIn(app, faraway.username, faraway.password)).response.status).toBe(303);
  });

  it("lists only the accounts of the administrator's district, filtered by role and sorted by an allowed column", async () => {
    const admin = await browserFor(store.db, world.accounts.admin.accountId);
    const html = await (await get(app, '/admin/accounts?role=guardian&sort=name', admin)).text();
    expect(html).toContain(world.accounts.guardian.username);
    expect(html).not.toContain(world.accounts.teacher.username);
    const all = await (await get(app, '/admin/accounts', admin)).text();
    expect(all).toContain(world.accounts.teacher.username);
  });

  it('answers 400 for a sort column or role outside the allow-list', async () => {
    const admin = await browserFor(store.db, world.accounts.admin.accountId);
    expect((await get(app, '/admin/accounts?sort=password_hash', admin)).status).toBe(400);
    expect((await get(app, '/admin/accounts?role=superuser', admin)).status).toBe(400);
    expect(
      (await get(app, '/admin/accounts?sort=username;drop table accounts', admin)).status,
    ).toBe(400);
  });

  it('answers 404 when a teacher opens the accounts page', async () => {
    const teacher = await browserFor(store.db, world.accounts.teacher.accountId);
    expect((await get(app, '/admin/accounts', teacher)).status).toBe(404);
  });
});

describe('sign-in audit', () => {
  it('audits successful and failed sign-ins without the name typed or the password', async () => {
    const account = await newTeacher();
    await signIn(app, account.username, 'wrong password');
    await signIn(app, account.username, account.password);
    const rows = await store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('account_id', '=', account.accountId)
      .execute();
    expect(rows.map((row) => row.action)).toEqual(['sign-in-refused', 'password-ok', 'sign-in']);
    for (const row of rows) {
      expect(JSON.stringify(row)).not.toContain('wrong password');
      expect(row.at).toMatch(/Z$/);
    }
  });
});
