/**
 * IEP progress-monitoring demo data for the demo school: for each IEP student an IEP with
 * goals of several measurement types (percent of trials, count, duration, prompt level, task
 * analysis, CBM words correct per minute), objectives, accommodations and services, 10 to 14
 * weeks of synthetic data sessions with a holiday week and an absence left as gaps, one phase
 * change, one amendment, and reporting periods with one quarter's reports confirmed and sent.
 *
 * The data is shaped so the graphs show all three decisions across students: Mateo's reading
 * fluency grows faster than its goal line (raise the goal), Sione's morning routine stays flat
 * (change the intervention), and the others move along their goal lines (continue). Every
 * value comes from a raw record through the same path as staff entry, so the demo also
 * exercises validation and the derived values. Every person is invented.
 */
import type { Kysely } from 'kysely';
import { weeksBetween } from '../domain/progress/dates.js';
import { insertReportingPeriods } from '../store/iep-records.repository.js';
import type { Database } from '../store/schema.js';
import type { GoalInput, IepInput } from './iep.schema.js';
import { amendIep, createIep, type Actor } from './iep.service.js';
import {
  confirmProgressCode,
  markProgressReportSent,
  recordDataSession,
  recordPhaseChange,
  suggestProgressCode,
} from './progress-monitoring.service.js';

/** Who the demo IEPs are for. */
export interface IepDemoOptions {
  /** The IEP students' ids; the first three get the three plans below (others are skipped). */
  readonly studentIds: readonly string[];
  readonly caseManagerId: string;
  /** The school whose reporting periods these are; null or left out: everywhere. */
  readonly schoolId?: string | null;
  readonly now?: Date;
}

/** What was seeded, for tests and the start-up banner. */
export interface IepDemo {
  readonly iepIds: readonly string[];
  /** Goal ids by a short key ("mateo-fluency", "sione-routine", ...). */
  readonly goalIds: Readonly<Record<string, string>>;
}

/** Seeds the IEP progress demo; call once on a database that has the demo school's people. */
export async function seedIepProgressDemo(
  db: Kysely<Database>,
  options: IepDemoOptions,
): Promise<IepDemo> {
  const now = options.now ?? new Date('2026-12-03T15:00:00.000Z');
  const actor: Actor = { personId: options.caseManagerId, accountId: null, requestId: null };
  const plans = PLANS.slice(0, options.studentIds.length);
  const iepIds: string[] = [];
  const goalIds: Record<string, string> = {};

  for (const [index, plan] of plans.entries()) {
    const input = plan.iep(options.studentIds[index]!, options.caseManagerId);
    const created = await createIep(db, input, actor, now);
    if (!created.ok) throw new Error(`demo IEP refused: ${JSON.stringify(created)}`);
    iepIds.push(created.value.iepId);

    for (const [goalIndex, goal] of plan.goals.entries()) {
      const goalId = created.value.goalIds[goalIndex]!;
      goalIds[goal.key] = goalId;
      await seedSessions(db, goalId, goal, options.caseManagerId, actor, now);
    }
    if (plan.amendment) await amendOnce(db, created.value.iepId, plan.amendment, actor, now);
  }

  await seedReports(db, options.schoolId ?? null, goalIds, actor, now);
  return { iepIds, goalIds };
}

/** A demo goal: its input, the data-shaping plan and the raw-record builder. */
interface DemoGoal {
  readonly key: string;
  readonly input: GoalInput;
  /** Session dates run from `start` on the goal's schedule, until `end`. */
  readonly start: string;
  readonly end: string;
  /** The value wanted on a date; turned into a raw record by `record`. */
  value(week: number, index: number): number;
  record(value: number, index: number): Record<string, unknown>;
  readonly phaseChange?: { readonly date: string; readonly label: string };
  /** Dates left without data (absences); the holiday week is always skipped. */
  readonly absent?: readonly string[];
}

interface DemoPlan {
  iep(studentId: string, caseManagerId: string): IepInput;
  readonly goals: readonly DemoGoal[];
  readonly amendment?: Record<string, unknown>;
}

const HOLIDAY = { from: '2026-11-23', to: '2026-11-27' } as const;

/** A small repeating wobble so synthetic data looks measured, not drawn with a ruler. */
const WOBBLE = [0.4, -0.7, 0.9, -0.2, 0.6, -0.9, 0.1, 0.8, -0.5, 0.3, -0.8, 0.7];

function wobble(index: number): number {
  return WOBBLE[index % WOBBLE.length]!;
}

/** The goal line's value `week` weeks after the baseline. */
function onGoalLine(goal: GoalInput, week: number): number {
  const weeks = weeksBetween(goal.baseline.date, goal.target.date);
  return goal.baseline.value + ((goal.target.value - goal.baseline.value) * week) / weeks;
}

const mateoFluency: GoalInput = {
  area: 'Reading fluency',
  statement:
    'Given a grade 5 reading passage, Mateo will read aloud at 100 words correct per minute, ' +
    'the median of three one-minute probes, on 3 consecutive weekly probes.',
  baseline: { date: '2026-09-01', value: 62, method: 'median of three grade 5 probes' },
  target: { date: '2027-03-12', value: 100 },
  measurement: 'score',
  collectionType: 'cbm',
  collectionConfig: { probesPerSession: 3 },
  criterion: { measure: 'score', atLeast: 100, sessions: { consecutive: 3 } },
  schedule: { weekdays: [3] },
  unitLabel: 'words correct per minute',
  objectives: [
    {
      statement: 'By December, 75 words correct per minute.',
      targetValue: 75,
      targetDate: '2026-12-18',
    },
    {
      statement: 'By March, 100 words correct per minute.',
      targetValue: 100,
      targetDate: '2027-03-12',
    },
  ],
};

const mateoFacts: GoalInput = {
  area: 'Math calculation',
  statement:
    'Given 10 multiplication facts to 10 × 10, Mateo will answer independently with 80% ' +
    'accuracy in 3 consecutive sessions of at least 10 trials.',
  baseline: { date: '2026-09-01', value: 40, method: 'three baseline sessions of 10 facts' },
  target: { date: '2027-03-12', value: 80 },
  measurement: 'percent',
  collectionType: 'trials',
  criterion: { measure: 'percent', atLeast: 80, minTrials: 10, sessions: { consecutive: 3 } },
  schedule: { weekdays: [2, 4] },
  unitLabel: '% of trials correct',
  objectives: [
    { statement: 'Facts to 5 × 10 with 80% accuracy.', targetValue: 80, targetDate: '2026-12-18' },
  ],
};

const sioneRoutine: GoalInput = {
  area: 'Self-care and independence',
  statement:
    'When arriving at school, Sione will complete the 8 steps of the morning routine ' +
    'independently in 4 of 5 sessions.',
  baseline: { date: '2026-09-01', value: 2, method: 'task analysis on three mornings' },
  target: { date: '2027-05-28', value: 8 },
  measurement: 'steps',
  collectionType: 'task_analysis',
  collectionConfig: {
    stepNames: [
      'Hang backpack',
      'Take out folder',
      'Hand in homework',
      'Choose lunch',
      'Sharpen pencil',
      'Read the schedule',
      'Sit at desk',
      'Start morning work',
    ],
  },
  criterion: { measure: 'steps', atLeast: 8, sessions: { atLeast: 4, of: 5 } },
  schedule: { weekdays: [1, 3, 5] },
  unitLabel: 'steps done independently (of 8)',
};

const sioneOutOfSeat: GoalInput = {
  area: 'Behavior',
  statement:
    'During a 30-minute independent work period, Sione will spend no more than 2 minutes out ' +
    'of his seat without permission, in 4 of 5 sessions.',
  baseline: { date: '2026-09-01', value: 540, method: 'timed observation on three days' },
  target: { date: '2027-05-28', value: 120 },
  measurement: 'duration',
  collectionType: 'duration',
  criterion: { measure: 'duration', atMost: 120, sessions: { atLeast: 4, of: 5 } },
  schedule: { weekdays: [2, 4] },
  unitLabel: 'seconds out of seat per 30 minutes',
};

const hanaPrompts: GoalInput = {
  area: 'Expressive language',
  statement:
    'When asked to explain a math strategy, Hana will give three ordered steps using sequence ' +
    'words with no more than a gestural prompt, in 3 consecutive sessions.',
  baseline: { date: '2026-09-21', value: 3, method: 'prompt level over two sessions' },
  target: { date: '2027-06-04', value: 1 },
  measurement: 'prompt_level',
  collectionType: 'prompt_level',
  collectionConfig: {
    hierarchy: ['independent', 'gestural', 'verbal', 'model', 'physical'],
  },
  criterion: { measure: 'prompt_level', atMost: 1, sessions: { consecutive: 3 } },
  schedule: { weekdays: [2, 4] },
  unitLabel: 'prompt level (0 independent, 4 physical)',
};

const hanaInitiations: GoalInput = {
  area: 'Social communication',
  statement:
    'During a 20-minute lunch period, Hana will start a conversation with a peer at least ' +
    '4 times in 3 consecutive sessions.',
  baseline: { date: '2026-09-21', value: 1, method: 'event recording on three days' },
  target: { date: '2027-06-04', value: 4 },
  measurement: 'count',
  collectionType: 'count',
  criterion: { measure: 'count', atLeast: 4, sessions: { consecutive: 3 } },
  schedule: { weekdays: [1, 5] },
  unitLabel: 'initiations per lunch',
};

const PROMPTS = ['independent', 'gestural', 'verbal', 'model', 'physical'] as const;

const PLANS: readonly DemoPlan[] = [
  {
    iep: (studentId, caseManagerId) =>
      iep(studentId, caseManagerId, '2026-09-01', '2027-08-31', [mateoFluency, mateoFacts], {
        presentLevels:
          'Mateo reads grade 5 text at 62 words correct per minute and answers 4 of 10 ' +
          'multiplication facts independently. He explains his thinking well aloud.',
        services: [
          ['Specialized reading instruction', 30, 'day'],
          ['Math intervention', 60, 'week'],
        ],
      }),
    goals: [
      {
        key: 'mateo-fluency',
        input: mateoFluency,
        start: '2026-09-09',
        end: '2026-12-02',
        // Grows about 2.2 words a week against a goal line of about 1.4: well above it.
        value: (week, i) => Math.round(62 + 2.2 * week + 2 * wobble(i)),
        record: (value, i) => ({ probes: [value - 3 - (i % 3), value, value + 4] }),
      },
      {
        key: 'mateo-facts',
        input: mateoFacts,
        start: '2026-09-08',
        end: '2026-12-03',
        // Flat near 40% until flash cards start on Oct 20, then rising about 2 points a week,
        // alternating either side of the goal line.
        value: (week, i) =>
          week < 7
            ? 40 + 10 * Math.round(wobble(i))
            : percentOf(45 + 2 * (week - 7) + (i % 2 === 0 ? 8 : -8)),
        record: (value, i) => ({ outcomes: trialOutcomes(value, i) }),
        phaseChange: { date: '2026-10-20', label: 'Added fact-family flash cards' },
        absent: ['2026-10-08'],
      },
    ],
  },
  {
    iep: (studentId, caseManagerId) =>
      iep(studentId, caseManagerId, '2026-09-01', '2027-08-31', [sioneRoutine, sioneOutOfSeat], {
        presentLevels:
          'Sione completes 2 of 8 morning-routine steps without prompts and leaves his seat ' +
          'for about 9 minutes of a 30-minute work period. He responds well to praise.',
        services: [
          ['Behavior support', 30, 'week'],
          ['Occupational therapy', 30, 'week'],
        ],
      }),
    goals: [
      {
        key: 'sione-routine',
        input: sioneRoutine,
        start: '2026-09-07',
        end: '2026-12-02',
        // Stays at 2 or 3 steps: below a goal line rising about 0.16 steps a week.
        value: (_week, i) => (wobble(i) > 0.5 ? 3 : 2),
        record: (value) => ({ steps: taskSteps(value) }),
        absent: ['2026-10-16', '2026-10-19'],
      },
      {
        key: 'sione-seat',
        input: sioneOutOfSeat,
        start: '2026-09-08',
        end: '2026-12-03',
        // Falls along the goal line (about −11 seconds a week), either side of it.
        value: (week, i) =>
          Math.max(0, Math.round(onGoalLine(sioneOutOfSeat, week) + 40 * wobble(i))),
        record: (value) => ({ episodeSeconds: episodes(value) }),
      },
    ],
    amendment: {
      expectedVersion: 1,
      effectiveDate: '2026-11-02',
      reason: 'Team added a visual schedule after the first progress review.',
      accommodations: [
        accommodation(
          'accommodation',
          'Extended time (1.5x) on tests',
          'all classes',
          'each test',
          'classroom teacher',
        ),
        accommodation(
          'support',
          'Visual schedule for the morning routine',
          'homeroom',
          'daily',
          'paraprofessional',
        ),
        accommodation(
          'support',
          'Movement break after 15 minutes of seat work',
          'all classes',
          'twice per lesson',
          'classroom teacher',
        ),
      ],
    },
  },
  {
    iep: (studentId, caseManagerId) =>
      iep(studentId, caseManagerId, '2026-09-21', '2027-09-20', [hanaPrompts, hanaInitiations], {
        presentLevels:
          'Hana explains a strategy in two steps with a verbal model and starts about one ' +
          'conversation with a peer per lunch period.',
        services: [
          ['Speech-language therapy', 30, 'week'],
          ['Social skills group', 30, 'week'],
        ],
      }),
    goals: [
      {
        key: 'hana-prompts',
        input: hanaPrompts,
        start: '2026-09-22',
        end: '2026-12-03',
        // Needs less support about as fast as the goal line expects.
        value: (week, i) =>
          Math.max(0, Math.min(4, Math.round(onGoalLine(hanaPrompts, week) + 0.6 * wobble(i)))),
        record: (value, i) => ({ levels: promptLevels(value, i) }),
      },
      {
        key: 'hana-initiations',
        input: hanaInitiations,
        start: '2026-09-21',
        end: '2026-12-04',
        // Some lunches with no initiation at all: real zeros, drawn on the graph.
        value: (week, i) => Math.max(0, Math.round(1 + 0.08 * week + 1.2 * wobble(i))),
        record: (value) => ({ count: value }),
        absent: ['2026-11-06'],
      },
    ],
  },
];

function iep(
  studentId: string,
  caseManagerId: string,
  begin: string,
  end: string,
  goals: readonly GoalInput[],
  details: {
    readonly presentLevels: string;
    readonly services: ReadonlyArray<readonly [string, number, 'day' | 'week']>;
  },
): IepInput {
  return {
    studentId,
    beginDate: begin,
    endDate: end,
    annualReviewDate: end,
    reevaluationDate: '2028-02-14',
    caseManagerId,
    presentLevels: details.presentLevels,
    team: [{ personId: caseManagerId, role: 'case manager' }],
    goals: goals.map((goal) => ({ ...goal, collectorIds: [caseManagerId] })),
    accommodations: [
      accommodation(
        'accommodation',
        'Extended time (1.5x) on tests',
        'all classes',
        'each test',
        'classroom teacher',
      ),
      accommodation(
        'accommodation',
        'Directions read aloud',
        'all classes',
        'when asked',
        'classroom teacher',
      ),
    ],
    services: details.services.map(([service, minutes, per]) => ({
      service,
      provider: 'special education staff',
      setting: 'resource room',
      minutes,
      per,
    })),
  };
}

function accommodation(
  kind: 'accommodation' | 'support',
  description: string,
  settings: string,
  frequency: string,
  provider: string,
) {
  return { kind, description, settings, frequency, provider };
}

/** A percent of ten trials: rounded to 10 and kept within 0..100. */
function percentOf(value: number): number {
  return Math.max(0, Math.min(100, 10 * Math.round(value / 10)));
}

/** Ten trials with `percent` of them independent; the misses alternate prompted and wrong. */
function trialOutcomes(percent: number, index: number): string[] {
  const correct = Math.round(percent / 10);
  return Array.from({ length: 10 }, (_, trial) =>
    trial < correct ? 'independent' : (trial + index) % 2 === 0 ? 'prompted' : 'incorrect',
  );
}

function taskSteps(independent: number): string[] {
  return Array.from({ length: 8 }, (_, step) =>
    step < independent ? 'independent' : step < independent + 3 ? 'prompted' : 'not_done',
  );
}

/** Splits seconds into one to three episodes. */
function episodes(seconds: number): number[] {
  if (seconds === 0) return [];
  if (seconds < 90) return [seconds];
  const first = Math.round(seconds * 0.5);
  const second = Math.round(seconds * 0.3);
  return [first, second, seconds - first - second];
}

/** Five trials whose median level is `level` (0 = independent). */
function promptLevels(level: number, index: number): string[] {
  const lower = PROMPTS[Math.max(0, level - 1)]!;
  const upper = PROMPTS[Math.min(4, level + 1)]!;
  const at = PROMPTS[level]!;
  return index % 2 === 0 ? [at, lower, at, upper, at] : [upper, at, at, lower, at];
}

async function seedSessions(
  db: Kysely<Database>,
  goalId: string,
  goal: DemoGoal,
  collectorId: string,
  actor: Actor,
  now: Date,
): Promise<void> {
  const weekdays = goal.input.schedule?.weekdays ?? [1];
  const dates = scheduleDates(weekdays, goal.start, goal.end).filter(
    (date) => !(date >= HOLIDAY.from && date <= HOLIDAY.to) && !(goal.absent ?? []).includes(date),
  );

  for (const [index, date] of dates.entries()) {
    const week = weeksBetween(goal.input.baseline.date, date);
    const record = goal.record(goal.value(week, index), index);
    const saved = await recordDataSession(
      db,
      { goalId, date, setting: 'resource room', collectedBy: collectorId, record },
      actor,
      now,
    );
    if (!saved.ok) throw new Error(`demo session refused: ${JSON.stringify(saved)}`);
  }

  if (goal.phaseChange) {
    await recordPhaseChange(db, { goalId, ...goal.phaseChange }, actor, now);
  }
}

function scheduleDates(weekdays: readonly number[], from: string, to: string): string[] {
  const dates: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); ; time += 86_400_000) {
    const date = new Date(time);
    const iso = date.toISOString().slice(0, 10);
    if (iso > to) return dates;
    const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
    if (weekdays.includes(weekday)) dates.push(iso);
  }
}

async function amendOnce(
  db: Kysely<Database>,
  iepId: string,
  amendment: Record<string, unknown>,
  actor: Actor,
  now: Date,
): Promise<void> {
  const amended = await amendIep(db, iepId, amendment, actor, now);
  if (!amended.ok) throw new Error(`demo amendment refused: ${JSON.stringify(amended)}`);
}

const QUARTER_1 = { start: '2026-08-31', end: '2026-11-06' } as const;

/** Two reporting periods; Mateo's quarter 1 reports confirmed and sent, the rest due. */
async function seedReports(
  db: Kysely<Database>,
  schoolId: string | null,
  goalIds: Readonly<Record<string, string>>,
  actor: Actor,
  now: Date,
): Promise<void> {
  await insertReportingPeriods(db, [
    period('q1', schoolId, 'Quarter 1', QUARTER_1.start, QUARTER_1.end, '2026-11-13'),
    period('q2', schoolId, 'Quarter 2', '2026-11-09', '2027-01-22', '2027-01-29'),
  ]);

  for (const key of ['mateo-fluency', 'mateo-facts']) {
    const goalId = goalIds[key];
    if (!goalId) continue;
    const suggested = await suggestProgressCode(db, goalId, QUARTER_1);
    if (!suggested.ok) continue;
    const confirmed = await confirmProgressCode(
      db,
      {
        goalId,
        periodStart: QUARTER_1.start,
        periodEnd: QUARTER_1.end,
        code: suggested.value.districtCode,
        narrative: NARRATIVES[key],
      },
      actor,
      now,
    );
    if (confirmed.ok) await markProgressReportSent(db, confirmed.value.id, 1, now);
  }
}

const NARRATIVES: Readonly<Record<string, string>> = {
  'mateo-fluency':
    'Mateo now reads about 75 words correctly per minute, up from 62 in September. He ' +
    'practises with a partner three times a week.',
  'mateo-facts':
    'Mateo answers about half of his multiplication facts on his own. In October we added ' +
    'fact-family flash cards, and his scores have started to rise.',
};

function period(
  key: string,
  schoolId: string | null,
  name: string,
  start: string,
  end: string,
  due: string,
) {
  return {
    id: `demo-${key}-${schoolId ?? 'all'}`,
    org_id: schoolId,
    name,
    start_date: start,
    end_date: end,
    due_date: due,
  };
}
