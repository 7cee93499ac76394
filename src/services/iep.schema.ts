/**
 * The shapes IEP services accept, as zod 4 schemas: one schema gives both the type and the
 * check. Problems name the field, e.g. `goals[1].baseline.date: expected a real date like
 * 2026-09-14` or `record.outcomes[2]: expected one of independent, prompted, ...`.
 */
import { z } from 'zod';
import { finiteNumberSchema, isoDateSchema } from '../domain/input-check.js';
import { CRITERION_MEASURES } from '../domain/criterion/criterion.js';

const text = z.string({ error: 'expected text' }).trim().min(1, 'expected some text');
const id = z.string({ error: 'expected an id' }).min(1, 'expected an id');
const tally = z.number().int('expected a whole number').min(0, 'expected 0 or more');
const positive = z.number().int('expected a whole number').min(1, 'expected at least 1');
const seconds = finiteNumberSchema.min(0, 'expected 0 or more seconds');

/** Every data collection type a goal can use. */
export const COLLECTION_TYPES = [
  'trials',
  'count',
  'rate',
  'duration',
  'latency',
  'interval',
  'prompt_level',
  'task_analysis',
  'rubric',
  'cbm',
] as const;

/** The raw record of one session, one shape per data collection type. */
export const rawRecordSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('trials'),
      outcomes: z.array(z.enum(['independent', 'prompted', 'incorrect', 'no_response'])),
    }),
    z.strictObject({ type: z.literal('count'), count: tally }),
    z.strictObject({
      type: z.literal('rate'),
      count: tally,
      minutes: finiteNumberSchema.min(0, 'expected 0 or more minutes'),
    }),
    z.strictObject({ type: z.literal('duration'), episodeSeconds: z.array(seconds) }),
    z.strictObject({
      type: z.literal('latency'),
      latencySeconds: z.array(seconds.nullable()),
      ceilingSeconds: finiteNumberSchema.positive('expected more than 0 seconds'),
    }),
    z.strictObject({
      type: z.literal('interval'),
      method: z.enum(['partial', 'whole', 'momentary']),
      intervals: z.array(z.enum(['occurred', 'not_occurred', 'not_observed'])),
    }),
    z.strictObject({
      type: z.literal('prompt_level'),
      hierarchy: z.array(text).min(1, 'expected at least one level'),
      levels: z.array(text),
    }),
    z.strictObject({
      type: z.literal('task_analysis'),
      steps: z.array(z.enum(['independent', 'prompted', 'not_done'])),
    }),
    z.strictObject({ type: z.literal('rubric'), level: finiteNumberSchema.min(0) }),
    z.strictObject({ type: z.literal('cbm'), probes: z.array(finiteNumberSchema.min(0)) }),
  ],
  { error: `expected type to be one of ${COLLECTION_TYPES.join(', ')}` },
);

/**
 * Settings a goal fixes for every session, filled into a record that leaves them out: the
 * prompt hierarchy, the latency ceiling, the interval method, the task's step names.
 */
export const collectionConfigSchema = z.strictObject({
  hierarchy: z.array(text).min(1).optional(),
  ceilingSeconds: finiteNumberSchema.positive().optional(),
  method: z.enum(['partial', 'whole', 'momentary']).optional(),
  stepNames: z.array(text).optional(),
  probesPerSession: positive.optional(),
});

/** When data is due: ISO weekdays, Monday = 1 .. Sunday = 7. */
export const scheduleSchema = z.strictObject({
  weekdays: z.array(z.number().int().min(1).max(7)).min(1, 'expected at least one weekday'),
});

const decisionRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('consecutive'), points: positive.default(4) }),
  z.strictObject({ kind: z.literal('trend'), minPoints: positive.default(8) }),
]);

const objectiveSchema = z.strictObject({
  statement: text,
  targetValue: finiteNumberSchema.nullable().default(null),
  targetDate: isoDateSchema.nullable().default(null),
  criterion: z.unknown().optional(),
});

/** One goal as a form or an import sends it. */
export const goalInputSchema = z.strictObject({
  area: text,
  statement: text,
  baseline: z.strictObject({ date: isoDateSchema, value: finiteNumberSchema, method: text }),
  target: z.strictObject({ date: isoDateSchema, value: finiteNumberSchema }),
  measurement: z.enum(CRITERION_MEASURES),
  collectionType: z.enum(COLLECTION_TYPES),
  collectionConfig: collectionConfigSchema.default({}),
  direction: z.enum(['increase', 'decrease']).optional(),
  criterion: z.unknown(),
  schedule: scheduleSchema.nullable().default(null),
  trendMethod: z.enum(['ols', 'tukey']).default('ols'),
  decisionRule: decisionRuleSchema.default({ kind: 'consecutive', points: 4 }),
  unitLabel: text,
  collectorIds: z.array(id).default([]),
  objectives: z.array(objectiveSchema).default([]),
});

const teamMemberSchema = z.strictObject({ personId: id, role: text });

const accommodationSchema = z.strictObject({
  kind: z.enum(['accommodation', 'modification', 'support']),
  description: text,
  settings: text,
  frequency: text,
  provider: text,
});

const serviceSchema = z.strictObject({
  service: text,
  provider: text,
  setting: text,
  minutes: positive,
  per: z.enum(['day', 'week', 'month']),
  startDate: isoDateSchema.nullable().default(null),
  endDate: isoDateSchema.nullable().default(null),
});

/** A new IEP with its first version. */
export const iepInputSchema = z.strictObject({
  studentId: id,
  sourceId: text.optional(),
  beginDate: isoDateSchema,
  endDate: isoDateSchema,
  annualReviewDate: isoDateSchema,
  reevaluationDate: isoDateSchema,
  caseManagerId: id,
  presentLevels: text,
  disability: text.nullable().default(null),
  setting: text.nullable().default(null),
  team: z.array(teamMemberSchema).default([]),
  goals: z.array(goalInputSchema).default([]),
  accommodations: z.array(accommodationSchema).default([]),
  services: z.array(serviceSchema).default([]),
});

/** Changes to one goal in an amendment, against the goal version the editor read. */
const goalChangeSchema = z.strictObject({
  goalId: id,
  expectedVersion: positive,
  changes: goalInputSchema
    .pick({
      statement: true,
      target: true,
      criterion: true,
      schedule: true,
      decisionRule: true,
      trendMethod: true,
      collectorIds: true,
    })
    .partial(),
  objectives: z.array(objectiveSchema).optional(),
});

/** An amendment: a new version; lists left out are carried over from the current version. */
export const amendmentSchema = z.strictObject({
  expectedVersion: positive,
  effectiveDate: isoDateSchema,
  reason: text,
  plan: iepInputSchema
    .pick({
      endDate: true,
      annualReviewDate: true,
      reevaluationDate: true,
      caseManagerId: true,
      presentLevels: true,
    })
    .partial()
    .default({}),
  team: z.array(teamMemberSchema).optional(),
  accommodations: z.array(accommodationSchema).optional(),
  services: z.array(serviceSchema).optional(),
  goalChanges: z.array(goalChangeSchema).default([]),
  newGoals: z.array(goalInputSchema).default([]),
  endGoalIds: z.array(id).default([]),
});

/** One data session as staff enter it. */
export const dataSessionInputSchema = z.strictObject({
  goalId: id,
  date: isoDateSchema,
  setting: text.nullable().default(null),
  collectedBy: id.nullable().default(null),
  note: text.nullable().default(null),
  record: z.record(z.string(), z.unknown(), { error: 'expected a raw record object' }),
});

export type GoalInput = z.input<typeof goalInputSchema>;
export type CheckedGoal = z.output<typeof goalInputSchema>;
export type IepInput = z.input<typeof iepInputSchema>;
export type CheckedIep = z.output<typeof iepInputSchema>;
export type AmendmentInput = z.input<typeof amendmentSchema>;
export type CheckedAmendment = z.output<typeof amendmentSchema>;
export type DataSessionInput = z.input<typeof dataSessionInputSchema>;
export type CollectionConfig = z.output<typeof collectionConfigSchema>;
export type Schedule = z.output<typeof scheduleSchema>;
export type CheckedObjective = z.output<typeof objectiveSchema>;
export type AccommodationInput = z.output<typeof accommodationSchema>;
export type ServiceInput = z.output<typeof serviceSchema>;
