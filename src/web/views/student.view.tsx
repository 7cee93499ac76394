/**
 * A student's page: each standard with its current level and the evidence behind it (date,
 * score and level, format, feedback), and for students with an IEP a summary of the plan.
 * Staff see the teacher's statement; a student sees "I can" wording; a family, family wording.
 */
import type { Role } from '../../store/schema.js';
import type {
  EvidenceEntry,
  MasteryCell,
  ScaleLevel,
  StandardSummary,
} from '../../store/gradebook.repository.js';
import type { IepSummary } from '../../store/iep.repository.js';
import type { StudentMasteryPanels } from '../../services/mastery-detail.service.js';
import { masteryDetailHref } from './mastery-detail.view.js';
import { MasteryPanels } from './mastery-panels.view.js';
import type { StudentSummary } from '../../store/roster.repository.js';
import { LevelBadge, ScaleLegend } from './components.js';
import { Layout, type PageFrame } from './layout.js';
import {
  evidenceCountText,
  formatDay,
  formatScore,
  levelFor,
  shortCode,
  type ShownLevel,
} from './levels.js';
import { RecordLinks } from './record-links.js';

/** Everything the student page shows. */
export interface StudentPageModel {
  readonly student: StudentSummary;
  readonly standards: readonly StandardSummary[];
  readonly mastery: readonly MasteryCell[];
  readonly evidence: readonly EvidenceEntry[];
  readonly levels: readonly ScaleLevel[];
  readonly ieps: readonly IepSummary[];
  readonly familyReportHref: string | null;
  /** The mastery panels (as of a date, rollup, course summary, overrides), when loaded. */
  readonly panels?: StudentMasteryPanels;
  /** The "as of" date asked for, or "". */
  readonly asOfValue?: string;
}

/** The student page for the viewer's role. */
export function StudentPage(props: PageFrame & { readonly model: StudentPageModel }) {
  const { model } = props;
  const role = props.viewer?.role ?? 'student';
  const student = model.student;
  const masteryOf = new Map(model.mastery.map((cell) => [cell.standardId, cell]));
  return (
    <Layout {...props}>
      <div class="page-head">
        <div>
          <p class="eyebrow">
            {[student.schoolName, student.gradeLevel && `Grade ${student.gradeLevel}`]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <h1>
            {student.givenName} {student.familyName}
          </h1>
        </div>
        <div class="actions">
          {model.familyReportHref && (
            <a class="button-secondary" href={model.familyReportHref}>
              Family report
            </a>
          )}
          <a class="button-secondary" href={`/students/${student.id}/portfolio`}>
            {role === 'guardian' ? 'Work samples' : 'Portfolio'}
          </a>
        </div>
      </div>
      <RecordLinks role={role} studentId={student.id} />
      {model.ieps.length > 0 && role !== 'student' && <IepSummaryPanel ieps={model.ieps} />}
      <ScaleLegend levels={model.levels} />
      {model.panels && isStaff(role) && (
        <MasteryPanels
          studentId={student.id}
          panels={model.panels}
          levels={model.levels}
          asOfValue={model.asOfValue ?? ''}
        />
      )}
      <section aria-labelledby="standards-heading">
        <h2 id="standards-heading">Standards</h2>
        {model.standards.length === 0 && <p class="empty">No evidence has been recorded yet.</p>}
        {model.standards.map((standard) => (
          <StandardSection
            studentId={student.id}
            override={model.panels?.overrides.get(standard.id)}
            standard={standard}
            role={role}
            cell={masteryOf.get(standard.id)}
            levels={model.levels}
            evidence={model.evidence.filter((e) => e.standardId === standard.id)}
          />
        ))}
      </section>
    </Layout>
  );
}

/** Staff see the staff panels and staff-only fields; a student or family does not. */
function isStaff(role: Role): boolean {
  return role !== 'student' && role !== 'guardian';
}

function wordingFor(standard: StandardSummary, role: Role): string {
  if (role === 'student') return standard.studentWording ?? standard.statement;
  if (role === 'guardian') return standard.familyWording ?? standard.statement;
  return standard.statement;
}

function StandardSection(props: {
  readonly studentId: string;
  readonly override:
    { readonly level: { readonly value: number } | null; readonly stale: boolean } | undefined;
  readonly standard: StandardSummary;
  readonly role: Role;
  readonly cell: MasteryCell | undefined;
  readonly levels: readonly ScaleLevel[];
  readonly evidence: readonly EvidenceEntry[];
}) {
  const { standard, cell, levels, evidence } = props;
  const count = cell?.evidenceCount ?? 0;
  const computed = count > 0 ? levelFor(levels, cell?.levelValue ?? null) : null;
  const override = props.override;
  const level = override?.level ? levelFor(levels, override.level.value) : computed;
  const headingId = `standard-${standard.id}-heading`;
  return (
    <article class="panel standard" id={`standard-${standard.id}`} aria-labelledby={headingId}>
      <header class="standard-head">
        <div>
          <h3 id={headingId}>
            <span class="code">{shortCode(standard.code)}</span> {wordingFor(standard, props.role)}
          </h3>
        </div>
        <div class="standard-level">
          <LevelBadge level={level} />
          {override && <span class="tag tag-override">Set by hand</span>}
          {override?.stale && <span class="tag tag-stale">Out of date</span>}
          <span class="count">{evidenceCountText(count)}</span>
          <a class="calc-link" href={masteryDetailHref(props.studentId, standard.id)}>
            How this level is calculated
          </a>
        </div>
      </header>
      <EvidenceTable
        evidence={evidence}
        levels={levels}
        caption={shortCode(standard.code)}
        staff={isStaff(props.role)}
      />
    </article>
  );
}

function EvidenceTable(props: {
  readonly evidence: readonly EvidenceEntry[];
  readonly levels: readonly ScaleLevel[];
  readonly caption: string;
  readonly staff: boolean;
}) {
  const revised = new Set(props.evidence.map((e) => e.revisesId).filter((id) => id !== null));
  return (
    <table class="evidence-table">
      <caption class="visually-hidden">Evidence history for {props.caption}, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Level</th>
          <th scope="col">Task and format</th>
          <th scope="col">Feedback</th>
        </tr>
      </thead>
      <tbody>
        {props.evidence.map((entry) => (
          <EvidenceRow
            entry={entry}
            level={levelFor(props.levels, entry.score)}
            superseded={revised.has(entry.id)}
            staff={props.staff}
          />
        ))}
      </tbody>
    </table>
  );
}

function EvidenceRow(props: {
  readonly entry: EvidenceEntry;
  readonly level: ShownLevel | null;
  readonly superseded: boolean;
  readonly staff: boolean;
}) {
  const { entry, level, superseded } = props;
  return (
    <tr class={superseded ? 'superseded' : undefined}>
      <td class="nowrap">{formatDay(entry.observedAt)}</td>
      <td>
        <LevelBadge level={level} />
        <span class="score">Score {formatScore(entry.score)}</span>
      </td>
      <td>
        {entry.taskTitle ?? 'Observation'}
        <span class="format">{entry.format}</span>
        {entry.revisesId !== null && <span class="tag">Revision</span>}
        {superseded && <span class="tag tag-muted">Replaced by a revision</span>}
      </td>
      <td class="feedback">
        {entry.strength && (
          <p>
            <strong>Strength:</strong> {entry.strength}
          </p>
        )}
        {entry.nextStep && (
          <p>
            <strong>Next step:</strong> {entry.nextStep}
          </p>
        )}
        {props.staff && entry.supports && (
          <p>
            <strong>Supports:</strong> {entry.supports}
          </p>
        )}
      </td>
    </tr>
  );
}

function IepSummaryPanel(props: { readonly ieps: readonly IepSummary[] }) {
  return (
    <section class="panel iep" aria-labelledby="iep-heading">
      <h2 id="iep-heading">IEP summary</h2>
      {props.ieps.map(({ iep, caseManagerName, goals }) => (
        <div class="iep-plan">
          <dl class="facts">
            <div>
              <dt>Plan dates</dt>
              <dd>
                {formatDay(iep.begin_date)} to {formatDay(iep.end_date)}
              </dd>
            </div>
            <div>
              <dt>Next review</dt>
              <dd>{formatDay(iep.review_date)}</dd>
            </div>
            <div>
              <dt>Case manager</dt>
              <dd>{caseManagerName ?? '—'}</dd>
            </div>
            <div>
              <dt>Setting</dt>
              <dd>{iep.setting ?? '—'}</dd>
            </div>
          </dl>
          <p>
            <a href={`/students/${iep.student_id}/iep?iep=${iep.id}`}>
              Open the IEP: goals, graphs, supports and progress reports
            </a>
          </p>
          <h3>Goals</h3>
          <ul class="goals">
            {goals.map((goal) => (
              <li>
                <p class="goal-area">{goal.area}</p>
                <p>{goal.statement}</p>
                <p class="goal-numbers">
                  Baseline {goal.baseline_value ?? '—'} ({formatDay(goal.baseline_date)}), target{' '}
                  {goal.target_value ?? '—'} by {formatDay(goal.goal_date)}; measured as{' '}
                  {goal.measurement_type}.
                </p>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
