/**
 * Scoring a task for the class: one row per student, a level per standard (or rubric
 * criterion) typed as a digit, the format of the demonstration, a strength, a next step and
 * the supports used. Beside each student: the accommodations that apply to this kind of task,
 * and their own plan (another format, an extension, a reassessment window). task-grid.js saves
 * a row as it changes and shows its saved state; a stale save shows the current value.
 */
import type { AttemptState } from '../../services/task-scoring.service.js';
import type { ScaleLevel } from '../../store/gradebook.repository.js';
import type { StudentSummary } from '../../store/roster.repository.js';
import type {
  BankComment,
  PlanRow,
  StudentSupport,
  TaskColumn,
  TaskRow,
} from '../../store/workspace.repository.js';
import { ClassNav } from './class-nav.js';
import { Layout, type PageFrame } from './layout.js';
import { formatDay, levelFor, shortCode } from './levels.js';
import { TASK_KIND_WORDS } from './tasks.view.js';

/** One student's row. */
export interface ScoringRow {
  readonly student: StudentSummary;
  readonly hasIep: boolean;
  readonly supports: readonly StudentSupport[];
  readonly plan: PlanRow | null;
  /** The latest attempt, or null before the first save. */
  readonly attempt: AttemptState | null;
  /** Earlier attempts, oldest first. */
  readonly earlier: readonly AttemptState[];
  /** A refused save of this row: what was sent and the current value. */
  readonly conflict: { readonly sent: AttemptState; readonly current: AttemptState | null } | null;
}

/** Everything the scoring page shows. */
export interface TaskScoringModel {
  readonly classId: string;
  readonly classTitle: string;
  readonly task: TaskRow;
  readonly columns: readonly TaskColumn[];
  readonly levels: readonly ScaleLevel[];
  readonly formats: readonly string[];
  readonly rows: readonly ScoringRow[];
  readonly comments: readonly BankComment[];
  readonly today: string;
  readonly notice: string | null;
}

/** The scoring page. */
export function TaskScoringPage(props: PageFrame & { readonly model: TaskScoringModel }) {
  const { model } = props;
  const { task } = model;
  return (
    <Layout {...props}>
      <div class="page-head">
        <div>
          <p class="eyebrow">
            <a href={`/classes/${model.classId}/tasks`}>{model.classTitle} · Tasks</a>
          </p>
          <h1>{task.title}</h1>
          <p class="muted">
            {TASK_KIND_WORDS[task.kind] ?? task.kind} · usually {task.format} · due{' '}
            {formatDay(task.due_date)}
          </p>
        </div>
      </div>
      <ClassNav classId={model.classId} current="tasks" canRecord />
      {model.notice && (
        <p class="alert alert-success" role="status">
          {model.notice}
        </p>
      )}
      <Columns model={model} />
      <p class="muted scoring-help" id="scoring-help">
        Type a level ({model.levels.map((l) => l.value).join(', ')}) in a cell; each row saves
        itself. Arrow keys move between level cells, Enter goes to the next student, Escape undoes
        an unsaved change.
      </p>
      <datalist id="bank-strength">
        {model.comments
          .filter((c) => c.kind === 'strength')
          .map((c) => (
            <option value={c.text}></option>
          ))}
      </datalist>
      <datalist id="bank-next-step">
        {model.comments
          .filter((c) => c.kind === 'next_step')
          .map((c) => (
            <option value={c.text}></option>
          ))}
      </datalist>
      <div class="table-scroll" role="region" aria-label="Scoring grid" tabindex={0}>
        <table class="scoring-grid" data-scoring-grid data-levels={levelData(model.levels)}>
          <caption class="visually-hidden">Scores for {task.title}, one row per student</caption>
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">Attempt</th>
              {model.columns.map((column) => (
                <th scope="col" class="level-col">
                  {column.criterion ?? shortCode(column.code)}
                  {column.criterion && <span class="code block">{shortCode(column.code)}</span>}
                </th>
              ))}
              <th scope="col">Format</th>
              <th scope="col">Strength</th>
              <th scope="col">Next step</th>
              <th scope="col">Supports used</th>
              <th scope="col">Saved?</th>
            </tr>
          </thead>
          <tbody>
            {model.rows.map((row) => (
              <StudentRow model={model} row={row} csrfToken={props.csrfToken} />
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

/** The scale as the script reads it: "1:Beginning,2:Developing,...". */
function levelData(levels: readonly ScaleLevel[]): string {
  return levels.map((l, i) => `${l.value}:${l.label}:${i + 1}`).join(',');
}

function Columns(props: { readonly model: TaskScoringModel }) {
  const withRubric = props.model.columns.some((c) => c.criterion !== null);
  if (!withRubric) return null;
  return (
    <details class="panel rubric">
      <summary>Rubric</summary>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            {props.model.levels.map((l) => (
              <th scope="col">
                {l.value} {l.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.model.columns.map((c) => (
            <tr>
              <th scope="row">
                {c.criterion} <span class="code">{shortCode(c.code)}</span>
              </th>
              {props.model.levels.map((l) => (
                <td>{c.descriptors[String(l.value)] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function StudentRow(props: {
  readonly model: TaskScoringModel;
  readonly row: ScoringRow;
  readonly csrfToken: string;
}) {
  const { model, row } = props;
  const sid = row.student.id;
  const formId = `attempt-${sid}`;
  const shown = row.conflict?.sent ?? row.attempt;
  const version = row.conflict ? (row.conflict.current?.version ?? 0) : (row.attempt?.version ?? 0);
  const name = `${row.student.givenName} ${row.student.familyName}`;
  const format = shown?.format ?? row.plan?.offered_format ?? model.task.format;
  const span = model.columns.length + 7;
  return (
    <>
      <tr id={`row-${sid}`} data-row={sid}>
        <th scope="row">
          <a href={`/students/${sid}/profile`}>
            {row.student.familyName}, {row.student.givenName}
          </a>
          {row.hasIep && <span class="tag">IEP</span>}
          <form
            id={formId}
            method="post"
            action={`/classes/${model.classId}/tasks/${model.task.id}/attempts`}
            data-autosave
          >
            <input type="hidden" name="_csrf" value={props.csrfToken} />
            <input type="hidden" name="studentId" value={sid} />
            <input type="hidden" name="number" value={String(shown?.number ?? 1)} />
            <input type="hidden" name="version" value={String(version)} data-version />
            <input type="hidden" name="observedOn" value={shown?.observedOn ?? model.today} />
          </form>
          <Supports supports={row.supports} />
          <Plan model={model} row={row} csrfToken={props.csrfToken} />
        </th>
        <td class="attempt-cell">
          <AttemptLabel row={row} levels={model.levels} columns={model.columns} />
          {row.attempt && Object.keys(row.attempt.levels).length > 0 && (
            <form
              method="post"
              action={`/classes/${model.classId}/tasks/${model.task.id}/revisions`}
            >
              <input type="hidden" name="_csrf" value={props.csrfToken} />
              <input type="hidden" name="studentId" value={sid} />
              <button type="submit" class="button-quiet small">
                Score a revision<span class="visually-hidden"> for {name}</span>
              </button>
            </form>
          )}
        </td>
        {model.columns.map((column) => {
          const value = shown?.levels[column.columnId];
          const level = value === undefined ? null : levelFor(model.levels, value);
          return (
            <td class={`score-cell${level ? ` level-${level.rank}` : ''}`}>
              <input
                type="text"
                inputmode="numeric"
                maxlength={1}
                size={2}
                autocomplete="off"
                class="level-input"
                name={`level.${column.columnId}`}
                form={formId}
                value={value === undefined ? '' : String(value)}
                data-level
                data-saved={value === undefined ? '' : String(value)}
                aria-label={`${column.criterion ?? shortCode(column.code)}, level for ${name}`}
                aria-describedby={`word-${sid}-${column.columnId} scoring-help`}
              />
              <span class="level-word" id={`word-${sid}-${column.columnId}`}>
                {level?.label ?? 'not scored'}
              </span>
            </td>
          );
        })}
        <td>
          <select name="format" form={formId} aria-label={`Format for ${name}`}>
            {model.formats.map((f) => (
              <option value={f} selected={f === format}>
                {f}
              </option>
            ))}
          </select>
        </td>
        <td>
          <input
            type="text"
            name="strength"
            form={formId}
            list="bank-strength"
            value={shown?.strength ?? ''}
            maxlength={2000}
            aria-label={`Strength for ${name}`}
          />
        </td>
        <td>
          <input
            type="text"
            name="nextStep"
            form={formId}
            list="bank-next-step"
            value={shown?.nextStep ?? ''}
            maxlength={2000}
            aria-label={`Next step for ${name}`}
          />
        </td>
        <td>
          <input
            type="text"
            name="supports"
            form={formId}
            value={shown?.supports ?? ''}
            maxlength={2000}
            aria-label={`Supports used for ${name}`}
          />
        </td>
        <td class="save-cell">
          <span class="save-state" role="status" data-save-state>
            {row.conflict ? 'Not saved' : row.attempt ? 'Saved' : 'Not scored yet'}
          </span>
          <button type="submit" form={formId} class="button-quiet small" data-save-button>
            Save<span class="visually-hidden"> {name}</span>
          </button>
        </td>
      </tr>
      <tr class="conflict-row" data-conflict-for={sid} hidden={!row.conflict}>
        <td colspan={span}>
          <div class="alert alert-error conflict" role="alert" data-conflict-body>
            {row.conflict && (
              <ConflictText
                name={name}
                current={row.conflict.current}
                levels={model.levels}
                columns={model.columns}
              />
            )}
          </div>
        </td>
      </tr>
    </>
  );
}

/** What a conflict says: someone else saved; here is the current value; how to go on. */
export function ConflictText(props: {
  readonly name: string;
  readonly current: AttemptState | null;
  readonly levels: readonly ScaleLevel[];
  readonly columns: readonly TaskColumn[];
}) {
  const { current } = props;
  return (
    <div>
      <p>
        <strong>Someone else saved {props.name}'s score while you were editing.</strong> Your change
        was not saved.
      </p>
      <p>
        Current value: {current ? describeAttempt(current, props.levels, props.columns) : 'none'}
      </p>
      <p>Press Save to keep your version over theirs, or reload the page to use the current one.</p>
    </div>
  );
}

/** An attempt in words: "5.NBT.B.5 3 Proficient; strength: ...; next step: ...". */
export function describeAttempt(
  attempt: AttemptState,
  levels: readonly ScaleLevel[],
  columns: readonly TaskColumn[],
): string {
  const scores = columns.map((c) => {
    const value = attempt.levels[c.columnId];
    const level = value === undefined ? null : levelFor(levels, value);
    const name = c.criterion ?? shortCode(c.code);
    return `${name} ${level ? `${value} ${level.label}` : 'not scored'}`;
  });
  const feedback = [
    attempt.strength && `strength: ${attempt.strength}`,
    attempt.nextStep && `next step: ${attempt.nextStep}`,
  ].filter(Boolean);
  return [...scores, ...feedback].join('; ');
}

function AttemptLabel(props: {
  readonly row: ScoringRow;
  readonly levels: readonly ScaleLevel[];
  readonly columns: readonly TaskColumn[];
}) {
  const { row } = props;
  const attempt = row.conflict?.sent ?? row.attempt;
  const label = !attempt
    ? 'First attempt'
    : attempt.isRevision
      ? `Revision (attempt ${attempt.number})`
      : `Attempt ${attempt.number}`;
  return (
    <div>
      <span class={attempt?.isRevision ? 'tag tag-revision' : ''}>{label}</span>
      {row.earlier.length > 0 && (
        <ul class="earlier">
          {row.earlier.map((e) => (
            <li>
              Attempt {e.number} ({e.format}), replaced:{' '}
              {describeAttempt(
                { ...e, strength: null, nextStep: null },
                props.levels,
                props.columns,
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Supports(props: { readonly supports: readonly StudentSupport[] }) {
  if (props.supports.length === 0) return null;
  return (
    <div class="supports">
      <p class="supports-title">Accommodations for this task</p>
      <ul>
        {props.supports.map((s) => (
          <li>
            {s.description} <span class="muted">({s.provider})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Plan(props: {
  readonly model: TaskScoringModel;
  readonly row: ScoringRow;
  readonly csrfToken: string;
}) {
  const { model, row } = props;
  const plan = row.plan;
  const sid = row.student.id;
  const facts = [
    plan?.offered_format && `offered ${plan.offered_format}`,
    plan?.due_date && `extended to ${formatDay(plan.due_date)}`,
    plan?.reassess_until &&
      `reassessment ${formatDay(plan.reassess_from)} – ${formatDay(plan.reassess_until)}`,
  ].filter(Boolean);
  return (
    <details class="plan">
      <summary>
        Plan{facts.length > 0 ? `: ${facts.join(', ')}` : ''}
        <span class="visually-hidden">
          {' '}
          for {row.student.givenName} {row.student.familyName}
        </span>
      </summary>
      <form method="post" action={`/classes/${model.classId}/tasks/${model.task.id}/plans`}>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <input type="hidden" name="studentId" value={sid} />
        <div class="field">
          <label for={`plan-format-${sid}`}>Another way to show it</label>
          <select id={`plan-format-${sid}`} name="offeredFormat">
            <option value="">Same as the class</option>
            {model.formats.map((f) => (
              <option value={f} selected={plan?.offered_format === f}>
                {f}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`plan-due-${sid}`}>Extended due date</label>
          <input type="date" id={`plan-due-${sid}`} name="dueDate" value={plan?.due_date ?? ''} />
        </div>
        <div class="field">
          <label for={`plan-from-${sid}`}>Reassessment from</label>
          <input
            type="date"
            id={`plan-from-${sid}`}
            name="reassessFrom"
            value={plan?.reassess_from ?? ''}
          />
        </div>
        <div class="field">
          <label for={`plan-until-${sid}`}>Reassessment until</label>
          <input
            type="date"
            id={`plan-until-${sid}`}
            name="reassessUntil"
            value={plan?.reassess_until ?? ''}
          />
        </div>
        <div class="field">
          <label for={`plan-note-${sid}`}>Note</label>
          <input type="text" id={`plan-note-${sid}`} name="note" value={plan?.note ?? ''} />
        </div>
        <button type="submit" class="button-secondary small">
          Save plan
        </button>
      </form>
    </details>
  );
}
