/**
 * What the mastery settings pages show and the scales they offer: the calculation policy in
 * force for a class and where it comes from, each standard's own policy, and for an
 * administrator the district's and schools' policies, scales and course summary switches.
 * Changes go through the engine's setPolicy / setScale (with their dry run) in
 * src/services/mastery.service.ts.
 */
import type { Kysely } from 'kysely';
import { policyFor, type ScopedPolicy } from '../domain/mastery/policy.js';
import type { CalculationPolicy } from '../domain/mastery/types.js';
import {
  DEFAULT_SCALE,
  checkScale,
  nearestScoped,
  type ProficiencyScale,
  type ScopeContext,
} from '../domain/scale.js';
import {
  courseSummaryEnabled,
  loadCourseStandardIds,
  loadPolicies,
  loadScales,
  type StoredScale,
} from '../store/mastery.repository.js';
import {
  findClassScope,
  findStandards,
  listClassesInOrg,
  type ClassScope,
  type StandardInfo,
} from '../store/mastery-web.repository.js';
import { listSchoolsWithCounts, type SchoolSummary } from '../store/roster.repository.js';
import type { Database } from '../store/schema.js';

type Db = Kysely<Database>;

/** Where the policy in force comes from. */
export type PolicySource = ScopedPolicy['scopeKind'] | 'default';

/** A policy in force and the scope that set it. */
export interface PolicyInForce {
  readonly policy: CalculationPolicy;
  readonly source: PolicySource;
}

/** The class settings page: the class's policy and each of its standards' own policies. */
export interface ClassSettings {
  readonly scope: ClassScope;
  readonly inForce: PolicyInForce;
  readonly standards: readonly {
    readonly standard: StandardInfo;
    readonly own: ScopedPolicy | null;
  }[];
}

/** The settings of a class; null when the class does not exist. */
export async function classSettings(db: Db, classId: string): Promise<ClassSettings | null> {
  const scope = await findClassScope(db, classId);
  if (!scope) return null;

  const policies = await loadPolicies(db);
  const standards = await findStandards(db, await loadCourseStandardIds(db, classId));
  return {
    scope,
    inForce: policyInForce(policies, { courseIds: [classId], schoolId: scope.schoolId }),
    standards: standards.map((standard) => ({
      standard,
      own: ownPolicy(policies, 'standard', standard.id),
    })),
  };
}

/** The policy a context gets and the scope it comes from. */
export function policyInForce(
  policies: readonly ScopedPolicy[],
  context: ScopeContext,
): PolicyInForce {
  const nearest = nearestScoped(policies, context);
  return { policy: policyFor(policies, context), source: nearest?.scopeKind ?? 'default' };
}

function ownPolicy(
  policies: readonly ScopedPolicy[],
  kind: ScopedPolicy['scopeKind'],
  id: string | null,
): ScopedPolicy | null {
  return policies.find((p) => p.scopeKind === kind && p.scopeId === id) ?? null;
}

/** One school on the administrator's settings page. */
export interface SchoolSettings {
  readonly school: SchoolSummary;
  readonly own: ScopedPolicy | null;
  readonly inForce: PolicyInForce;
  readonly scale: ProficiencyScale;
  readonly courseSummary: boolean;
}

/** The administrator's settings page. */
export interface OrgSettings {
  /** Whether this administrator may set the district policy (no organization, or a district). */
  readonly districtAllowed: boolean;
  readonly district: PolicyInForce;
  readonly schools: readonly SchoolSettings[];
  readonly classes: readonly (ClassScope & { readonly scale: ProficiencyScale })[];
  /** The scales a school or class can be put on. */
  readonly scales: readonly ProficiencyScale[];
}

/** The settings an administrator of `orgId` (null: every organization) may change. */
export async function orgSettings(
  db: Db,
  orgId: string | null,
  districtAllowed: boolean,
): Promise<OrgSettings> {
  const [policies, scales] = await Promise.all([loadPolicies(db), soundScales(db)]);
  const schools = await listSchoolsWithCounts(db, orgId);
  const classes = await listClassesInOrg(db, orgId);
  const scaleOf = (context: ScopeContext) => nearestScoped(scales, context) ?? DEFAULT_SCALE;

  return {
    districtAllowed,
    district: policyInForce(policies, {}),
    schools: await Promise.all(
      schools.map(async (school) => ({
        school,
        own: ownPolicy(policies, 'school', school.id),
        inForce: policyInForce(policies, { schoolId: school.id }),
        scale: scaleOf({ schoolId: school.id }),
        courseSummary: await courseSummaryEnabled(db, school.id),
      })),
    ),
    classes: classes.map((c) => ({
      ...c,
      scale: scaleOf({ courseIds: [c.classId], schoolId: c.schoolId }),
    })),
    scales: offeredScales(scales),
  };
}

async function soundScales(db: Db): Promise<StoredScale[]> {
  return (await loadScales(db)).filter((scale) => checkScale(scale).length === 0);
}

/** The distinct scales to offer (by id), the default first when it is not stored. */
function offeredScales(stored: readonly StoredScale[]): ProficiencyScale[] {
  const byId = new Map<string, ProficiencyScale>([[DEFAULT_SCALE.id, DEFAULT_SCALE]]);
  for (const scale of stored) byId.set(scale.id, scale);
  return [...byId.values()];
}

/**
 * The scale to store for a school or class: the levels of a base scale, with the chosen level
 * as the mastery threshold, under an id of its own for that scope (so storing it never moves
 * the base scale).
 *
 * Example: the default scale for school S with mastery at 4 becomes "scale-school-S" with
 * level 4 Extending as the only mastery level.
 */
export function scopedScale(
  base: ProficiencyScale,
  scope: { readonly kind: 'school' | 'course'; readonly id: string },
  masteryValue: number,
): ProficiencyScale {
  const threshold = base.levels.find((level) => level.value === masteryValue);
  const baseName = base.name.replace(/ \(mastery at .*\)$/, '');
  return {
    id: `scale-${scope.kind}-${scope.id}`,
    name: threshold ? `${baseName} (mastery at ${threshold.label})` : baseName,
    levels: base.levels.map((level) => ({ ...level, isMastery: level.value === masteryValue })),
  };
}

/** The scales an administrator may choose from, by id, the default included. */
export async function offeredScalesById(db: Db): Promise<Map<string, ProficiencyScale>> {
  return new Map(offeredScales(await soundScales(db)).map((scale) => [scale.id, scale]));
}
