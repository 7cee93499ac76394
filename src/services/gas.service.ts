/**
 * Goal attainment scaling at an IEP review: the team scores each goal that suits it from −2
 * (much less than expected) to +2 (much more than expected), with a weight; Trellis stores
 * the levels and shows the T-score of the set (src/domain/gas). Reviews are never changed: a
 * later review is a new one.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DEFAULT_RHO, gasTScore } from '../domain/gas/gas.js';
import { checkWith, isoDateSchema } from '../domain/input-check.js';
import { listCurrentGoals, findIep } from '../store/iep-records.repository.js';
import { insertGasReview, listGasReviews } from '../store/iep-web.repository.js';
import type { Database } from '../store/schema.js';
import { audit, type Actor, type Outcome } from './iep.service.js';

type Db = Kysely<Database>;

const reviewSchema = z.strictObject({
  reviewDate: isoDateSchema,
  rho: z
    .number({ error: 'expected a number' })
    .min(0, 'expected ρ from 0 up to (not including) 1')
    .lt(1, 'expected ρ from 0 up to (not including) 1')
    .default(DEFAULT_RHO),
  note: z.string().trim().min(1).nullable().default(null),
  levels: z
    .array(
      z.strictObject({
        goalId: z.string().min(1),
        level: z
          .number({ error: 'expected a level from −2 to +2' })
          .int('expected a whole level from −2 to +2')
          .min(-2, 'expected a level from −2 to +2')
          .max(2, 'expected a level from −2 to +2'),
        weight: z.number({ error: 'expected a weight' }).positive('expected a weight above 0'),
      }),
    )
    .min(1, 'score at least one goal'),
});

/** A review as a form sends it. */
export type GasReviewInput = z.input<typeof reviewSchema>;

/** A stored review with its T-score. */
export interface GasReviewView {
  readonly id: string;
  readonly reviewDate: string;
  readonly rho: number;
  readonly note: string | null;
  readonly levels: ReadonlyArray<{
    readonly goalId: string;
    readonly level: number;
    readonly weight: number;
  }>;
  /** T = 50 + 10 Σ wᵢxᵢ / √((1 − ρ) Σ wᵢ² + ρ (Σ wᵢ)²). */
  readonly tScore: number;
}

/**
 * Records a GAS review of an IEP's current goals. Refused (as data) when a level is outside
 * −2..+2, a weight is not above 0, ρ is outside [0, 1), no goal is scored, or a goal is not a
 * current goal of the IEP.
 *
 * Example: levels 1, 0, −1 with weights 1 give Σ wᵢxᵢ = 0, so T = 50.
 */
export async function recordGasReview(
  db: Db,
  iepId: string,
  input: unknown,
  actor: Actor,
  now: Date,
): Promise<Outcome<GasReviewView>> {
  const checked = checkWith(reviewSchema, input);
  if (!checked.ok) return { ok: false, kind: 'invalid', problems: [checked.problem] };

  const iep = await findIep(db, iepId);
  if (!iep) return { ok: false, kind: 'not_found' };
  const current = new Set((await listCurrentGoals(db, iepId)).map((goal) => goal.id));
  const stranger = checked.value.levels.findIndex((level) => !current.has(level.goalId));
  if (stranger >= 0) {
    const problem = `levels[${stranger}].goalId: not a current goal of this IEP`;
    return { ok: false, kind: 'invalid', problems: [problem] };
  }

  const review = checked.value;
  const id = randomUUID();
  await insertGasReview(
    db,
    {
      id,
      iep_id: iepId,
      review_date: review.reviewDate,
      rho: review.rho,
      note: review.note,
      recorded_by: actor.personId,
      recorded_at: now.toISOString(),
    },
    review.levels.map((l) => ({ review_id: id, goal_id: l.goalId, ...pick(l) })),
  );
  await audit(db, actor, now, 'create', 'iep_gas_review', id, iep.student_id);
  return { ok: true, value: { id, ...review, tScore: tScoreOf(review.levels, review.rho) } };
}

function pick(level: { readonly level: number; readonly weight: number }) {
  return { level: level.level, weight: level.weight };
}

/** The IEP's GAS reviews, newest first, each with its T-score. */
export async function listGasReviewViews(db: Db, iepId: string): Promise<GasReviewView[]> {
  const stored = await listGasReviews(db, iepId);
  return stored.map(({ review, levels }) => {
    const scored = levels.map((l) => ({ goalId: l.goal_id, level: l.level, weight: l.weight }));
    return {
      id: review.id,
      reviewDate: review.review_date,
      rho: Number(review.rho),
      note: review.note,
      levels: scored,
      tScore: tScoreOf(scored, Number(review.rho)),
    };
  });
}

function tScoreOf(
  levels: ReadonlyArray<{ readonly level: number; readonly weight: number }>,
  rho: number,
): number {
  return gasTScore(
    levels.map((l) => l.level),
    levels.map((l) => l.weight),
    rho,
  );
}
