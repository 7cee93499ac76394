/**
 * The mastery detail page of one student on one standard: the level (or the teacher's
 * override, marked), what's next, the calculation, and every piece of evidence in the order
 * the engine reads it with whether it counted. Staff also get the forms to set evidence aside,
 * count it again, and set or clear an override; students and families read the same
 * calculation in their own words, without those controls.
 */
import type { MasteryDetail, EvidenceLine } from '../../services/mastery-detail.service.js';
import { formatScore, type ProficiencyScale, type ScaleLevel } from '../../domain/scale.js';
import type { StudentSummary } from '../../store/roster.repository.js';
import { Calculation, type Audience } from './calculation.view.js';
import { LevelBadge } from './components.js';
import { Layout, type PageFrame } from './layout.js';
import { formatDay, formatScore as shownScore, shortCode, type ShownLevel } from './levels.js';

/** Everything the page shows. */
export interface MasteryDetailModel {
  readonly student: StudentSummary;
  readonly detail: MasteryDetail;
  readonly audience: Audience;
  /** True for staff who may set evidence aside and override the level. */
  readonly canChange: boolean;
  /** A message after a change ("Saved ..."), or null. */
  readonly notice: string | null;
  /** Problems with a submitted form, by field. */
  readonly errors: Readonly<Record<string, string>>;
}

/** The level on a scale as the badge shows it (its rank picks the color). */
export function shownLevel(scale: ProficiencyScale, level: ScaleLevel | null): ShownLevel | null {
  if (!level) return null;
  const rank = scale.levels.findIndex((candidate) => candidate.value === level.value) + 1;
  return { ...level, rank: Math.max(rank, 1) };
}

/** The link to a student's mastery detail on a standard. */
export function masteryDetailHref(studentId: string, standardId: string): string {
  return `/students/${studentId}/mastery/${standardId}`;
}

/** The page. */
export function MasteryDetailPage(props: PageFrame & { readonly model: MasteryDetailModel }) {
  const { model } = props;
  const { student, detail } = model;
  const { explained } = detail;
  return (
    <Layout {...props}>
      <div class="page-head">
        <div>
          <p class="eyebrow">
            <a href={`/students/${student.id}`}>
              {student.givenName} {student.familyName}
            </a>{' '}
            · Mastery detail
          </p>
          <h1>
            <span class="code">{shortCode(detail.standard.code)}</span>{' '}
            {standardWording(detail, model.audience)}
          </h1>
        </div>
        <a class="button-secondary" href="/mastery/how">
          How mastery is calculated
        </a>
      </div>
      {model.notice && (
        <p class="alert alert-success" role="status">
          {model.notice}
        </p>
      )}
      <FormProblems errors={model.errors} />
      <LevelPanel model={model} />
      <Calculation
        audience={model.audience}
        policy={explained.policy}
        steps={explained.steps}
        shownScore={explained.shownScore}
        level={explained.level}
      />
      <EvidenceSection model={model} csrfToken={props.csrfToken} />
      {model.canChange && <OverrideForms model={model} csrfToken={props.csrfToken} />}
    </Layout>
  );
}

function standardWording(detail: MasteryDetail, audience: Audience): string {
  const { standard } = detail;
  if (audience === 'student') return standard.studentWording ?? standard.statement;
  if (audience === 'family') return standard.familyWording ?? standard.statement;
  return standard.statement;
}

function FormProblems(props: { readonly errors: Readonly<Record<string, string>> }) {
  const messages = Object.values(props.errors);
  if (messages.length === 0) return <></>;
  return (
    <div class="alert alert-error" role="alert">
      <h2>Nothing was changed</h2>
      <ul>
        {messages.map((message) => (
          <li>{message}</li>
        ))}
      </ul>
    </div>
  );
}

function LevelPanel(props: { readonly model: MasteryDetailModel }) {
  const { detail, audience } = props.model;
  const { explained } = detail;
  const override = explained.override;
  const shown = override?.level ?? explained.level;
  return (
    <section class="panel level-panel" aria-labelledby="level-heading">
      <h2 id="level-heading">Level now</h2>
      <div class="level-now">
        <LevelBadge level={shownLevel(explained.scale, shown)} />
        {override && <span class="tag tag-override">Set by hand</span>}
        {override?.stale && <span class="tag tag-stale">Out of date</span>}
      </div>
      {shown && <p class="level-words">{levelWords(shown, audience)}</p>}
      {override && <OverrideNote model={props.model} />}
      <p class="computed">
        {override ? 'Calculated from the evidence: ' : 'Score: '}
        {explained.shownScore ?? 'not enough evidence yet'}
        {override && explained.level ? ` (${explained.level.label})` : ''}
        {explained.shownScore ? ' on a scale up to ' : ''}
        {explained.shownScore ? formatScore(explained.scale.levels.at(-1)?.value ?? 0) : ''}.
      </p>
      <WhatNextText model={props.model} />
    </section>
  );
}

function levelWords(level: ScaleLevel, audience: Audience): string {
  if (audience === 'student') return level.studentWording;
  if (audience === 'family') return level.familyWording;
  return level.descriptor;
}

function OverrideNote(props: { readonly model: MasteryDetailModel }) {
  const override = props.model.detail.explained.override;
  if (!override) return <></>;
  const newer = override.newerEvidenceIds.length;
  return (
    <div class="override-note">
      <p>
        A teacher set this level by hand on {formatDay(override.override.setAt)}. Reason: “
        {override.override.reason}”
      </p>
      {override.stale && (
        <p class="stale-note">
          Out of date: {newer} newer {newer === 1 ? 'piece' : 'pieces'} of evidence arrived after it
          was set. {props.model.canChange ? 'Look again and renew or clear it.' : ''}
        </p>
      )}
    </div>
  );
}

/** "What's next", from the engine's answer, in the reader's words. */
function WhatNextText(props: { readonly model: MasteryDetailModel }) {
  const { detail, audience, student } = props.model;
  const { explained, nextLevel } = detail;
  const goal = explained.scale.levels.find((level) => level.isMastery);
  const goalName = goal ? `${goal.value} ${goal.label}` : 'the mastery threshold';
  const next = explained.whatNext;

  let text: string;
  if (next.masteredNow) text = masteredText(audience, student.givenName, goalName);
  else if (next.kind === 'out_of_reach' || nextLevel === null) {
    text = `One more score cannot reach ${goalName} yet; it will take more than one piece of work.`;
  } else {
    const piece = audience === 'staff' ? 'evidence' : 'work';
    const whose = audience === 'student' ? 'your' : 'the';
    text = `A ${nextLevel.value} (${nextLevel.label}) on ${whose} next piece of ${piece} would reach ${goalName}.`;
  }
  return (
    <div class="what-next">
      <h3>What’s next</h3>
      <p>{text}</p>
      {audience === 'staff' && <p class="engine-words">{explained.whatNextText}</p>}
    </div>
  );
}

function masteredText(audience: Audience, name: string, goalName: string): string {
  if (audience === 'student') return `You have reached ${goalName}. Keep it up.`;
  if (audience === 'family') return `${name} has reached the goal, ${goalName}.`;
  return `Mastery threshold ${goalName} reached.`;
}

function EvidenceSection(props: {
  readonly model: MasteryDetailModel;
  readonly csrfToken: string;
}) {
  const { detail, canChange } = props.model;
  return (
    <section class="panel" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Evidence, oldest first</h2>
      {detail.evidence.length === 0 && <p class="empty">No evidence has been recorded yet.</p>}
      {detail.evidence.length > 0 && (
        <table class="evidence-table mastery-evidence">
          <caption class="visually-hidden">
            Every piece of evidence in the order the calculation reads it, and whether it counted
          </caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Date</th>
              <th scope="col">Score</th>
              <th scope="col">Task and feedback</th>
              <th scope="col">Counted?</th>
              {canChange && <th scope="col">Change</th>}
            </tr>
          </thead>
          <tbody>
            {detail.evidence.map((line, index) => (
              <EvidenceRow
                line={line}
                order={index + 1}
                model={props.model}
                csrfToken={props.csrfToken}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function EvidenceRow(props: {
  readonly line: EvidenceLine;
  readonly order: number;
  readonly model: MasteryDetailModel;
  readonly csrfToken: string;
}) {
  const { line, model } = props;
  const { item, detail } = line;
  return (
    <tr class={`row-${line.status}`} id={`evidence-${item.id}`}>
      <td>{props.order}</td>
      <td class="nowrap">{formatDay(item.observedAt)}</td>
      <td>{shownScore(item.score)}</td>
      <td class="feedback">
        <p>
          {detail?.taskTitle ?? 'Observation'}
          {detail && <span class="format">{detail.format}</span>}
          {item.revisesId != null && <span class="tag">Revision</span>}
        </p>
        {detail?.strength && (
          <p>
            <strong>Strength:</strong> {detail.strength}
          </p>
        )}
        {detail?.nextStep && (
          <p>
            <strong>Next step:</strong> {detail.nextStep}
          </p>
        )}
      </td>
      <td>
        <StatusText line={line} staff={model.audience === 'staff'} />
      </td>
      {model.canChange && (
        <td>
          <ExclusionForm line={line} model={model} csrfToken={props.csrfToken} />
        </td>
      )}
    </tr>
  );
}

/** Whether a piece of evidence counted; the reason for setting it aside is for staff only. */
function StatusText(props: { readonly line: EvidenceLine; readonly staff: boolean }) {
  const { line } = props;
  switch (line.status) {
    case 'counted':
      return <span class="status status-counted">Counted</span>;
    case 'superseded':
      return (
        <span class="status status-muted">
          Not counted: replaced by a revision
          {line.supersededBy === null ? '' : ` (#${line.supersededBy})`}
        </span>
      );
    case 'excluded':
      return (
        <span class="status status-muted">
          Set aside, not counted
          {props.staff && line.item.exclusionReason ? `: ${line.item.exclusionReason}` : ''}
        </span>
      );
    case 'no_score':
      return <span class="status status-muted">Not scored</span>;
  }
}

function ExclusionForm(props: {
  readonly line: EvidenceLine;
  readonly model: MasteryDetailModel;
  readonly csrfToken: string;
}) {
  const { line, model } = props;
  const base = `/students/${model.student.id}/mastery/${model.detail.standard.id}/evidence/${line.item.id}`;
  if (line.status === 'excluded') {
    return (
      <form method="post" action={`${base}/include`} class="inline-form">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <button type="submit" class="button-quiet">
          Count it again
        </button>
      </form>
    );
  }
  const fieldId = `reason-${line.item.id}`;
  return (
    <form method="post" action={`${base}/exclude`} class="inline-form">
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      <label for={fieldId}>Reason to set aside</label>
      <input type="text" id={fieldId} name="reason" required maxlength={500} />
      <button type="submit" class="button-quiet">
        Set aside
      </button>
    </form>
  );
}

function OverrideForms(props: { readonly model: MasteryDetailModel; readonly csrfToken: string }) {
  const { model } = props;
  const { explained } = model.detail;
  const base = `/students/${model.student.id}/mastery/${model.detail.standard.id}`;
  return (
    <section class="panel override-forms" aria-labelledby="override-heading">
      <h2 id="override-heading">Override the level</h2>
      <p>
        An override replaces the calculated level with one you choose. It is marked on every page,
        and marked out of date when newer evidence arrives.
      </p>
      <form method="post" action={`${base}/override`} class="stack">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <div class="form-row">
          <div class="field">
            <label for="override-level">Level</label>
            <select id="override-level" name="levelValue" required>
              {explained.scale.levels.map((level) => (
                <option value={String(level.value)}>
                  {level.value} {level.label}
                </option>
              ))}
            </select>
          </div>
          <div class="field field-wide">
            <label for="override-reason">Reason (shown to the student and family)</label>
            <input type="text" id="override-reason" name="reason" required maxlength={500} />
          </div>
        </div>
        <button type="submit" class="button-primary">
          Set the level by hand
        </button>
      </form>
      {explained.override && (
        <form method="post" action={`${base}/override/clear`} class="clear-override">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <button type="submit" class="button-secondary">
            Clear the override and use the calculated level
          </button>
        </form>
      )}
    </section>
  );
}
