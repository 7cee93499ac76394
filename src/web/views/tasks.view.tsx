/**
 * A class's tasks and the form for a new one: a task (quiz, project, oral explanation,
 * performance, observation) aligned to standards, optionally with a rubric whose criteria each
 * align to a standard with a descriptor per level. Also the teacher's comment bank.
 */
import type { ScaleLevel, StandardSummary } from '../../store/gradebook.repository.js';
import type { BankComment, TaskSummary } from '../../store/workspace.repository.js';
import { ClassNav } from './class-nav.js';
import { Layout, type PageFrame } from './layout.js';
import { formatDay, shortCode } from './levels.js';

/** What each task kind is called on screen. */
export const TASK_KIND_WORDS: Readonly<Record<string, string>> = {
  quiz: 'Quiz',
  project: 'Project',
  oral: 'Oral explanation',
  performance: 'Performance',
  observation: 'Observation',
};

/** Everything the task list shows. */
export interface TaskListModel {
  readonly classId: string;
  readonly classTitle: string;
  readonly tasks: readonly TaskSummary[];
  readonly comments: readonly BankComment[];
  readonly notice: string | null;
}

/** The task list with the comment bank. */
export function TaskListPage(props: PageFrame & { readonly model: TaskListModel }) {
  const { model } = props;
  return (
    <Layout {...props}>
      <div class="page-head">
        <div>
          <p class="eyebrow">{model.classTitle}</p>
          <h1>Tasks and scoring</h1>
        </div>
        <a class="button-primary" href={`/classes/${model.classId}/tasks/new`}>
          New task
        </a>
      </div>
      <ClassNav classId={model.classId} current="tasks" canRecord />
      {model.notice && (
        <p class="alert alert-success" role="status">
          {model.notice}
        </p>
      )}
      {model.tasks.length === 0 ? (
        <p class="empty">No tasks yet. Create one to score the class against its standards.</p>
      ) : (
        <div class="table-scroll" role="region" aria-label="Tasks" tabindex={0}>
          <table class="data-table task-table">
            <caption class="visually-hidden">Tasks of this class, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col">Kind</th>
                <th scope="col">Format</th>
                <th scope="col">Due</th>
                <th scope="col" class="numeric">
                  Standards
                </th>
                <th scope="col" class="numeric">
                  Attempts scored
                </th>
              </tr>
            </thead>
            <tbody>
              {model.tasks.map((task) => (
                <tr>
                  <th scope="row">
                    <a href={`/classes/${model.classId}/tasks/${task.id}`}>{task.title}</a>
                  </th>
                  <td>{TASK_KIND_WORDS[task.kind] ?? task.kind}</td>
                  <td class="format">{task.format}</td>
                  <td class="nowrap">{formatDay(task.dueDate)}</td>
                  <td class="numeric">{task.standardCount}</td>
                  <td class="numeric">{task.attemptCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CommentBank classId={model.classId} comments={model.comments} csrfToken={props.csrfToken} />
    </Layout>
  );
}

function CommentBank(props: {
  readonly classId: string;
  readonly comments: readonly BankComment[];
  readonly csrfToken: string;
}) {
  const strengths = props.comments.filter((c) => c.kind === 'strength');
  const nextSteps = props.comments.filter((c) => c.kind === 'next_step');
  return (
    <section class="panel" aria-labelledby="bank-heading">
      <h2 id="bank-heading">My comment bank</h2>
      <p class="muted">
        Your own reusable comments. They are offered as you type feedback in a scoring grid.
      </p>
      <div class="two-columns">
        <div>
          <h3>Strengths</h3>
          <CommentList comments={strengths} />
        </div>
        <div>
          <h3>Next steps</h3>
          <CommentList comments={nextSteps} />
        </div>
      </div>
      <form method="post" action={`/classes/${props.classId}/comments`} class="form-row">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <div class="field">
          <label for="comment-kind">Kind</label>
          <select id="comment-kind" name="kind">
            <option value="strength">Strength</option>
            <option value="next_step">Next step</option>
          </select>
        </div>
        <div class="field grow">
          <label for="comment-text">Comment</label>
          <input type="text" id="comment-text" name="text" required maxlength={500} />
        </div>
        <div class="field">
          <button type="submit" class="button-secondary">
            Add to my bank
          </button>
        </div>
      </form>
    </section>
  );
}

function CommentList(props: { readonly comments: readonly BankComment[] }) {
  if (props.comments.length === 0) return <p class="muted">None yet.</p>;
  return (
    <ul class="comment-list">
      {props.comments.map((c) => (
        <li>{c.text}</li>
      ))}
    </ul>
  );
}

/** The values of the new-task form as sent. */
export type TaskFormValues = Readonly<Record<string, string | readonly string[]>>;

/** Everything the new-task form shows. */
export interface TaskFormModel {
  readonly classId: string;
  readonly classTitle: string;
  readonly standards: readonly StandardSummary[];
  readonly levels: readonly ScaleLevel[];
  readonly formats: readonly string[];
  readonly values: TaskFormValues;
  readonly errors: Readonly<Record<string, string>>;
}

/** How many rubric criteria the form offers. */
export const RUBRIC_ROWS = 3;

/** The new-task page. */
export function TaskFormPage(props: PageFrame & { readonly model: TaskFormModel }) {
  const { model } = props;
  const value = (name: string) => {
    const v = model.values[name];
    return typeof v === 'string' ? v : '';
  };
  const chosen = new Set(
    ([] as string[]).concat((model.values.standardIds as string[] | string | undefined) ?? []),
  );
  const errors = Object.entries(model.errors);
  return (
    <Layout {...props}>
      <p class="eyebrow">
        <a href={`/classes/${model.classId}/tasks`}>{model.classTitle} · Tasks</a>
      </p>
      <h1>New task</h1>
      {errors.length > 0 && (
        <div class="alert alert-error" role="alert">
          <h2>Please fix {errors.length === 1 ? 'this' : 'these'} first</h2>
          <ul>
            {errors.map(([field, message]) => (
              <li>
                <a href={`#${field}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action={`/classes/${model.classId}/tasks`} class="panel task-form">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <div class="field">
          <label for="title">Title</label>
          <input
            type="text"
            id="title"
            name="title"
            value={value('title')}
            required
            maxlength={200}
          />
        </div>
        <div class="form-row">
          <div class="field">
            <label for="kind">Kind</label>
            <select id="kind" name="kind">
              {Object.entries(TASK_KIND_WORDS).map(([key, word]) => (
                <option value={key} selected={value('kind') === key}>
                  {word}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="format">Usual format</label>
            <select id="format" name="format">
              {model.formats.map((f) => (
                <option value={f} selected={value('format') === f}>
                  {f}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="dueDate">Due</label>
            <input type="date" id="dueDate" name="dueDate" value={value('dueDate')} />
          </div>
        </div>
        <fieldset class="field" id="standardIds">
          <legend>Standards this task shows</legend>
          <div class="checks">
            {model.standards.map((s) => (
              <label class="check">
                <input type="checkbox" name="standardIds" value={s.id} checked={chosen.has(s.id)} />{' '}
                <span class="code">{shortCode(s.code)}</span> {s.statement}
              </label>
            ))}
          </div>
        </fieldset>
        <RubricFields model={model} value={value} />
        <div class="actions">
          <button type="submit" class="button-primary">
            Create task
          </button>
        </div>
      </form>
    </Layout>
  );
}

function RubricFields(props: {
  readonly model: TaskFormModel;
  readonly value: (name: string) => string;
}) {
  const { model, value } = props;
  return (
    <fieldset class="field rubric-fields">
      <legend>Rubric (optional)</legend>
      <p class="hint">
        Each criterion is scored on its own and aligned to one standard. Leave a row empty to skip
        it; with no criteria the task is scored by standard.
      </p>
      {Array.from({ length: RUBRIC_ROWS }, (_, i) => (
        <div class="rubric-row">
          <div class="form-row">
            <div class="field grow">
              <label for={`criterion.${i}.title`}>Criterion {i + 1}</label>
              <input
                type="text"
                id={`criterion.${i}.title`}
                name={`criterion.${i}.title`}
                value={value(`criterion.${i}.title`)}
                maxlength={200}
              />
            </div>
            <div class="field">
              <label for={`criterion.${i}.standardId`}>Aligned standard</label>
              <select id={`criterion.${i}.standardId`} name={`criterion.${i}.standardId`}>
                <option value="">Choose…</option>
                {model.standards.map((s) => (
                  <option value={s.id} selected={value(`criterion.${i}.standardId`) === s.id}>
                    {shortCode(s.code)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div class="form-row descriptors">
            {model.levels.map((level) => (
              <div class="field">
                <label for={`criterion.${i}.level.${level.value}`}>
                  {level.value} {level.label}
                </label>
                <input
                  type="text"
                  id={`criterion.${i}.level.${level.value}`}
                  name={`criterion.${i}.level.${level.value}`}
                  value={value(`criterion.${i}.level.${level.value}`)}
                  maxlength={300}
                />
              </div>
            ))}
          </div>
        </div>
      ))}
    </fieldset>
  );
}
