/**
 * Keeps stored mastery results current and answers the questions around them. After evidence
 * for a student and standard changes, `refreshMastery` recomputes those pairs with the mastery
 * engine (nearest calculation policy, nearest proficiency scale) and stores what changed;
 * `rebuildMastery` recomputes everything and must find nothing to change.
 *
 * Work is done in batches: a refresh of thousands of pairs reads evidence, scopes and stored
 * results in a few queries per 500 pairs and writes only the results that changed.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { endOf, knownBy } from '../domain/mastery/as-of.js';
import { computeMastery, type MasteryComputation } from '../domain/mastery/compute.js';
import { explainComputation } from '../domain/mastery/explain.js';
import { checkOverride, overrideStatus, type OverrideStatus } from '../domain/mastery/override.js';
import { checkPolicy, policyFor, policyId, type ScopedPolicy } from '../domain/mastery/policy.js';
import {
  courseSummary,
  rollUp,
  type CourseSummary,
  type Rollup,
} from '../domain/mastery/rollup.js';
import type { CalculationPolicy, EvidenceItem, OrderedEvidence } from '../domain/mastery/types.js';
import { describeWhatNext, whatNext, type WhatNext } from '../domain/mastery/what-next.js';
import {
  boundsOf,
  checkScale,
  DEFAULT_SCALE,
  formatScore,
  nearestScoped,
  type ProficiencyScale,
  type ScaleLevel,
  type ScopeContext,
} from '../domain/scale.js';
import { logger } from '../logger.js';
import {
  chunked,
  clearOverrides,
  courseSummaryEnabled,
  deleteResults,
  insertOverride,
  listEvidencePairs,
  listPairsInScope,
  loadAllResults,
  loadCourseStandardIds,
  loadEnrolledCourses,
  loadEvidenceForPairs,
  loadFrameworkIds,
  loadOverridesOf,
  loadPolicies,
  loadResults,
  loadScales,
  loadSchoolIds,
  loadStandardTree,
  newestEvidenceIdOf,
  pairKey,
  saveCourseSummary,
  saveScale,
  savePolicy,
  upsertResults,
  type EvidenceRecord,
  type StoredOverride,
  type StoredResult,
  type StoredScale,
} from '../store/mastery.repository.js';
import type { Database } from '../store/schema.js';

type Db = Kysely<Database>;

/** One student's work on one standard: the unit a mastery result is stored for. */
export interface StudentStandard {
  readonly studentId: string;
  readonly standardId: string;
}

/** Everything the engine needs for one pair. */
interface PairInput {
  readonly pair: StudentStandard;
  readonly items: readonly EvidenceItem[];
  readonly context: ScopeContext;
}

/** The scales (only sound ones) and policies in force, loaded once per batch. */
interface Settings {
  readonly scales: readonly StoredScale[];
  readonly policies: readonly ScopedPolicy[];
}

/** What a refresh or rebuild did. */
export interface RefreshReport {
  readonly computed: number;
  readonly changed: number;
}

const log = logger('mastery');

/** Recomputes and stores the mastery of each pair from its evidence. */
export async function refreshMastery(db: Db, pairs: ReadonlyArray<StudentStandard>): Promise<void> {
  await refreshPairs(db, pairs);
}

/**
 * Recomputes pairs in batches of 500 and writes the results that changed; returns how many
 * pairs it computed and how many stored results changed.
 */
export async function refreshPairs(
  db: Db,
  pairs: ReadonlyArray<StudentStandard>,
  now: Date = new Date(),
): Promise<RefreshReport> {
  const settings = await loadSettings(db);
  const unique = dedupe(pairs);
  let changed = 0;
  for (const chunk of chunked(unique)) changed += await refreshChunk(db, chunk, settings, now);
  return { computed: unique.length, changed };
}

/** Refreshes up to 500 pairs; returns how many stored results changed. */
async function refreshChunk(
  db: Db,
  chunk: readonly StudentStandard[],
  settings: Settings,
  now: Date,
): Promise<number> {
  const inputs = await loadPairInputs(db, chunk);
  const stored = new Map((await loadResults(db, chunk)).map((row) => [pairKey(row), row]));

  // A pair whose evidence is all gone has no result, rather than a stored "no result" row.
  const gone = inputs
    .filter((input) => input.items.length === 0 && stored.has(pairKey(input.pair)))
    .map((input) => input.pair);
  const differing = inputs
    .filter((input) => input.items.length > 0)
    .map((input) => resultOf(input, settings, now))
    .filter((result) => !sameResult(stored.get(pairKey(result)), result));

  await upsertResults(db, differing);
  await deleteResults(db, gone);
  return differing.length + gone.length;
}

/** Recomputes every stored result from the evidence; returns how many pairs it computed. */
export async function rebuildMastery(db: Db): Promise<number> {
  return (await rebuildMasteryReport(db)).computed;
}

/**
 * Recomputes every pair with evidence, removes results of pairs without evidence, and says
 * how many stored results changed (0 when the stored results were current).
 */
export async function rebuildMasteryReport(db: Db): Promise<RefreshReport> {
  const pairs = await listEvidencePairs(db);
  const report = await refreshPairs(db, pairs);

  const withEvidence = new Set(pairs.map(pairKey));
  const orphans = (await loadAllResults(db)).filter((row) => !withEvidence.has(pairKey(row)));
  await deleteResults(db, orphans);

  log.debug({ computed: report.computed, changed: report.changed + orphans.length }, 'rebuilt');
  return { computed: report.computed, changed: report.changed + orphans.length };
}

/** The calculation behind one student's level on one standard. */
export interface MasteryExplained {
  readonly studentId: string;
  readonly standardId: string;
  readonly scale: ProficiencyScale;
  readonly policy: CalculationPolicy;
  readonly methodName: string;
  /** All the evidence in calculation order, with whether each counted and why not. */
  readonly evidence: readonly OrderedEvidence[];
  readonly steps: readonly string[];
  readonly score: number | null;
  readonly shownScore: string | null;
  readonly level: ScaleLevel | null;
  readonly mastered: boolean;
  readonly whatNext: WhatNext;
  readonly whatNextText: string;
  /** The current override, read against the evidence, or null. */
  readonly override: OverrideStatus | null;
}

/** How explainMastery reads the evidence. */
export interface ExplainOptions {
  /**
   * Evidence ids to leave out as if never recorded: the evidence staff have not released, for
   * a student or family reader, so the level shows no result held back.
   */
  readonly leaveOut?: ReadonlySet<number>;
  /** True to drop the staff's reasons for setting evidence aside (a staff-only field). */
  readonly withoutReasons?: boolean;
}

/**
 * Explains a student's level on a standard: the ordered evidence (counted, superseded,
 * excluded), the method, the steps, the score and level, what's next, and any override.
 */
export async function explainMastery(
  db: Db,
  studentId: string,
  standardId: string,
  options: ExplainOptions = {},
): Promise<MasteryExplained> {
  const settings = await loadSettings(db);
  const [input] = await loadPairInputs(db, [{ studentId, standardId }]);
  if (!input) throw new Error('loadPairInputs returned no input for a requested pair');

  const leaveOut = options.leaveOut ?? new Set<number>();
  const items = input.items
    .filter((item) => !leaveOut.has(item.id))
    .map((item) => (options.withoutReasons ? { ...item, exclusionReason: null } : item));
  const { scale, policy } = resolve(input, settings);
  const computation = computeMastery(items, policy, scale);
  const next = whatNext(computation.scores, policy, boundsOf(scale));
  const current = currentOverride(await loadOverridesOf(db, studentId), standardId);
  const override = current && overrideStatus(toDomainOverride(current), items, scale);
  const explanation = explainComputation(computation, scale, { whatNext: next, override });

  return {
    studentId,
    standardId,
    scale,
    policy,
    ...explanation,
    evidence: computation.evidence,
    whatNext: next,
    whatNextText: describeWhatNext(next, boundsOf(scale)),
    override,
  };
}

/** One standard's mastery as it stood on a past date. */
export interface MasteryOnDate {
  readonly standardId: string;
  readonly score: number | null;
  readonly shownScore: string | null;
  readonly level: ScaleLevel | null;
  readonly mastered: boolean;
  readonly evidenceCount: number;
  /** The override in force at the end of that date, or null. */
  readonly override: StoredOverride | null;
}

/**
 * A student's mastery on every standard with evidence, as it stood at the end of `date`
 * (evidence observed and recorded by then; the current policies and scales).
 */
export async function masteryAsOf(
  db: Db,
  studentId: string,
  date: string,
  options: Pick<ExplainOptions, 'leaveOut'> = {},
): Promise<MasteryOnDate[]> {
  const settings = await loadSettings(db);
  const pairs = (await listPairsInScope(db, { kind: 'student', id: studentId })).sort((a, b) =>
    a.standardId.localeCompare(b.standardId),
  );
  const inputs = await loadPairInputs(db, pairs);
  const overrides = await loadOverridesOf(db, studentId);
  const leaveOut = options.leaveOut ?? new Set<number>();

  return inputs.map((input) => {
    const { scale, policy } = resolve(input, settings);
    const known = input.items.filter((item) => !leaveOut.has(item.id) && knownBy(item, date));
    const computation = computeMastery(known, policy, scale);
    return {
      ...onDate(input.pair.standardId, computation),
      override: overrideOnDate(overrides, input.pair.standardId, date),
    };
  });
}

/** One pair's mastery as it stood at the end of a date, shaped like a stored result. */
export interface PairOnDate extends StudentStandard {
  readonly score: number | null;
  readonly levelValue: number | null;
  /** The pieces of evidence that counted by then (superseded and excluded ones left out). */
  readonly evidenceCount: number;
  readonly method: string;
}

/**
 * The mastery of many pairs as it stood at the end of `date`, each computed by the engine from
 * the evidence known by then (see `knownBy`) under the current policy and scale. Reads in a
 * few queries per 500 pairs; pairs with no evidence known by then are left out, as they have
 * no stored result either.
 *
 * Example: scores 2 (Oct 1) and 4 (Nov 20) under the mean, as of 2026-10-31, give score 2
 * from 1 piece of evidence.
 */
export async function pairsMasteryAsOf(
  db: Db,
  pairs: ReadonlyArray<StudentStandard>,
  date: string,
): Promise<PairOnDate[]> {
  const settings = await loadSettings(db);
  const results: PairOnDate[] = [];
  for (const chunk of chunked(dedupe(pairs))) {
    for (const input of await loadPairInputs(db, chunk)) {
      const known = input.items.filter((item) => knownBy(item, date));
      if (known.length === 0) continue;

      const { scale, policy } = resolve(input, settings);
      const computation = computeMastery(known, policy, scale);
      results.push({
        ...input.pair,
        score: computation.score,
        levelValue: computation.level?.value ?? null,
        evidenceCount: computation.scores.length,
        method: policy.method,
      });
    }
  }
  return results;
}

/** A teacher's override to store. */
export interface OverrideInput extends StudentStandard {
  readonly levelValue: number;
  readonly reason: string;
  readonly by: string | null;
  readonly at?: Date;
}

/**
 * Sets a teacher's override of a student's level on a standard (replacing a current one),
 * recording the newest evidence so later evidence marks it out of date. Returns the problems
 * instead when the level is not on the scale or the reason is blank.
 */
export async function setOverride(
  db: Db,
  input: OverrideInput,
): Promise<{ ok: true; id: string } | { ok: false; problems: string[] }> {
  const settings = await loadSettings(db);
  const [pairInput] = await loadPairInputs(db, [input]);
  const scale = pairInput ? resolve(pairInput, settings).scale : DEFAULT_SCALE;
  const problems = checkOverride(input, scale);
  if (problems.length > 0) return { ok: false, problems };

  const id = randomUUID();
  const basisEvidenceId = await newestEvidenceIdOf(db, input);
  await inTransaction(db, (trx) =>
    insertOverride(trx, {
      id,
      studentId: input.studentId,
      standardId: input.standardId,
      levelValue: input.levelValue,
      reason: input.reason.trim(),
      setBy: input.by,
      setAt: (input.at ?? new Date()).toISOString(),
      basisEvidenceId,
    }),
  );
  return { ok: true, id };
}

/** Clears a pair's current override (it stays in the history); returns whether there was one. */
export async function clearOverride(
  db: Db,
  pair: StudentStandard,
  by: string | null,
  at: Date = new Date(),
): Promise<boolean> {
  return (await clearOverrides(db, pair, by, at.toISOString())) > 0;
}

/** A change of calculation policy for one scope. */
export interface PolicyChange {
  readonly scopeKind: ScopedPolicy['scopeKind'];
  readonly scopeId: string | null;
  /** A calculation method's name; checked before anything is stored. */
  readonly method: string;
  readonly param: number | null;
  readonly minEvidence?: number;
  readonly by: string | null;
}

/** What a policy or scale change touches (dry run) or touched. */
export type ChangeOutcome =
  | { readonly ok: false; readonly problems: readonly string[] }
  | {
      readonly ok: true;
      readonly dryRun: boolean;
      /** How many students have a result the change governs. */
      readonly students: number;
      /** How many student-standard results the change governs. */
      readonly results: number;
      /** How many stored results changed (0 on a dry run). */
      readonly changed: number;
    };

/**
 * Sets the calculation policy of a scope. With `dryRun` it only reports how many students and
 * results the change would govern (for the confirmation); otherwise it stores the policy and
 * recalculates every result it governs.
 */
export async function setPolicy(
  db: Db,
  change: PolicyChange,
  options: { readonly dryRun: boolean; readonly now?: Date },
): Promise<ChangeOutcome> {
  const policy = { ...change, minEvidence: change.minEvidence ?? 1 };
  const problems = [...checkPolicy(policy), ...checkScope(change)];
  if (problems.length > 0) return { ok: false, problems };

  const scoped = policy as ScopedPolicy;
  const settings = await loadSettings(db);
  const policies = [...settings.policies.filter((p) => policyId(p) !== policyId(scoped)), scoped];
  const governed = (input: PairInput) =>
    nearestPolicyId(policies, input.context) === policyId(scoped);
  const affected = await affectedPairs(db, candidateScope(scoped), governed);
  if (options.dryRun) return outcome(affected, true, 0);

  const now = options.now ?? new Date();
  const report = await inTransaction(db, async (trx) => {
    await savePolicy(trx, scoped, change.by, now.toISOString());
    return refreshPairs(trx, affected, now);
  });
  return outcome(affected, false, report.changed);
}

/** A scale to store for a district, school, course or framework. */
export interface ScaleChange {
  readonly scale: ProficiencyScale;
  readonly scopeKind: 'district' | 'school' | 'course' | 'framework';
  readonly scopeId: string | null;
}

/**
 * Stores a proficiency scale for a scope. With `dryRun` it only reports how many students and
 * results would be read on it (before or after the change); otherwise it stores the scale and
 * recalculates those results.
 */
export async function setScale(
  db: Db,
  change: ScaleChange,
  options: { readonly dryRun: boolean; readonly now?: Date },
): Promise<ChangeOutcome> {
  const problems = scaleChangeProblems(change);
  if (problems.length > 0) return { ok: false, problems };

  const stored: StoredScale = {
    ...change.scale,
    scopeKind: change.scopeKind,
    scopeId: change.scopeId,
  };
  const affected = await pairsReadOnScale(db, stored);
  if (options.dryRun) return outcome(affected, true, 0);

  const now = options.now ?? new Date();
  const report = await inTransaction(db, async (trx) => {
    await saveScale(trx, stored);
    return refreshPairs(trx, affected, now);
  });
  return outcome(affected, false, report.changed);
}

function scaleChangeProblems(change: ScaleChange): string[] {
  const problems = checkScale(change.scale);
  if (change.scopeKind !== 'district' && !change.scopeId) {
    problems.push(`scopeId: a ${change.scopeKind} scale needs the ${change.scopeKind}'s id`);
  }
  return problems;
}

/** The pairs read on a scale before or after it is stored for its scope. */
async function pairsReadOnScale(db: Db, stored: StoredScale): Promise<StudentStandard[]> {
  const before = await loadSettings(db);
  const previous = before.scales.find((scale) => scale.id === stored.id);
  const after = { ...before, scales: [...before.scales.filter((s) => s !== previous), stored] };
  const reads = (input: PairInput) =>
    scaleFor(before, input.context).id === stored.id ||
    scaleFor(after, input.context).id === stored.id;

  // A scale moved to another scope may have governed pairs anywhere.
  const moved =
    previous && (previous.scopeKind !== stored.scopeKind || previous.scopeId !== stored.scopeId);
  return affectedPairs(db, moved ? { kind: 'all' } : candidateScope(stored), reads);
}

/** The rolled-up scores of every parent standard in the frameworks a student has results in. */
export async function masteryRollup(db: Db, studentId: string): Promise<Rollup[]> {
  const results = await loadResultsOfStudent(db, studentId);
  const frameworks = await loadFrameworkIds(
    db,
    results.map((r) => r.standardId),
  );
  const tree = await loadStandardTree(db, [...new Set(frameworks.values())]);
  const scores = new Map(results.map((r) => [r.standardId, r.score]));
  const settings = await loadSettings(db);
  const schoolId = (await loadSchoolIds(db, [studentId])).get(studentId) ?? null;

  return [...new Set(tree.map((node) => node.frameworkId))].flatMap((frameworkId) => {
    const scale = scaleFor(settings, { frameworkId, schoolId });
    return rollUp(
      tree.filter((node) => node.frameworkId === frameworkId),
      scores,
      scale,
    );
  });
}

/**
 * The course summary level of a student in a class: "off" unless the student's school has
 * turned course summaries on; otherwise the mean of the class's standards' current scores.
 */
export async function courseSummaryFor(
  db: Db,
  studentId: string,
  classId: string,
): Promise<CourseSummary> {
  const schoolId = (await loadSchoolIds(db, [studentId])).get(studentId) ?? null;
  const enabled = await courseSummaryEnabled(db, schoolId);
  const scale = scaleFor(await loadSettings(db), { courseIds: [classId], schoolId });
  if (!enabled) return courseSummary([], false, scale);

  const standardIds = await loadCourseStandardIds(db, classId);
  const results = await loadResults(
    db,
    standardIds.map((standardId) => ({ studentId, standardId })),
  );
  return courseSummary(
    results.map((r) => r.score),
    true,
    scale,
  );
}

/** Turns a school's course summary level on or off (off by default). */
export async function setCourseSummary(
  db: Db,
  schoolId: string,
  enabled: boolean,
  at: Date = new Date(),
): Promise<void> {
  await saveCourseSummary(db, schoolId, enabled, at.toISOString());
}

/** The scale nearest to a pair's scopes, or DEFAULT_SCALE. */
function scaleFor(settings: Settings, context: ScopeContext): ProficiencyScale {
  return nearestScoped(settings.scales, context) ?? DEFAULT_SCALE;
}

async function loadSettings(db: Db): Promise<Settings> {
  const [scales, policies] = await Promise.all([loadScales(db), loadPolicies(db)]);
  const sound = scales.filter((scale) => checkScale(scale).length === 0);
  return { scales: sound, policies };
}

/** Evidence and scopes for pairs, in a fixed number of queries; one input per pair. */
async function loadPairInputs(db: Db, pairs: readonly StudentStandard[]): Promise<PairInput[]> {
  const [evidence, frameworks, schools, enrolled] = await Promise.all([
    loadEvidenceForPairs(db, pairs),
    loadFrameworkIds(db, [...new Set(pairs.map((p) => p.standardId))]),
    loadSchoolIds(db, [...new Set(pairs.map((p) => p.studentId))]),
    loadEnrolledCourses(db, pairs),
  ]);
  const byPair = groupByPair(evidence);

  return pairs.map((pair) => {
    const records = byPair.get(pairKey(pair)) ?? [];
    return {
      pair: { studentId: pair.studentId, standardId: pair.standardId },
      items: records.map(toEvidenceItem),
      context: {
        standardId: pair.standardId,
        frameworkId: frameworks.get(pair.standardId) ?? null,
        courseIds: courseIdsOf(records, enrolled.get(pairKey(pair)) ?? []),
        schoolId: schools.get(pair.studentId) ?? null,
      },
    };
  });
}

function resolve(
  input: PairInput,
  settings: Settings,
): { scale: ProficiencyScale; policy: CalculationPolicy } {
  return {
    scale: scaleFor(settings, input.context),
    policy: policyFor(settings.policies, input.context),
  };
}

function resultOf(input: PairInput, settings: Settings, now: Date): StoredResult {
  const { scale, policy } = resolve(input, settings);
  const computation = computeMastery(input.items, policy, scale);
  return {
    ...input.pair,
    method: policy.method,
    param: policy.param,
    score: computation.score,
    levelValue: computation.level?.value ?? null,
    evidenceCount: computation.scores.length,
    scaleId: scale.id,
    mastered: computation.mastered ? 1 : 0,
    computedAt: now.toISOString(),
  };
}

/** Whether a stored result already holds the freshly computed values (the time aside). */
function sameResult(stored: StoredResult | undefined, fresh: StoredResult): boolean {
  return (
    stored !== undefined &&
    stored.method === fresh.method &&
    stored.param === fresh.param &&
    stored.score === fresh.score &&
    stored.levelValue === fresh.levelValue &&
    stored.evidenceCount === fresh.evidenceCount &&
    stored.scaleId === fresh.scaleId &&
    stored.mastered === fresh.mastered
  );
}

/** The classes of a pair: its tasks' classes, newest evidence first, then enrolled classes. */
function courseIdsOf(records: readonly EvidenceRecord[], enrolled: readonly string[]): string[] {
  const fromTasks = [...records]
    .reverse()
    .flatMap((record) => (record.classId === null ? [] : [record.classId]));
  return [...new Set([...fromTasks, ...enrolled])];
}

function toEvidenceItem(record: EvidenceRecord): EvidenceItem {
  return {
    id: record.id,
    score: record.score === null ? null : Number(record.score),
    observedAt: record.observedAt,
    recordedAt: record.recordedAt,
    taskId: record.taskId,
    revisesId: record.revisesId === null ? null : Number(record.revisesId),
    excluded: record.excluded,
    exclusionReason: record.exclusionReason,
  };
}

function groupByPair(records: readonly EvidenceRecord[]): Map<string, EvidenceRecord[]> {
  const groups = new Map<string, EvidenceRecord[]>();
  for (const record of records) {
    const key = pairKey(record);
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  return groups;
}

function dedupe(pairs: ReadonlyArray<StudentStandard>): StudentStandard[] {
  const seen = new Map<string, StudentStandard>();
  for (const pair of pairs) seen.set(pairKey(pair), pair);
  return [...seen.values()];
}

function currentOverride(overrides: readonly StoredOverride[], standardId: string) {
  return (
    overrides.filter((o) => o.standardId === standardId && o.clearedAt === null).at(-1) ?? null
  );
}

/** The override in force at the end of a date: set by then and not yet cleared by then. */
function overrideOnDate(
  overrides: readonly StoredOverride[],
  standardId: string,
  date: string,
): StoredOverride | null {
  const end = endOf(date);
  const inForce = overrides.filter(
    (o) =>
      o.standardId === standardId &&
      Date.parse(o.setAt) < end &&
      (o.clearedAt === null || Date.parse(o.clearedAt) >= end),
  );
  return inForce.at(-1) ?? null;
}

function toDomainOverride(stored: StoredOverride) {
  return {
    levelValue: stored.levelValue,
    reason: stored.reason,
    setBy: stored.setBy,
    setAt: stored.setAt,
    basisEvidenceId: stored.basisEvidenceId,
  };
}

function onDate(standardId: string, computation: MasteryComputation) {
  return {
    standardId,
    score: computation.score,
    shownScore: computation.score === null ? null : formatScore(computation.score),
    level: computation.level,
    mastered: computation.mastered,
    evidenceCount: computation.scores.length,
  };
}

function nearestPolicyId(policies: readonly ScopedPolicy[], context: ScopeContext): string | null {
  const nearest = nearestScoped(policies, context);
  return nearest === null ? null : policyId(nearest);
}

function checkScope(change: PolicyChange): string[] {
  const kinds = ['district', 'school', 'course', 'standard'];
  if (!kinds.includes(change.scopeKind)) {
    return [`scopeKind: "${change.scopeKind}" is not one of ${kinds.join(', ')}`];
  }
  if (change.scopeKind !== 'district' && !change.scopeId) {
    return [`scopeId: a ${change.scopeKind} policy needs the ${change.scopeKind}'s id`];
  }
  return [];
}

function candidateScope(scoped: ScopedPolicy | StoredScale): CandidateScope {
  return scoped.scopeKind === 'district' || scoped.scopeId === null
    ? { kind: 'all' }
    : { kind: scoped.scopeKind, id: scoped.scopeId };
}

type CandidateScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'standard' | 'school' | 'course' | 'framework'; readonly id: string };

/** The pairs within a scope that a predicate over their inputs selects, in batches. */
async function affectedPairs(
  db: Db,
  scope: CandidateScope,
  selects: (input: PairInput) => boolean,
): Promise<StudentStandard[]> {
  const candidates =
    scope.kind === 'all' ? await listEvidencePairs(db) : await listPairsInScope(db, scope);
  const affected: StudentStandard[] = [];
  for (const chunk of chunked(candidates)) {
    const inputs = await loadPairInputs(db, chunk);
    affected.push(...inputs.filter(selects).map((input) => input.pair));
  }
  return affected;
}

function outcome(affected: readonly StudentStandard[], dryRun: boolean, changed: number) {
  return {
    ok: true as const,
    dryRun,
    students: new Set(affected.map((pair) => pair.studentId)).size,
    results: affected.length,
    changed,
  };
}

async function loadResultsOfStudent(db: Db, studentId: string): Promise<StoredResult[]> {
  const pairs = await listPairsInScope(db, { kind: 'student', id: studentId });
  return loadResults(db, pairs);
}

async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
