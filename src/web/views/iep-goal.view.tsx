/**
 * An IEP goal for the case manager: the goal and its criterion in English and Spanish, the
 * decision with its rule's name, the criterion's status, the accessible graph with the same
 * data as a table, the trend against the goal line, phase changes, every data session with
 * correct and void (history kept), the goal's progress reports, and the trend and decision
 * rule settings. Data is entered on the quick-entry page.
 */
import type { Sentences } from '../../domain/criterion/criterion-sentence.js';
import { ProgressGraph, ProgressTable } from '../../reports/charts/progress-graph.js';
import type { GoalDefinition } from '../../services/iep.service.js';
import { COLLECTION_TYPE_NAMES } from '../../services/iep-pages.service.js';
import type { GoalProgress } from '../../services/progress-monitoring.service.js';
import { CriterionSentences } from './iep.view.js';
import { Layout, type PageFrame } from './layout.js';
import { formatDay } from './levels.js';

/** One data session in the list, with its history. */
export interface SessionRow {
  readonly id: string;
  readonly date: string;
  readonly value: string;
  readonly setting: string | null;
  readonly collectedBy: string | null;
  readonly note: string | null;
  readonly voided: boolean;
  readonly version: number;
  readonly history: readonly string[];
}

/** A progress report on this goal. */
export interface GoalReportRow {
  readonly period: string;
  readonly suggested: string;
  readonly confirmed: string | null;
  readonly overrideReason: string | null;
  readonly sentAt: string | null;
}

/** Everything the goal page shows. */
export interface IepGoalModel {
  readonly studentId: string;
  readonly studentName: string;
  readonly goal: GoalDefinition;
  readonly criterion: Sentences | null;
  readonly progress: GoalProgress | null;
  readonly sessions: readonly SessionRow[];
  readonly reports: readonly GoalReportRow[];
  readonly canManage: boolean;
  readonly collectHref: string | null;
  readonly notice: string | null;
  readonly today: string;
}

/** The IEP goal page. */
export function IepGoalPage(props: PageFrame & { readonly model: IepGoalModel }) {
  const { model, csrfToken } = props;
  const { goal, progress } = model;
  return (
    <Layout {...props}>
      <p class="eyebrow">
        <a href={`/students/${model.studentId}/iep`}>{model.studentName} · IEP</a> · goal
      </p>
      <div class="page-head">
        <h1>{goal.area}</h1>
        {model.collectHref && (
          <a class="button-primary" href={model.collectHref}>
            Collect data
          </a>
        )}
      </div>
      {model.notice && (
        <p class="alert alert-success" role="status">
          {model.notice}
        </p>
      )}
      <GoalFacts model={model} />
      {progress ? (
        <>
          <DecisionPanel progress={progress} />
          <GraphPanel progress={progress} />
        </>
      ) : (
        <p class="empty">No graph yet: the goal needs a baseline date and a goal date.</p>
      )}
      <PhaseChanges model={model} csrfToken={csrfToken} />
      <Sessions model={model} csrfToken={csrfToken} />
      <Reports reports={model.reports} />
      {model.canManage && <Settings goal={goal} csrfToken={csrfToken} />}
    </Layout>
  );
}

function GoalFacts(props: { readonly model: IepGoalModel }) {
  const { goal } = props.model;
  return (
    <section class="panel" aria-labelledby="goal-heading">
      <h2 id="goal-heading">The goal</h2>
      <p class="goal-statement">{goal.statement}</p>
      <dl class="facts">
        <div>
          <dt>Baseline</dt>
          <dd>
            {goal.baseline.value} on {formatDay(goal.baseline.date)} ({goal.baseline.method})
          </dd>
        </div>
        <div>
          <dt>Target</dt>
          <dd>
            {goal.target.value} by {formatDay(goal.target.date)}
          </dd>
        </div>
        <div>
          <dt>Measured as</dt>
          <dd>
            {goal.collectionType ? COLLECTION_TYPE_NAMES[goal.collectionType] : goal.measurement} (
            {goal.unitLabel})
          </dd>
        </div>
        <div>
          <dt>Good direction</dt>
          <dd>{goal.direction === 'increase' ? 'higher is better' : 'lower is better'}</dd>
        </div>
      </dl>
      {props.model.criterion && <CriterionSentences sentences={props.model.criterion} />}
    </section>
  );
}

/**
 * The decision as one line naming its rule: "4-point rule: the last 4 points are all above
 * the goal line → raise the goal".
 */
export function decisionLine(progress: GoalProgress): string {
  const d = progress.decision;
  const why = d.why.en.replace(/\.$/, '');
  return `${d.ruleName.en}: ${lowerFirst(why)} → ${lowerFirst(d.label.en)}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function slope(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return `${rounded > 0 ? '+' : ''}${rounded}`;
}

function DecisionPanel(props: { readonly progress: GoalProgress }) {
  const { progress } = props;
  const act =
    progress.decision.value === 'change_intervention' || progress.decision.value === 'raise_goal';
  const criterion = progress.criterion;
  return (
    <section
      class={`panel decision-panel${act ? ' decision-act' : ''}`}
      aria-labelledby="decision-heading"
      id="decision"
    >
      <h2 id="decision-heading">Decision: {progress.decision.label.en}</h2>
      <p class="iep-decision" data-decision={progress.decision.value}>
        {decisionLine(progress)}
      </p>
      <p lang="es" class="muted">
        {progress.decision.ruleName.es}: {progress.decision.why.es} → {progress.decision.label.es}
      </p>
      <dl class="facts">
        <div>
          <dt>Data points</dt>
          <dd data-point-count={String(progress.points.length)}>{progress.points.length}</dd>
        </div>
        <div>
          <dt>Goal line</dt>
          <dd>{slope(progress.goalLine.slopePerWeek)} per week</dd>
        </div>
        <div>
          <dt>Trend</dt>
          <dd data-trend-slope={progress.trend ? String(progress.trend.slopePerWeek) : ''}>
            {progress.trend
              ? `${slope(progress.trend.slopePerWeek)} per week (${progress.goal.trendMethod === 'tukey' ? 'Tukey' : 'least squares'})`
              : 'not enough points yet'}
          </dd>
        </div>
        <div>
          <dt>Projected at the goal date</dt>
          <dd>
            {progress.projectedAtGoalDate === null
              ? '—'
              : String(Math.round(progress.projectedAtGoalDate * 10) / 10)}
          </dd>
        </div>
      </dl>
      {criterion && (
        <p class="iep-criterion-status">
          <strong>Mastery criterion:</strong>{' '}
          {criterion.met
            ? `met on ${formatDay(criterion.metOn)}.`
            : `not met yet: ${criterion.shortfall?.en ?? ''}.`}
        </p>
      )}
    </section>
  );
}

/** A goal's progress graph with the same data as a table (also on the data-collection page). */
export function GraphPanel(props: { readonly progress: GoalProgress }) {
  const { progress } = props;
  return (
    <section class="panel graph-panel" id="graph" aria-labelledby="graph-heading">
      <h2 id="graph-heading">Progress graph</h2>
      <div class="graph" data-points={String(progress.points.length)}>
        <ProgressGraph progress={progress} options={{ size: 'page' }} />
      </div>
      <details class="graph-data">
        <summary>The graph's data as a table</summary>
        <ProgressTable progress={progress} />
      </details>
    </section>
  );
}

function PhaseChanges(props: { readonly model: IepGoalModel; readonly csrfToken: string }) {
  const { model } = props;
  const changes = model.progress?.phaseChanges ?? [];
  return (
    <section class="panel" aria-labelledby="phase-heading">
      <h2 id="phase-heading">Phase changes</h2>
      {changes.length === 0 ? (
        <p class="muted">No change of intervention recorded yet.</p>
      ) : (
        <ul class="plain-list">
          {changes.map((c) => (
            <li>
              {formatDay(c.date)}: {c.label}
            </li>
          ))}
        </ul>
      )}
      {model.canManage && (
        <form method="post" action={`/iep-goals/${model.goal.id}/phase-changes`} class="form-row">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <div class="field">
            <label for="phase-date">Date of the change</label>
            <input type="date" id="phase-date" name="date" value={model.today} required />
          </div>
          <div class="field grow">
            <label for="phase-label">What changed</label>
            <input type="text" id="phase-label" name="label" required maxlength={120} />
          </div>
          <div class="field">
            <button type="submit" class="button-secondary">
              Add phase change
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function Sessions(props: { readonly model: IepGoalModel; readonly csrfToken: string }) {
  const { model } = props;
  return (
    <section class="panel" aria-labelledby="sessions-heading" id="sessions">
      <h2 id="sessions-heading">Data sessions ({model.sessions.length})</h2>
      {model.sessions.length === 0 && <p class="empty">No data yet.</p>}
      {model.sessions.length > 0 && (
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col" class="numeric">
                  Value
                </th>
                <th scope="col">Setting</th>
                <th scope="col">Collected by</th>
                <th scope="col">Note</th>
                {model.canManage && <th scope="col">Correct or void</th>}
              </tr>
            </thead>
            <tbody>
              {model.sessions.map((s) => (
                <SessionLine session={s} model={model} csrfToken={props.csrfToken} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function SessionLine(props: {
  readonly session: SessionRow;
  readonly model: IepGoalModel;
  readonly csrfToken: string;
}) {
  const { session: s, model } = props;
  const base = `/iep-goals/${model.goal.id}/sessions/${s.id}`;
  return (
    <tr class={s.voided ? 'superseded' : undefined}>
      <th scope="row" class="nowrap">
        {formatDay(s.date)}
        {s.voided && <span class="tag tag-muted">voided</span>}
      </th>
      <td class="numeric">{s.value}</td>
      <td>{s.setting ?? '—'}</td>
      <td>{s.collectedBy ?? '—'}</td>
      <td>
        {s.note ?? ''}
        {s.history.length > 1 && (
          <details>
            <summary>History ({s.history.length})</summary>
            <ul>
              {s.history.map((h) => (
                <li>{h}</li>
              ))}
            </ul>
          </details>
        )}
      </td>
      {model.canManage && (
        <td>
          <form method="post" action={`${base}/void`} class="inline-form">
            <input type="hidden" name="_csrf" value={props.csrfToken} />
            <input type="hidden" name="expectedVersion" value={String(s.version)} />
            <input type="hidden" name="restore" value={s.voided ? '1' : '0'} />
            <button type="submit" class="button-quiet">
              {s.voided ? 'Restore' : 'Void'}
              <span class="visually-hidden"> the session of {formatDay(s.date)}</span>
            </button>
          </form>
          {!s.voided && (
            <CorrectForm session={s} action={`${base}/correct`} csrfToken={props.csrfToken} />
          )}
        </td>
      )}
    </tr>
  );
}

function CorrectForm(props: {
  readonly session: SessionRow;
  readonly action: string;
  readonly csrfToken: string;
}) {
  const { session: s } = props;
  const id = `c-${s.id.slice(0, 8)}`;
  return (
    <details>
      <summary>
        Correct<span class="visually-hidden"> the session of {formatDay(s.date)}</span>
      </summary>
      <form method="post" action={props.action} class="stack">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <input type="hidden" name="expectedVersion" value={String(s.version)} />
        <div class="field">
          <label for={`${id}-date`}>Date</label>
          <input type="date" id={`${id}-date`} name="date" value={s.date} />
        </div>
        <div class="field">
          <label for={`${id}-setting`}>Setting</label>
          <input type="text" id={`${id}-setting`} name="setting" value={s.setting ?? ''} />
        </div>
        <div class="field">
          <label for={`${id}-note`}>Note</label>
          <input type="text" id={`${id}-note`} name="note" value={s.note ?? ''} />
        </div>
        <p class="hint">To change the value, void the session and enter it again.</p>
        <button type="submit" class="button-secondary">
          Save correction
        </button>
      </form>
    </details>
  );
}

function Reports(props: { readonly reports: readonly GoalReportRow[] }) {
  if (props.reports.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="goal-reports">
      <h2 id="goal-reports">Progress reports on this goal</h2>
      <div class="table-scroll">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Suggested</th>
              <th scope="col">Confirmed</th>
              <th scope="col">Sent</th>
            </tr>
          </thead>
          <tbody>
            {props.reports.map((r) => (
              <tr>
                <th scope="row">{r.period}</th>
                <td>{r.suggested}</td>
                <td>
                  {r.confirmed ?? '—'}
                  {r.overrideReason && <span class="muted"> (override: {r.overrideReason})</span>}
                </td>
                <td>{r.sentAt ? formatDay(r.sentAt) : 'not yet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Settings(props: { readonly goal: GoalDefinition; readonly csrfToken: string }) {
  const { goal } = props;
  const rule = goal.decisionRule;
  const size = rule.kind === 'consecutive' ? rule.points : rule.minPoints;
  return (
    <section class="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Trend line and decision rule</h2>
      <form method="post" action={`/iep-goals/${goal.id}/settings`} class="form-row">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <input type="hidden" name="expectedVersion" value={String(goal.version)} />
        <div class="field">
          <label for="trendMethod">Trend line</label>
          <select id="trendMethod" name="trendMethod">
            <option value="ols" selected={goal.trendMethod === 'ols'}>
              Least squares (3 points or more)
            </option>
            <option value="tukey" selected={goal.trendMethod === 'tukey'}>
              Tukey, median of thirds (6 points or more)
            </option>
          </select>
        </div>
        <div class="field">
          <label for="ruleKind">Decision rule</label>
          <select id="ruleKind" name="ruleKind">
            <option value="consecutive" selected={rule.kind === 'consecutive'}>
              Consecutive points against the goal line
            </option>
            <option value="trend" selected={rule.kind === 'trend'}>
              Trend against the goal line
            </option>
          </select>
        </div>
        <div class="field">
          <label for="ruleSize">Points the rule needs</label>
          <input
            type="text"
            inputmode="numeric"
            id="ruleSize"
            name="ruleSize"
            value={String(size)}
          />
        </div>
        <div class="field">
          <button type="submit" class="button-secondary">
            Save settings
          </button>
        </div>
      </form>
    </section>
  );
}
