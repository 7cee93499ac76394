/**
 * Keeps stored mastery results current: after evidence for a student and standard changes,
 * `refreshMastery` recomputes that pair from its evidence and upserts the result.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

export interface StudentStandard {
  readonly studentId: string;
  readonly standardId: string;
}

/** Recomputes and stores the mastery of each pair from its evidence. */
export async function refreshMastery(
  db: Kysely<Database>,
  pairs: ReadonlyArray<StudentStandard>,
): Promise<void> {
  const computedAt = new Date().toISOString();
  for (const { studentId, standardId } of pairs) {
    const rows = await db
      .selectFrom('evidence')
      .select(['score'])
      .where('student_id', '=', studentId)
      .where('standard_id', '=', standardId)
      .where('excluded', '=', 0)
      .where('score', 'is not', null)
      .orderBy('observed_at')
      .orderBy('id')
      .execute();
    const latest = rows.at(-1)?.score ?? null;
    await db
      .insertInto('mastery_results')
      .values({
        student_id: studentId,
        standard_id: standardId,
        method: 'latest',
        param: null,
        score: latest,
        level_value: latest === null ? null : Math.floor(latest),
        evidence_count: rows.length,
        computed_at: computedAt,
      })
      .onConflict((oc) =>
        oc.columns(['student_id', 'standard_id']).doUpdateSet((eb) => ({
          method: eb.ref('excluded.method'),
          score: eb.ref('excluded.score'),
          level_value: eb.ref('excluded.level_value'),
          evidence_count: eb.ref('excluded.evidence_count'),
          computed_at: eb.ref('excluded.computed_at'),
        })),
      )
      .execute();
  }
}

/** Recomputes every stored result from the evidence; returns how many pairs it computed. */
export async function rebuildMastery(db: Kysely<Database>): Promise<number> {
  const pairs = await db
    .selectFrom('evidence')
    .select(['student_id as studentId', 'standard_id as standardId'])
    .distinct()
    .execute();
  await refreshMastery(db, pairs);
  return pairs.length;
}
