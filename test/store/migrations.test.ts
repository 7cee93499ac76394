import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../src/store/database.js';
import { LATEST_MIGRATION } from '../../src/store/migrations/index.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';

describe(`migrations on ${testDatabaseKind}`, () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore();
  });
  afterAll(() => store.destroy());

  it('brings a new database to the latest version', async () => {
    expect(await schemaVersion(store)).toBe(LATEST_MIGRATION);
  });

  it('changes nothing when run a second time', async () => {
    await expect(migrate(store)).resolves.toBe(LATEST_MIGRATION);
    expect(await schemaVersion(store)).toBe(LATEST_MIGRATION);
  });

  it('round-trips hostile text unchanged', async () => {
    const name = `O'Brien "; DROP TABLE people; --`;
    await store.db
      .insertInto('people')
      .values({
        id: 'p1',
        source_id: 's1',
        kind: 'student',
        given_name: name,
        family_name: 'Ñúñez 陈',
      })
      .execute();
    const row = await store.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', 'p1')
      .executeTakeFirstOrThrow();
    expect(row.given_name).toBe(name);
    expect(row.family_name).toBe('Ñúñez 陈');
    expect(row.preferred_language).toBe('en');
  });
});
