/** Small reads the report pages of the web app need beyond the report queries. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The student's school and its district (the organizations whose reporting periods apply). */
export async function findStudentOrgIds(
  db: Kysely<Database>,
  studentId: string,
): Promise<string[]> {
  const row = await db
    .selectFrom('people as p')
    .leftJoin('organizations as o', 'o.id', 'p.school_id')
    .select(['p.school_id', 'o.parent_id'])
    .where('p.id', '=', studentId)
    .executeTakeFirst();
  return [row?.school_id, row?.parent_id].filter((id): id is string => !!id);
}
