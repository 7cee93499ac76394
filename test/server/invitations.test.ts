import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import type { AppEnv } from '../../src/server/env.js';
import { tokenHashOf } from '../../src/services/invitation.service.js';
import { csrfOf, get, postForm, signIn, type Browser } from '../support/http.js';
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

const own = () => world.targets.own.studentId;

/** Creates an invitation as `browser` for `studentId`; answers the link's path. */
async function invite(browser: Browser, studentId: string, givenName = 'Aoife'): Promise<string> {
  const response = await postForm(app, `/students/${studentId}/invitations`, browser, {
    givenName,
    familyName: "O'Brien",
    relation: 'mother',
  });
  expect(response.status).toBe(200);
  const link = /value="(http:\/\/localhost\/invitations\/[\w-]+)"/.exec(await response.text());
  return new URL(link![1]!).pathname;
}

/** Opens the link in a fresh browser and submits the acceptance form. */
async function accept(path: string, username: string, password: string) {
  // A fresh browser: the pre-session cookie and its token, as the sign-in page hands them out.
  const signInPage = await app.request('/sign-in');
  const cookie = signInPage.headers.getSetCookie()[0]!.split(';')[0]!;
  const csrf = csrfOf(await signInPage.text());
  const page = await app.request(path, { headers: { cookie } });
  const html = await page.text();
  const response = await app.request(path, {
    method: 'POST',
    headers: {
      cookie,
      origin: 'http://localhost',
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ _csrf: csrf, username, password }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('trellis_session='));
  return { page, html, response, cookie: session?.split(';')[0] ?? null };
}

describe(`invitations on ${testDatabaseKind}`, () => {
  it('lets an administrator invite a parent who then sees only their own child', async () => {
    const admin = await browserFor(store.db, world.accounts.admin.accountId);
    const path = await invite(admin, own());

    const joined = await accept(path, 'aoife.obrien', 'quiet meadow lantern 42');
    expect(joined.html).toContain('follow Test&#39;s learning');
    expect(joined.response.status).toBe(303);
    const parent: Browser = { cookie: joined.cookie!, csrf: '' };

    const home = await (await get(app, '/', parent)).text();
    expect(home).toContain('Test Own');
    expect(home).not.toContain('Test Same');
    expect((await get(app, `/students/${own()}`, parent)).status).toBe(200);
    expect((await get(app, `/students/${world.targets.same.studentId}`, parent)).status).toBe(404);
    expect((await get(app, `/students/${world.targets.other.studentId}`, parent)).status).toBe(404);

    const person = await store.db
      .selectFrom('accounts as a')
      .innerJoin('people as p', 'p.id', 'a.person_id')
      .select(['p.family_name', 'a.role'])
      .where('a.username', '=', 'aoife.obrien')
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ family_name: "O'Brien", role: 'guardian' });
  });

  it('stores only a hash of the token, and the link works once', async () => {
    const admin = await browserFor(store.db, world.accounts.admin.accountId);
    const path = await invite(admin, own());
    const token = path.split('/').at(-1)!;
    const rows = await store.db.selectFrom('invitations').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).toContain(tokenHashOf(token));
    expect(JSON.stringify(rows)).not.toContain(token);

    expect((await accept(path, 'first.user', 'quiet meadow lantern 42')).response.status).toBe(303);
    const again = await accept(path, 'second.user', 'quiet meadow lantern 42');
    expect(again.page.status).toBe(404);
    expect(again.response.status).toBe(404);
  });

  it('answers an expired, a revoked and an unknown link with the same page', async () => {
    const admin = await browserFor(store.db, world.accounts.admin.accountId);
    const expired = await invite(admin, own());
    await store.db
      .updateTable('invitations')
      .set({ expires_at: '2020-01-01T00:00:00.000Z' })
      .where('token_hash', '=', tokenHashOf(expired.split('/').at(-1)!))
      .execute();
    const unknown = `/invitations/${'x'.repeat(43)}`;

    const [a, b] = [await app.request(expired), await app.request(unknown)];
    expect(a.status).toBe(404);
    expect(b.status).toBe(404);
    const strip = (html: string) => html.replaceAll(/[\w-]{24,}/g, 'TOKEN');
    expect(strip(await a.text())).toBe(strip(await b.text()));
  });

  it('refuses a common or short password with a message, and creates nothing', async () => {
    const admin = await browserFor(store.db, world.accounts.admin.accountId);
    const path = await invite(admin, own());

    const common = await accept(path, 'weak.user', 'Password123!');
    expect(common.response.status).toBe(400);
    expect(await common.response.text()).toContain('list of common passwords');
    const short = await accept(path, 'weak.user', 'a1b2c3');
    expect(await short.response.text()).toContain('at least 10 characters');
    const made = await store.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', 'weak.user')
      .execute();
    expect(made).toEqual([]);
    expect((await accept(path, 'weak.user', 'river stone cedar 7')).response.status).toBe(303);
  });

  it('lets a teacher invite a family member of a student in their class, and answers 404 for another student', async () => {
    const teacher = await browserFor(store.db, world.accounts.teacher.accountId);
    await invite(teacher, own());
    const other = await postForm(
      app,
      `/students/${world.targets.same.studentId}/invitations`,
      teacher,
      {
        givenName: 'X',
        familyName: 'Y',
      },
    );
    expect(other.status).toBe(404);
  });

  it('answers 404 when a guardian or a student tries to invite', async () => {
    for (const actor of ['guardian', 'student'] as const) {
      const browser = await browserFor(store.db, world.accounts[actor].accountId);
      expect((await get(app, `/students/${own()}/invitations/new`, browser)).status).toBe(404);
    }
  });

  it('refuses unknown fields such as studentId in the invitation form', async () => {
    const admin = await browserFor(store.db, world.accounts.admin.accountId);
    const response = await postForm(app, `/students/${own()}/invitations`, admin, {
      givenName: 'A',
      familyName: 'B',
      studentId: world.targets.other.studentId,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Unknown field: studentId');
  });

  it('signs the new parent in with a fresh session and no second factor', async () => {
    const admin = await browserFor(store.db, world.accounts.admin.accountId);
    const path = await invite(admin, own(), 'Maeve');
    await accept(path, 'maeve.obrien', 'harbour violet kettle 9');
    const { response } = await signIn(app, 'maeve.obrien', 'harbour violet kettle 9');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
  });
});
