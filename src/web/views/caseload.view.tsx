/**
 * The caseload dashboard of a special educator or therapist: goals whose decision rule asks
 * the case manager to act, then goals due for data today, later this week, and the rest.
 */
import { ACTION_DECISIONS, type CaseloadGoal } from '../../services/caseload.service.js';
import { Layout, type PageFrame } from './layout.js';
import { formatDay } from './levels.js';

/** Everything the caseload page shows. */
export interface CaseloadModel {
  readonly today: string;
  readonly goals: readonly CaseloadGoal[];
}

/** The caseload page. */
export function CaseloadPage(props: PageFrame & { readonly model: CaseloadModel }) {
  const { goals, today } = props.model;
  const act = goals.filter((g) => g.managed && g.decision && ACTION_DECISIONS.has(g.decision));
  const dueToday = goals.filter((g) => g.dueToday);
  const later = goals.filter((g) => !g.dueToday && g.dueLaterThisWeek.length > 0);
  const rest = goals.filter((g) => !g.dueToday && g.dueLaterThisWeek.length === 0);
  return (
    <Layout {...props}>
      <div class="page-head">
        <div>
          <p class="eyebrow">{formatDay(today)}</p>
          <h1>My caseload</h1>
        </div>
      </div>
      {goals.length === 0 && <p class="empty">No IEP goals are assigned to you.</p>}
      {act.length > 0 && (
        <section class="panel alert-panel" aria-labelledby="act-heading">
          <h2 id="act-heading">Needs your decision ({act.length})</h2>
          <p class="muted">The decision rule on these goals says to change course.</p>
          <ul class="goal-list">
            {act.map((goal) => (
              <li>
                <GoalLine goal={goal} />
                <p class="decision decision-act">
                  <strong>{goal.decisionLabel}.</strong> {goal.decisionWhy}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <GoalSection id="today" title={`Due today (${dueToday.length})`} goals={dueToday} always />
      <GoalSection id="week" title={`Due later this week (${later.length})`} goals={later} always />
      <GoalSection id="other" title={`Other goals (${rest.length})`} goals={rest} />
    </Layout>
  );
}

function GoalSection(props: {
  readonly id: string;
  readonly title: string;
  readonly goals: readonly CaseloadGoal[];
  /** Shown with "Nothing here" when empty, instead of left out. */
  readonly always?: boolean;
}) {
  if (props.goals.length === 0 && !props.always) return null;
  return (
    <section class="panel" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.goals.length === 0 && <p class="empty">No data due.</p>}
      <ul class="goal-list" hidden={props.goals.length === 0}>
        {props.goals.map((goal) => (
          <li>
            <GoalLine goal={goal} />
            <p class="muted">
              {goal.dueLaterThisWeek.length > 0 &&
                `Due ${goal.dueLaterThisWeek.map((d) => formatDay(d)).join(', ')}. `}
              Last data: {goal.lastSession ? formatDay(goal.lastSession) : 'none yet'}.
              {goal.decisionLabel && ` Decision rule: ${goal.decisionLabel.toLowerCase()}.`}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function GoalLine(props: { readonly goal: CaseloadGoal }) {
  const { goal } = props;
  return (
    <div class="goal-line">
      <div>
        <p class="goal-student">
          <a href={`/students/${goal.studentId}/profile`}>{goal.studentName}</a> ·{' '}
          <span class="goal-area">{goal.area}</span>
        </p>
        <p class="goal-statement">{goal.statement}</p>
      </div>
      <div class="goal-actions">
        {goal.collectionType && (
          <a class="button-primary" href={`/goals/${goal.goalId}/collect`}>
            Collect data
            <span class="visually-hidden">
              : {goal.studentName}, {goal.area}
            </span>
          </a>
        )}
        <a class="button-quiet" href={`/goals/${goal.goalId}`}>
          Graph
          <span class="visually-hidden">
            : {goal.studentName}, {goal.area}
          </span>
        </a>
      </div>
    </div>
  );
}
