/**
 * The student's home: my standards (where I am, what's next, my rating beside my teacher's,
 * my work with the teacher's feedback and my reflections) and my goals checklist. Short
 * sentences for a grade-5 reader; each level shows its color, symbol and word; every control
 * is a plain form that works with the keyboard and a screen reader.
 */
import type { ScaleLevel } from '../../domain/scale.js';
import type { DashboardLine, StudentDashboard } from '../../services/student-dashboard.service.js';
import type { ChecklistGoal, StudentEvidence } from '../../store/student-dashboard.repository.js';
import { Layout, type PageFrame } from './layout.js';
import { formatDay, levelSymbol, shortCode } from './levels.js';

/** A form's problems, to show beside the form that was sent. */
export interface DashboardProblem {
  /** "rate:STANDARD", "goal", or "reflect:EVIDENCE". */
  readonly form: string;
  readonly errors: Readonly<Record<string, string>>;
}

/** Everything the dashboard page shows. */
export interface DashboardPageModel {
  readonly studentId: string;
  readonly givenName: string;
  readonly dashboard: StudentDashboard;
  /** "Saved." and the like, announced once after a change. */
  readonly notice: string | null;
  /** The form whose button gets focus again after its change (e.g. "rate:ID"). */
  readonly focus: string | null;
  readonly problem: DashboardProblem | null;
  /** The CSRF token every form sends back. */
  readonly csrf: string;
}

/** The student dashboard page. */
export function StudentDashboardPage(props: PageFrame & { readonly model: DashboardPageModel }) {
  const { model } = props;
  const base = `/students/${model.studentId}`;
  return (
    <Layout {...props} current="home">
      <div class="page-head">
        <div>
          <p class="eyebrow">My dashboard</p>
          <h1>Hi, {model.givenName}! Here is how you are doing.</h1>
        </div>
        <a class="button-secondary" href={`${base}/portfolio`}>
          My portfolio
        </a>
      </div>
      <p role="status" class="student-notice">
        {model.notice ?? ''}
      </p>
      <nav aria-label="On this page" class="student-jump">
        <a href="#my-standards">My standards</a>
        <a href="#my-goals">My goals</a>
      </nav>
      <LevelKey levels={model.dashboard.levels} />
      <section aria-labelledby="my-standards" class="student-standards">
        <h2 id="my-standards">My standards</h2>
        {model.dashboard.lines.length === 0 && (
          <p class="empty">You do not have any standards yet.</p>
        )}
        {model.dashboard.lines.map((line) => (
          <StandardCard line={line} levels={model.dashboard.levels} model={model} base={base} />
        ))}
      </section>
      <GoalsChecklist goals={model.dashboard.goals} model={model} base={base} />
    </Layout>
  );
}

/** The scale in "I can" words, so each color, symbol and word has a meaning. */
function LevelKey(props: { readonly levels: readonly ScaleLevel[] }) {
  return (
    <section aria-labelledby="level-key" class="panel level-key">
      <h2 id="level-key">What the levels mean</h2>
      <ul class="level-key-list">
        {props.levels.map((level, index) => (
          <li>
            <LevelTag level={level} rank={index + 1} />
            <span>{level.studentWording}</span>
            {level.isMastery && <strong class="goal-word"> This is the goal.</strong>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A level as a colored tag with its symbol and word. */
export function LevelTag(props: { readonly level: ScaleLevel | null; readonly rank: number }) {
  if (!props.level) return <span class="badge badge-none">Not checked yet</span>;
  return (
    <span class={`badge level-${props.rank}`}>
      <span class="symbol" aria-hidden="true">
        {levelSymbol(props.rank)}
      </span>
      {props.level.label}
    </span>
  );
}

function rankOf(levels: readonly ScaleLevel[], level: ScaleLevel | null): number {
  return level ? levels.findIndex((l) => l.value === level.value) + 1 : 0;
}

function StandardCard(props: {
  readonly line: DashboardLine;
  readonly levels: readonly ScaleLevel[];
  readonly model: DashboardPageModel;
  readonly base: string;
}) {
  const { line, levels } = props;
  const id = line.standard.id;
  const headingId = `std-${id}`;
  return (
    <article class="panel student-standard" id={`standard-${id}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {line.text} <span class="code">{shortCode(line.standard.code)}</span>
      </h3>
      <div class="compare">
        <div class="compare-side">
          <h4>My teacher says</h4>
          <LevelTag level={line.level} rank={rankOf(levels, line.level)} />
          {line.level && <p>{line.level.studentWording}</p>}
        </div>
        <div class="compare-side">
          <h4>I say</h4>
          {line.selfLevel ? (
            <>
              <LevelTag level={line.selfLevel} rank={rankOf(levels, line.selfLevel)} />
              <p>{line.selfLevel.studentWording}</p>
              {line.self?.why && <p class="why">Why: {line.self.why}</p>}
            </>
          ) : (
            <p class="muted">You have not rated yourself yet.</p>
          )}
        </div>
      </div>
      {line.talkText && (
        <p class="talk">
          <strong>Talk about it: </strong>
          {line.talkText}
        </p>
      )}
      <p class="student-next">
        <strong>What's next: </strong>
        {line.nextText}
      </p>
      <SelfAssessmentForm {...props} />
      <EvidenceList {...props} />
    </article>
  );
}

function SelfAssessmentForm(props: {
  readonly line: DashboardLine;
  readonly levels: readonly ScaleLevel[];
  readonly model: DashboardPageModel;
  readonly base: string;
}) {
  const { line, levels, model } = props;
  const id = line.standard.id;
  const form = `rate:${id}`;
  const errors = model.problem?.form === form ? model.problem.errors : {};
  return (
    <form method="post" action={`${props.base}/self-assessments`} class="rate-form">
      <input type="hidden" name="_csrf" value={props.model.csrf} />
      <input type="hidden" name="standardId" value={id} />
      <fieldset aria-describedby={errors.levelValue ? `rate-error-${id}` : undefined}>
        <legend>Rate yourself</legend>
        {errors.levelValue && (
          <p class="field-error" id={`rate-error-${id}`}>
            {errors.levelValue}
          </p>
        )}
        <div class="rate-options">
          {levels.map((level, index) => (
            <label class="rate-option">
              <input
                type="radio"
                name="levelValue"
                value={String(level.value)}
                checked={line.self?.levelValue === level.value}
                required
              />
              <LevelTag level={level} rank={index + 1} />
              <span>{level.studentWording}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div class="field">
        <label for={`why-${id}`}>Why? Say it in one or two sentences.</label>
        <textarea id={`why-${id}`} name="why" rows={2} maxlength={500}></textarea>
      </div>
      <button type="submit" class="button-primary" autofocus={model.focus === form}>
        Save my rating
      </button>
    </form>
  );
}

function EvidenceList(props: {
  readonly line: DashboardLine;
  readonly levels: readonly ScaleLevel[];
  readonly model: DashboardPageModel;
  readonly base: string;
}) {
  const { line } = props;
  if (line.evidence.length === 0) return <p class="muted">No work has been checked yet.</p>;
  const count = line.evidence.length;
  return (
    <details class="my-work" open={props.model.focus?.startsWith('reflect:') || undefined}>
      <summary>
        My work and my teacher's feedback ({count} {count === 1 ? 'piece' : 'pieces'})
      </summary>
      <ol class="my-work-list">
        {line.evidence.map((entry) => (
          <EvidenceItem {...props} entry={entry} />
        ))}
      </ol>
    </details>
  );
}

function EvidenceItem(props: {
  readonly entry: StudentEvidence;
  readonly levels: readonly ScaleLevel[];
  readonly model: DashboardPageModel;
  readonly base: string;
}) {
  const { entry, levels, model } = props;
  const level = [...levels].reverse().find((l) => entry.score !== null && l.value <= entry.score);
  const form = `reflect:${entry.id}`;
  const error = model.problem?.form === form ? model.problem.errors.text : undefined;
  return (
    <li class="my-work-item" id={`evidence-${entry.id}`}>
      <p class="my-work-head">
        <strong>{entry.taskTitle ?? 'Teacher check'}</strong>
        <span class="muted"> · {formatDay(entry.observedAt)}</span>
        {entry.revisesId !== null && <span class="tag">New try</span>}
      </p>
      <LevelTag level={level ?? null} rank={rankOf(levels, level ?? null)} />
      {entry.strength && (
        <p>
          <strong>What went well: </strong>
          {entry.strength}
        </p>
      )}
      {entry.nextStep && (
        <p>
          <strong>Next step: </strong>
          {entry.nextStep}
        </p>
      )}
      <form method="post" action={`${props.base}/evidence/${entry.id}/reflection`} class="reflect">
        <input type="hidden" name="_csrf" value={model.csrf} />
        <div class="field">
          <label for={`reflect-${entry.id}`}>My reflection: what did I learn?</label>
          {error && (
            <p class="field-error" id={`reflect-error-${entry.id}`}>
              {error}
            </p>
          )}
          <textarea
            id={`reflect-${entry.id}`}
            name="text"
            rows={2}
            maxlength={1000}
            required
            aria-describedby={error ? `reflect-error-${entry.id}` : undefined}
          >
            {entry.reflection ?? ''}
          </textarea>
        </div>
        <button type="submit" class="button-secondary" autofocus={model.focus === form}>
          {entry.reflection ? 'Update my reflection' : 'Save my reflection'}
        </button>
      </form>
    </li>
  );
}

function GoalsChecklist(props: {
  readonly goals: readonly ChecklistGoal[];
  readonly model: DashboardPageModel;
  readonly base: string;
}) {
  const { goals, model } = props;
  const iep = goals.filter((g) => g.kind === 'iep');
  const personal = goals.filter((g) => g.kind === 'personal');
  const error = model.problem?.form === 'goal' ? model.problem.errors.text : undefined;
  return (
    <section aria-labelledby="my-goals" class="panel student-goals">
      <h2 id="my-goals">My goals</h2>
      {iep.length > 0 && (
        <>
          <h3>Goals my team and I work on</h3>
          <ul class="goal-checklist">
            {iep.map((goal) => (
              <li>
                <span class="goal-dot" aria-hidden="true">
                  ★
                </span>
                {goal.text}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Goals I set for myself</h3>
      {personal.length === 0 && <p class="muted">You have not set a goal yet.</p>}
      <ul class="goal-checklist">
        {personal.map((goal) => (
          <li class={goal.done ? 'goal-done' : undefined}>
            <form method="post" action={`${props.base}/goals/${goal.id}`} class="inline-form">
              <input type="hidden" name="_csrf" value={model.csrf} />
              <input type="hidden" name="done" value={goal.done ? '0' : '1'} />
              <span class="goal-state" aria-hidden="true">
                {goal.done ? '☑' : '☐'}
              </span>
              <span class="goal-text">
                {goal.text}
                <span class="visually-hidden">{goal.done ? ' (done)' : ' (not done yet)'}</span>
              </span>
              <button
                type="submit"
                class="button-quiet"
                autofocus={model.focus === `goal:${goal.id}`}
              >
                {goal.done ? 'Mark as not done' : 'Mark as done'}
                <span class="visually-hidden">: {goal.text}</span>
              </button>
            </form>
          </li>
        ))}
      </ul>
      <form method="post" action={`${props.base}/goals`} class="add-goal">
        <input type="hidden" name="_csrf" value={model.csrf} />
        <div class="field">
          <label for="new-goal">A new goal for me</label>
          {error && (
            <p class="field-error" id="new-goal-error">
              {error}
            </p>
          )}
          <input
            id="new-goal"
            name="text"
            type="text"
            maxlength={200}
            required
            aria-describedby={error ? 'new-goal-error' : undefined}
          />
        </div>
        <button type="submit" class="button-primary" autofocus={model.focus === 'goal'}>
          Add my goal
        </button>
      </form>
    </section>
  );
}
