/**
 * Reading the IEP forms into the shapes the IEP service checks. The forms are plain HTML:
 * one fieldset per goal (fields prefixed `g0.`, `g1.`, ...), rows for accommodations (`acc0.`)
 * and services (`svc0.`); the mastery criterion is built from a comparison, a threshold, an
 * optional minimum of trials and a window. Empty fields are left out, so the service's schema
 * names what is missing ("goals[0].baseline.date: expected a date like 2026-09-14"), and
 * `fieldOfProblem` turns that path back into the form field to point at.
 */
import type { DataCollectionType } from '../domain/progress/data-collection.js';
import type { GoalInput } from '../services/iep.schema.js';
import { COLLECTION_TYPES } from '../services/iep.schema.js';
import { MEASURE_OF } from '../services/iep-pages.service.js';

/** A submitted form: each field's values (checkboxes and repeated names give several). */
export type FormFields = Readonly<Record<string, readonly string[]>>;

/** Normalizes `parseBody({ all: true })` into lists of strings, leaving out the CSRF field. */
export function formFields(body: Record<string, unknown>): FormFields {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue;
    const list = Array.isArray(value) ? value : [value];
    out[key] = list.filter((v): v is string => typeof v === 'string');
  }
  return out;
}

/** The first value of a field, trimmed; '' when absent. */
export function one(fields: FormFields, name: string): string {
  return (fields[name]?.[0] ?? '').trim();
}

/** The first value of every field, for putting back into a form after a refusal. */
export function firstValues(fields: FormFields): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([key, list]) => [key, list[0] ?? '']));
}

function text(fields: FormFields, name: string): string | undefined {
  return one(fields, name) || undefined;
}

function number(fields: FormFields, name: string): number | undefined {
  const raw = one(fields, name);
  if (raw === '') return undefined;
  const value = Number(raw.replace(',', '.'));
  return Number.isFinite(value) ? value : (raw as unknown as number);
}

function lines(fields: FormFields, name: string, split: RegExp = /\r?\n/): string[] {
  return one(fields, name)
    .split(split)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** How many goal fieldsets the form sent (g0., g1., ... with an area or statement). */
export function goalCount(fields: FormFields): number {
  let count = 0;
  while (fields[`g${count}.area`] !== undefined) count += 1;
  return count;
}

/** True when the goal fieldset was left completely empty (an optional extra goal). */
export function goalLeftEmpty(fields: FormFields, index: number): boolean {
  const prefix = `g${index}.`;
  const filled = ['area', 'statement', 'baselineValue', 'targetValue', 'threshold'];
  return filled.every((name) => one(fields, prefix + name) === '');
}

/** The goal of fieldset `index`, in the shape `goalInputSchema` checks. */
export function goalFromForm(fields: FormFields, index: number): GoalInput {
  const p = `g${index}.`;
  const type = collectionTypeOf(one(fields, `${p}collectionType`));
  const measure = type ? MEASURE_OF[type] : undefined;
  const goal = {
    area: text(fields, `${p}area`),
    statement: text(fields, `${p}statement`),
    baseline: {
      date: text(fields, `${p}baselineDate`),
      value: number(fields, `${p}baselineValue`),
      method: text(fields, `${p}baselineMethod`),
    },
    target: { date: text(fields, `${p}targetDate`), value: number(fields, `${p}targetValue`) },
    measurement: measure,
    collectionType: type ?? (one(fields, `${p}collectionType`) || undefined),
    collectionConfig: collectionConfigFromForm(fields, p, type),
    criterion: criterionFromForm(fields, p, measure),
    schedule: scheduleFromForm(fields, p),
    trendMethod: one(fields, `${p}trendMethod`) === 'tukey' ? 'tukey' : 'ols',
    decisionRule: decisionRuleFromForm(fields, p),
    unitLabel: text(fields, `${p}unitLabel`),
    collectorIds: fields[`${p}collectorIds`]?.filter(Boolean) ?? [],
    objectives: lines(fields, `${p}objectives`).map((statement) => ({ statement })),
  };
  return goal as GoalInput;
}

function collectionTypeOf(value: string): DataCollectionType | null {
  return (COLLECTION_TYPES as readonly string[]).includes(value)
    ? (value as DataCollectionType)
    : null;
}

/** The structured criterion from the comparison, threshold, minimum trials and window. */
export function criterionFromForm(
  fields: FormFields,
  prefix: string,
  measure: string | undefined,
): Record<string, unknown> {
  const comparison = one(fields, `${prefix}comparison`) === 'atMost' ? 'atMost' : 'atLeast';
  const windowKind = one(fields, `${prefix}window`);
  const n = number(fields, `${prefix}windowN`);
  const sessions =
    windowKind === 'kOfN'
      ? { atLeast: number(fields, `${prefix}windowK`), of: n }
      : { consecutive: n };
  const minTrials = number(fields, `${prefix}minTrials`);
  return {
    measure,
    [comparison]: number(fields, `${prefix}threshold`),
    ...(minTrials === undefined ? {} : { minTrials }),
    sessions,
  };
}

function collectionConfigFromForm(
  fields: FormFields,
  p: string,
  type: DataCollectionType | null,
): Record<string, unknown> {
  switch (type) {
    case 'prompt_level':
      return { hierarchy: lines(fields, `${p}hierarchy`, /[,\n]/) };
    case 'latency':
      return { ceilingSeconds: number(fields, `${p}ceilingSeconds`) };
    case 'interval':
      return { method: one(fields, `${p}intervalMethod`) || 'partial' };
    case 'task_analysis':
      return { stepNames: lines(fields, `${p}stepNames`) };
    case 'cbm':
      return one(fields, `${p}probesPerSession`)
        ? { probesPerSession: number(fields, `${p}probesPerSession`) }
        : {};
    case 'trials':
    case 'count':
    case 'rate':
    case 'duration':
    case 'rubric':
    case null:
      return {};
  }
}

function scheduleFromForm(fields: FormFields, p: string): { weekdays: number[] } | null {
  const days = (fields[`${p}weekdays`] ?? []).map(Number).filter((d) => d >= 1 && d <= 7);
  return days.length > 0 ? { weekdays: days } : null;
}

/** The decision rule from its kind and size. */
export function decisionRuleFromForm(fields: FormFields, p: string): Record<string, unknown> {
  const size = number(fields, `${p}ruleSize`);
  return one(fields, `${p}ruleKind`) === 'trend'
    ? { kind: 'trend', minPoints: size ?? 8 }
    : { kind: 'consecutive', points: size ?? 4 };
}

/** The accommodation rows of the form that have a description. */
export function accommodationsFromForm(fields: FormFields): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  for (let i = 0; fields[`acc${i}.description`] !== undefined; i += 1) {
    if (one(fields, `acc${i}.description`) === '') continue;
    rows.push({
      kind: one(fields, `acc${i}.kind`) || 'accommodation',
      description: text(fields, `acc${i}.description`),
      settings: text(fields, `acc${i}.settings`),
      frequency: text(fields, `acc${i}.frequency`),
      provider: text(fields, `acc${i}.provider`),
    });
  }
  return rows;
}

/** The service rows of the form that name a service. */
export function servicesFromForm(fields: FormFields): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  for (let i = 0; fields[`svc${i}.service`] !== undefined; i += 1) {
    if (one(fields, `svc${i}.service`) === '') continue;
    rows.push({
      service: text(fields, `svc${i}.service`),
      provider: text(fields, `svc${i}.provider`),
      setting: text(fields, `svc${i}.setting`),
      minutes: number(fields, `svc${i}.minutes`),
      per: one(fields, `svc${i}.per`) || 'week',
    });
  }
  return rows;
}

/** The new IEP from the create form. */
export function iepFromForm(fields: FormFields, studentId: string): Record<string, unknown> {
  const goals: GoalInput[] = [];
  for (let i = 0; i < goalCount(fields); i += 1) {
    if (!goalLeftEmpty(fields, i)) goals.push(goalFromForm(fields, i));
  }
  const caseManagerId = one(fields, 'caseManagerId');
  const team = (fields.team ?? []).filter((id) => id && id !== caseManagerId);
  return {
    studentId,
    beginDate: text(fields, 'beginDate'),
    endDate: text(fields, 'endDate'),
    annualReviewDate: text(fields, 'annualReviewDate'),
    reevaluationDate: text(fields, 'reevaluationDate'),
    caseManagerId: caseManagerId || undefined,
    presentLevels: text(fields, 'presentLevels'),
    disability: text(fields, 'disability') ?? null,
    setting: text(fields, 'setting') ?? null,
    team: [
      ...(caseManagerId ? [{ personId: caseManagerId, role: 'case manager' }] : []),
      ...team.map((personId) => ({ personId, role: 'team member' })),
    ],
    goals,
    accommodations: accommodationsFromForm(fields),
    services: servicesFromForm(fields),
  };
}

const GOAL_FIELD_OF: Readonly<Record<string, string>> = {
  area: 'area',
  statement: 'statement',
  'baseline.date': 'baselineDate',
  'baseline.value': 'baselineValue',
  'baseline.method': 'baselineMethod',
  'target.date': 'targetDate',
  'target.value': 'targetValue',
  measurement: 'collectionType',
  collectionType: 'collectionType',
  unitLabel: 'unitLabel',
  'criterion.atLeast': 'threshold',
  'criterion.atMost': 'threshold',
  'criterion.minTrials': 'minTrials',
  'criterion.sessions.consecutive': 'windowN',
  'criterion.sessions.of': 'windowN',
  'criterion.sessions.atLeast': 'windowK',
  'decisionRule.points': 'ruleSize',
  'decisionRule.minPoints': 'ruleSize',
};

/**
 * The form field a service problem points at, for the error summary's link.
 *
 * Example: "goals[1].target.date: ..." → "g1.targetDate"; "newGoals[0].area: ..." → "g0.area";
 * "presentLevels: ..." → "presentLevels".
 */
export function fieldOfProblem(problem: string): string {
  const path = problem.split(':')[0] ?? '';
  const goal = /^(?:goals|newGoals)\[(\d+)\]\.(.+)$/.exec(path);
  if (goal) {
    const rest = goal[2]!.replace(/^collectionConfig\..*$/, 'collectionType');
    const match = Object.keys(GOAL_FIELD_OF).find((key) => rest.startsWith(key));
    return `g${goal[1]}.${match ? GOAL_FIELD_OF[match] : 'area'}`;
  }
  const row = /^(accommodations|services)\[(\d+)\]\.(\w+)/.exec(path);
  if (row) return `${row[1] === 'services' ? 'svc' : 'acc'}${row[2]}.${row[3]}`;
  return /^[a-zA-Z]+$/.test(path) ? path : '_form';
}
