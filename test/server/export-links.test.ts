/**
 * The bulk export is found from the pages: the class page offers "Export mastery (CSV)" to a
 * teacher granted the bulk-export permission, the administrator's schools page offers it per
 * school to an administrator granted it, nobody else sees the link, and following it
 * downloads the CSV.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePdfBrowser } from '../../src/reports/pdf.js';
import { createApp } from '../../src/server/app.js';
import type { AppEnv } from '../../src/server/env.js';
import { grantPermission } from '../../src/store/account.repository.js';
import { get, type Browser } from '../support/http.js';
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
afterAll(async () => {
  await closePdfBrowser();
  await store.destroy();
});

const as = (actor: keyof SecurityWorld['accounts']): Promise<Browser> =>
  browserFor(store.db, world.accounts[actor].accountId);

const HEADER =
  'student_id,given_name,family_name,standard_code,standard,score,level,evidence_count,computed_at';

/** The href of the page's "Export mastery (CSV)" link, or null when there is none. */
function exportHref(html: string): string | null {
  const match = /<a[^>]*href="([^"]+)"[^>]*>\s*Export mastery \(CSV\)/.exec(html);
  return match ? match[1]!.replace(/&amp;/g, '&') : null;
}

describe(`links to the bulk export on ${testDatabaseKind}`, () => {
  it('shows no export link on the class page to a teacher without the permission', async () => {
    const classId = world.targets.own.classId;
    const html = await (await get(app, `/classes/${classId}`, await as('teacher'))).text();

    expect(html).toContain('Record evidence');
    expect(html).not.toContain('Export mastery (CSV)');
  });

  it('shows no export link on the schools page to an administrator without it', async () => {
    const html = await (await get(app, '/', await as('admin'))).text();

    expect(html).toContain('<h1>Schools</h1>');
    expect(html).not.toContain('Export mastery (CSV)');
  });

  it('links the class export for a teacher granted the permission, and the link downloads CSV', async () => {
    const teacher = world.accounts.teacher.accountId;
    const at = new Date().toISOString();
    await grantPermission(store.db, {
      accountId: teacher,
      permission: 'bulk-export',
      grantedBy: null,
      at,
    });
    const classId = world.targets.own.classId;
    const browser = await as('teacher');

    const html = await (await get(app, `/classes/${classId}`, browser)).text();
    const href = exportHref(html);
    expect(href).toBe(`/classes/${classId}/mastery.csv`);

    const response = await get(app, href!, browser);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await response.text()).split('\n')[0]).toBe(HEADER);
  });

  it("links each school's export for an administrator holding the permission", async () => {
    const browser = await as('exporter');
    const html = await (await get(app, '/', browser)).text();
    const href = exportHref(html);
    expect(href).toBe(`/schools/${world.schoolA}/mastery.csv`);

    const response = await get(app, href!, browser);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="school-mastery.csv"',
    );
    expect((await response.text()).split('\n')[0]).toBe(HEADER);
  });
});
