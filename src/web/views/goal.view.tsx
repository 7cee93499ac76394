/**
 * An IEP goal for staff: its graph (goal line, data, trend, phase changes) with the data table,
 * the decision rule's answer, recent sessions and the phase-change form; and the quick-entry
 * form for one session, built for a phone (tap counters, timers, interval prompts, the prompt
 * hierarchy, task-analysis steps).
 */
import { GraphPanel } from './iep-goal.view.js';
import { ACTION_DECISIONS } from '../../services/caseload.service.js';
import type { GoalDefinition } from '../../services/iep.service.js';
import type { GoalProgress } from '../../services/progress-monitoring.service.js';
import { Layout, type PageFrame } from './layout.js';
import { formatDay } from './levels.js';

/** The number of intervals the form offers when the goal's settings name none. */
export const DEFAULT_INTERVALS = 10;

/** One recent session as listed under the graph. */
export interface SessionLine {
  readonly date: string;
  readonly value: number | null;
  readonly setting: string | null;
  readonly collectedBy: string | null;
  readonly note: string | null;
}

/** Everything the goal page shows. */
export interface GoalPageModel {
  readonly studentId: string;
  readonly studentName: string;
  readonly goal: GoalDefinition;
  readonly progress: GoalProgress | null;
  readonly sessions: readonly SessionLine[];
  readonly notice: string | null;
  readonly today: string;
  readonly canCollect: boolean;
}

/**
 * The case manager's full page of an IEP goal (criterion, decision rule, sessions, reports),
 * linked from the data-collection pages.
 */
export function fullGoalHref(goalId: string): string {
  return `/iep-goals/${goalId}`;
}

/** The goal page. */
export function GoalPage(props: PageFrame & { readonly model: GoalPageModel }) {
  const { model } = props;
  const { goal, progress } = model;
  return (
    <Layout {...props}>
      <p class="eyebrow">
        <a href={`/students/${model.studentId}/profile`}>{model.studentName}</a> · IEP goal
      </p>
      <div class="page-head">
        <h1>{goal.area}</h1>
        <div class="actions">
          {model.canCollect && goal.collectionType && (
            <a class="button-primary" href={`/goals/${goal.id}/collect`}>
              Collect data
            </a>
          )}
          <a class="button-secondary" href={fullGoalHref(goal.id)}>
            Full goal page
          </a>
        </div>
      </div>
      {model.notice && (
        <p class="alert alert-success" role="status">
          {model.notice}
        </p>
      )}
      <p class="goal-statement">{goal.statement}</p>
      <p class="muted">
        Baseline {goal.baseline.value} on {formatDay(goal.baseline.date)} · target{' '}
        {goal.target.value} by {formatDay(goal.target.date)} · {goal.unitLabel}
      </p>
      {progress ? <Progress progress={progress} /> : <p class="empty">No graph yet.</p>}
      <Sessions sessions={model.sessions} />
      {model.canCollect && <PhaseChangeForm model={model} csrfToken={props.csrfToken} />}
    </Layout>
  );
}

function Progress(props: { readonly progress: GoalProgress }) {
  const { progress } = props;
  const act = ACTION_DECISIONS.has(progress.decision.value);
  return (
    <>
      <section
        class={`panel decision-panel${act ? ' decision-act' : ''}`}
        aria-labelledby="decision-heading"
      >
        <h2 id="decision-heading">Decision rule: {progress.decision.label.en}</h2>
        <p data-decision={progress.decision.value}>
          {progress.decision.why.en} <span class="muted">({progress.decision.ruleName.en})</span>
        </p>
        {progress.criterion && (
          <p class="muted">
            Criterion: {progress.criterion.sentence.en}.{' '}
            {progress.criterion.met ? 'Met.' : (progress.criterion.shortfall?.en ?? '')}
          </p>
        )}
      </section>
      <GraphPanel progress={progress} />
    </>
  );
}

function Sessions(props: { readonly sessions: readonly SessionLine[] }) {
  if (props.sessions.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Recent sessions</h2>
      <div class="table-scroll" role="region" aria-label="Sessions table" tabindex={0}>
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
            </tr>
          </thead>
          <tbody>
            {props.sessions.map((s) => (
              <tr>
                <td class="nowrap">{formatDay(s.date)}</td>
                <td class="numeric">{s.value === null ? 'no value' : String(round(s.value))}</td>
                <td>{s.setting ?? '—'}</td>
                <td>{s.collectedBy ?? '—'}</td>
                <td>{s.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function PhaseChangeForm(props: { readonly model: GoalPageModel; readonly csrfToken: string }) {
  const { model } = props;
  return (
    <section class="panel" aria-labelledby="phase-heading">
      <h2 id="phase-heading">Record a phase change</h2>
      <p class="muted">
        When the intervention changes, mark the date with a short label. The trend and decision
        start again from it.
      </p>
      <form method="post" action={`/goals/${model.goal.id}/phase-changes`} class="form-row">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <div class="field">
          <label for="phase-date">Date</label>
          <input type="date" id="phase-date" name="date" value={model.today} required />
        </div>
        <div class="field grow">
          <label for="phase-label">Label</label>
          <input
            type="text"
            id="phase-label"
            name="label"
            required
            maxlength={120}
            placeholder="Added a visual schedule"
          />
        </div>
        <div class="field">
          <button type="submit" class="button-secondary">
            Save phase change
          </button>
        </div>
      </form>
    </section>
  );
}

/** Everything the quick-entry page shows. */
export interface CollectModel {
  readonly studentName: string;
  readonly goal: GoalDefinition;
  readonly collectorName: string;
  readonly today: string;
  readonly settings: readonly string[];
  readonly values: Readonly<Record<string, string>>;
  readonly error: { readonly field: string; readonly message: string } | null;
}

/** The quick-entry page. */
export function CollectPage(props: PageFrame & { readonly model: CollectModel }) {
  const { model } = props;
  const { goal } = model;
  return (
    <Layout {...props}>
      <div class="collect">
        <p class="eyebrow">
          <a href={`/goals/${goal.id}`}>{model.studentName} · graph</a> ·{' '}
          <a href={fullGoalHref(goal.id)}>Full goal page</a>
        </p>
        <h1>
          {model.studentName}: {goal.area}
        </h1>
        <details class="goal-statement-details">
          <summary>Goal</summary>
          <p>{goal.statement}</p>
        </details>
        {model.error && (
          <p class="alert alert-error" role="alert">
            <a href={`#${model.error.field}`}>{model.error.message}</a>
          </p>
        )}
        <form method="post" action={`/goals/${goal.id}/sessions`} class="collect-form">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <Entry model={model} />
          <div class="collect-meta">
            <div class="field">
              <label for="date">Date</label>
              <input type="date" id="date" name="date" value={model.values.date ?? model.today} />
            </div>
            <div class="field">
              <label for="setting">Setting</label>
              <select id="setting" name="setting">
                {model.settings.map((s) => (
                  <option value={s} selected={model.values.setting === s}>
                    {s}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="note">Note (optional)</label>
              <input type="text" id="note" name="note" value={model.values.note ?? ''} />
            </div>
            <p class="muted">Collected by {model.collectorName}.</p>
          </div>
          <div class="collect-save">
            <button type="submit" class="button-primary big">
              Save session
            </button>
          </div>
        </form>
      </div>
    </Layout>
  );
}

function Entry(props: { readonly model: CollectModel }) {
  const { model } = props;
  const v = (name: string, fallback = '') => model.values[name] ?? fallback;
  switch (model.goal.collectionType) {
    case 'trials':
      return (
        <fieldset class="counters" data-trials>
          <legend>Trials</legend>
          <Counter name="independent" label="Correct" value={v('independent', '0')} tone="good" />
          <Counter name="prompted" label="Prompted" value={v('prompted', '0')} tone="mid" />
          <Counter name="incorrect" label="Incorrect" value={v('incorrect', '0')} tone="bad" />
          <Counter name="noResponse" label="No response" value={v('noResponse', '0')} tone="bad" />
          <p class="tally" role="status" aria-live="polite" data-tally></p>
        </fieldset>
      );
    case 'count':
    case 'rate':
      return (
        <fieldset class="counters">
          <legend>Count</legend>
          <Counter name="count" label="Times" value={v('count', '0')} tone="good" />
          {model.goal.collectionType === 'rate' && (
            <div class="field">
              <label for="minutes">Minutes observed</label>
              <input
                type="text"
                inputmode="decimal"
                id="minutes"
                name="minutes"
                value={v('minutes')}
              />
            </div>
          )}
        </fieldset>
      );
    case 'duration':
      return <Timer name="episodes" label="Episodes (seconds)" value={v('episodes')} />;
    case 'latency':
      return <Timer name="latencies" label="Latencies (seconds)" value={v('latencies')} latency />;
    case 'interval':
      return <Intervals model={model} />;
    case 'prompt_level':
      return (
        <fieldset class="counters">
          <legend>Trials by prompt level, most independent first</legend>
          {(model.goal.collectionConfig.hierarchy ?? []).map((level, i) => (
            <Counter
              name={`prompt.${i}`}
              label={level}
              value={v(`prompt.${i}`, '0')}
              tone={i === 0 ? 'good' : 'mid'}
            />
          ))}
        </fieldset>
      );
    case 'task_analysis':
      return (
        <fieldset class="steps">
          <legend>Task steps</legend>
          {(model.goal.collectionConfig.stepNames ?? []).map((step, i) => (
            <ChoiceRow
              name={`step.${i}`}
              legend={`${i + 1}. ${step}`}
              value={v(`step.${i}`, 'not_done')}
              choices={[
                ['independent', 'Independent'],
                ['prompted', 'Prompted'],
                ['not_done', 'Not done'],
              ]}
            />
          ))}
        </fieldset>
      );
    case 'rubric':
      return (
        <ChoiceRow
          name="level"
          legend="Rubric level"
          value={v('level')}
          choices={[0, 1, 2, 3, 4].map((n) => [String(n), String(n)] as const)}
        />
      );
    case 'cbm':
      return (
        <div class="field">
          <label for="probes">Probe scores</label>
          <input type="text" inputmode="decimal" id="probes" name="probes" value={v('probes')} />
          <p class="hint">Separate scores with commas, like 42, 55, 47.</p>
        </div>
      );
    case null:
      return <p class="empty">This goal has no data collection type set yet.</p>;
  }
}

function Counter(props: {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly tone: 'good' | 'mid' | 'bad';
}) {
  const { name, label } = props;
  return (
    <div class={`counter counter-${props.tone}`}>
      <label for={name}>{label}</label>
      <div class="counter-row">
        <button type="button" class="counter-minus" data-step="-1" data-target={name}>
          −<span class="visually-hidden"> one {label}</span>
        </button>
        <input
          type="text"
          inputmode="numeric"
          pattern="[0-9]*"
          id={name}
          name={name}
          value={props.value}
          class="counter-value"
          data-counter
        />
        <button type="button" class="counter-plus" data-step="1" data-target={name}>
          +<span class="visually-hidden"> one</span> {label}
        </button>
      </div>
    </div>
  );
}

function Timer(props: {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly latency?: boolean;
}) {
  return (
    <fieldset class="timer" data-timer={props.name}>
      <legend>{props.latency ? 'Latency timer' : 'Duration timer'}</legend>
      <p class="timer-display" aria-hidden="true" data-timer-display>
        0.0 s
      </p>
      <div class="timer-buttons">
        <button type="button" class="button-primary big" data-timer-toggle>
          Start timer
        </button>
        {props.latency && (
          <button type="button" class="button-secondary big" data-timer-none>
            No response
          </button>
        )}
      </div>
      <p class="visually-hidden" role="status" data-timer-status></p>
      <div class="field">
        <label for={props.name}>{props.label}</label>
        <input
          type="text"
          inputmode="decimal"
          id={props.name}
          name={props.name}
          value={props.value}
        />
        <p class="hint">
          The timer adds each time here; you can also type seconds separated by commas
          {props.latency ? ', or "none" for no response' : ''}.
        </p>
      </div>
    </fieldset>
  );
}

function Intervals(props: { readonly model: CollectModel }) {
  const total = props.model.goal.collectionConfig.probesPerSession ?? DEFAULT_INTERVALS;
  return (
    <fieldset class="intervals" data-intervals>
      <legend>Intervals ({props.model.goal.collectionConfig.method ?? 'partial'} interval)</legend>
      <div class="field interval-prompt">
        <label for="interval-seconds">Prompt me every (seconds)</label>
        <input type="text" inputmode="numeric" id="interval-seconds" value="30" />
        <button type="button" class="button-secondary" data-interval-start>
          Start interval prompts
        </button>
        <p role="status" data-interval-status></p>
      </div>
      {Array.from({ length: total }, (_, i) => (
        <ChoiceRow
          name={`interval.${i}`}
          legend={`Interval ${i + 1}`}
          value={props.model.values[`interval.${i}`] ?? 'not_observed'}
          choices={[
            ['occurred', 'Occurred'],
            ['not_occurred', 'Did not occur'],
            ['not_observed', 'Not observed'],
          ]}
        />
      ))}
    </fieldset>
  );
}

function ChoiceRow(props: {
  readonly name: string;
  readonly legend: string;
  readonly value: string;
  readonly choices: ReadonlyArray<readonly [string, string]>;
}) {
  return (
    <fieldset class="choice-row" id={props.name}>
      <legend>{props.legend}</legend>
      <div class="choices">
        {props.choices.map(([value, label]) => (
          <label class="choice">
            <input type="radio" name={props.name} value={value} checked={props.value === value} />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
