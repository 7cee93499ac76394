/**
 * The IEP forms: write a new IEP (plan, team, goals, accommodations and supports, services),
 * add a goal (an amendment), and amend the plan. A goal's mastery criterion is built from a
 * comparison, a threshold, a minimum of trials and a window; "Check the criterion" shows the
 * sentence Trellis writes for it in English and Spanish before anything is saved.
 */
import type { Sentences } from '../../domain/criterion/criterion-sentence.js';
import { COLLECTION_TYPES } from '../../services/iep.schema.js';
import { COLLECTION_TYPE_NAMES } from '../../services/iep-pages.service.js';
import type { StaffOption } from '../../store/iep-web.repository.js';
import { CriterionSentences } from './iep.view.js';
import { Layout, type PageFrame } from './layout.js';

/** Values sent back into a form, its problems, and criterion previews by goal index. */
export interface FormState {
  readonly values: Readonly<Record<string, string>>;
  /** Several values of one field (checkboxes). */
  readonly multi: Readonly<Record<string, readonly string[]>>;
  readonly problems: ReadonlyArray<{ readonly field: string; readonly message: string }>;
  readonly previews: Readonly<Record<number, Sentences | string>>;
}

/** An empty form. */
export const EMPTY_FORM: FormState = { values: {}, multi: {}, problems: [], previews: {} };

/** The create-IEP form's model. */
export interface NewIepModel {
  readonly studentId: string;
  readonly studentName: string;
  readonly staff: readonly StaffOption[];
  readonly goalSlots: number;
  readonly state: FormState;
  readonly defaults: Readonly<Record<string, string>>;
}

/** The page to write a new IEP. */
export function NewIepPage(props: PageFrame & { readonly model: NewIepModel }) {
  const { model } = props;
  const state = withDefaults(model.state, model.defaults);
  const v = (name: string) => state.values[name] ?? '';
  const action = `/students/${model.studentId}/iep/new?goals=${model.goalSlots}`;
  return (
    <Layout {...props}>
      <p class="eyebrow">
        <a href={`/students/${model.studentId}/iep`}>{model.studentName} · IEP</a>
      </p>
      <h1>Write an IEP</h1>
      <Problems state={state} />
      <form method="post" action={action} class="iep-form" novalidate>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <fieldset class="panel">
          <legend>The plan</legend>
          <div class="iep-grid">
            <DateField name="beginDate" label="Start date" state={state} />
            <DateField name="endDate" label="End date" state={state} />
            <DateField name="annualReviewDate" label="Annual review" state={state} />
            <DateField name="reevaluationDate" label="Re-evaluation" state={state} />
          </div>
          <StaffSelect
            name="caseManagerId"
            label="Case manager"
            staff={model.staff}
            value={v('caseManagerId')}
            state={state}
          />
          <fieldset class="field">
            <legend>Team members</legend>
            <div class="checks">
              {model.staff.map((person) => (
                <label class="check">
                  <input
                    type="checkbox"
                    name="team"
                    value={person.id}
                    checked={(state.multi.team ?? []).includes(person.id)}
                  />
                  {person.name}
                </label>
              ))}
            </div>
          </fieldset>
          <TextArea
            name="presentLevels"
            label="Present levels of academic achievement and functional performance"
            state={state}
          />
          <div class="iep-grid">
            <TextField name="disability" label="Disability category (staff only)" state={state} />
            <TextField
              name="setting"
              label="Setting (least restrictive environment)"
              state={state}
            />
          </div>
        </fieldset>
        {Array.from({ length: model.goalSlots }, (_, i) => (
          <GoalFieldset index={i} state={state} staff={model.staff} optional={i > 0} />
        ))}
        <p>
          <button type="submit" name="intent" value="more" class="button-secondary">
            Add fields for another goal
          </button>
        </p>
        <AccommodationRows state={state} rows={3} />
        <ServiceRows state={state} rows={2} />
        <div class="form-actions">
          <button type="submit" name="intent" value="save" class="button-primary">
            Save the IEP
          </button>
          <button type="submit" name="intent" value="preview" class="button-secondary">
            Check the criteria
          </button>
        </div>
      </form>
    </Layout>
  );
}

/** The add-goal form's model (an amendment with one new goal). */
export interface NewGoalModel {
  readonly studentId: string;
  readonly studentName: string;
  readonly iepId: string;
  readonly versionNumber: number;
  readonly staff: readonly StaffOption[];
  readonly state: FormState;
  readonly defaults: Readonly<Record<string, string>>;
}

/** The page to add a goal to an IEP. */
export function NewGoalPage(props: PageFrame & { readonly model: NewGoalModel }) {
  const { model } = props;
  const state = withDefaults(model.state, model.defaults);
  return (
    <Layout {...props}>
      <p class="eyebrow">
        <a href={`/students/${model.studentId}/iep?iep=${model.iepId}`}>
          {model.studentName} · IEP
        </a>
      </p>
      <h1>Add a goal</h1>
      <p class="muted">
        Adding a goal amends the IEP: version {model.versionNumber} is kept as it is and version{' '}
        {model.versionNumber + 1} adds the goal.
      </p>
      <Problems state={state} />
      <form
        method="post"
        action={`/students/${model.studentId}/iep/${model.iepId}/goals/new`}
        class="iep-form"
        novalidate
      >
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <input type="hidden" name="expectedVersion" value={String(model.versionNumber)} />
        <fieldset class="panel">
          <legend>The amendment</legend>
          <div class="iep-grid">
            <DateField name="effectiveDate" label="Effective date" state={state} />
            <TextField name="reason" label="Reason for the amendment" state={state} />
          </div>
        </fieldset>
        <GoalFieldset index={0} state={state} staff={model.staff} optional={false} />
        <div class="form-actions">
          <button type="submit" name="intent" value="save" class="button-primary">
            Add the goal
          </button>
          <button type="submit" name="intent" value="preview" class="button-secondary">
            Check the criterion
          </button>
        </div>
      </form>
    </Layout>
  );
}

/** One current goal as the amendment form offers it for change or ending. */
export interface AmendGoal {
  readonly id: string;
  readonly area: string;
  readonly version: number;
  readonly statement: string;
  readonly targetValue: number;
  readonly targetDate: string;
}

/** The amendment form's model. */
export interface AmendModel {
  readonly studentId: string;
  readonly studentName: string;
  readonly iepId: string;
  readonly versionNumber: number;
  readonly staff: readonly StaffOption[];
  readonly goals: readonly AmendGoal[];
  /** Current accommodation and service rows, prefilled as acc0.* and svc0.* values. */
  readonly accommodationRows: number;
  readonly serviceRows: number;
  readonly state: FormState;
  readonly defaults: Readonly<Record<string, string>>;
}

/** The page to amend an IEP. */
export function AmendPage(props: PageFrame & { readonly model: AmendModel }) {
  const { model } = props;
  const state = withDefaults(model.state, model.defaults);
  return (
    <Layout {...props}>
      <p class="eyebrow">
        <a href={`/students/${model.studentId}/iep?iep=${model.iepId}`}>
          {model.studentName} · IEP
        </a>
      </p>
      <h1>Amend the IEP</h1>
      <p class="muted">
        Version {model.versionNumber} stays as it is; the amendment becomes version{' '}
        {model.versionNumber + 1}. To add a goal, use “Add a goal” on the IEP page.
      </p>
      <Problems state={state} />
      <form
        method="post"
        action={`/students/${model.studentId}/iep/${model.iepId}/amend`}
        class="iep-form"
        novalidate
      >
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <input type="hidden" name="expectedVersion" value={String(model.versionNumber)} />
        <fieldset class="panel">
          <legend>The amendment</legend>
          <div class="iep-grid">
            <DateField name="effectiveDate" label="Effective date" state={state} />
            <TextField name="reason" label="Reason for the amendment" state={state} />
            <DateField name="endDate" label="End date" state={state} />
            <DateField name="annualReviewDate" label="Annual review" state={state} />
            <DateField name="reevaluationDate" label="Re-evaluation" state={state} />
          </div>
          <StaffSelect
            name="caseManagerId"
            label="Case manager"
            staff={model.staff}
            value={state.values.caseManagerId ?? ''}
            state={state}
          />
          <TextArea name="presentLevels" label="Present levels of performance" state={state} />
        </fieldset>
        <fieldset class="panel">
          <legend>Goals</legend>
          {model.goals.map((goal, i) => (
            <fieldset class="iep-amend-goal">
              <legend>{goal.area}</legend>
              <input type="hidden" name={`goal${i}.id`} value={goal.id} />
              <input type="hidden" name={`goal${i}.version`} value={String(goal.version)} />
              <TextArea name={`goal${i}.statement`} label="Statement" state={state} rows={3} />
              <div class="iep-grid">
                <TextField name={`goal${i}.targetValue`} label="Target" state={state} numeric />
                <DateField name={`goal${i}.targetDate`} label="Goal date" state={state} />
              </div>
              <label class="check">
                <input
                  type="checkbox"
                  name={`goal${i}.end`}
                  value="1"
                  checked={state.values[`goal${i}.end`] === '1'}
                />
                End this goal in the new version
              </label>
            </fieldset>
          ))}
        </fieldset>
        <AccommodationRows state={state} rows={model.accommodationRows + 1} />
        <ServiceRows state={state} rows={model.serviceRows + 1} />
        <div class="form-actions">
          <button type="submit" class="button-primary">
            Save the amendment
          </button>
        </div>
      </form>
    </Layout>
  );
}

function withDefaults(state: FormState, defaults: Readonly<Record<string, string>>): FormState {
  return state.problems.length > 0 || Object.keys(state.values).length > 0
    ? state
    : { ...state, values: { ...defaults, ...state.values } };
}

function problemFor(state: FormState, field: string): string | undefined {
  return state.problems.find((p) => p.field === field)?.message;
}

function Problems(props: { readonly state: FormState }) {
  if (props.state.problems.length === 0) return null;
  return (
    <div class="alert alert-error" role="alert" tabindex={-1} id="problems">
      <h2>Please fix {props.state.problems.length === 1 ? 'this' : 'these'} first</h2>
      <ul>
        {props.state.problems.map((p) => (
          <li>
            <a href={`#${fieldId(p.field)}`}>{p.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** An element id for a field name ("g0.area" → "f-g0-area"). */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^a-zA-Z0-9]/g, '-')}`;
}

interface FieldProps {
  readonly name: string;
  readonly label: string;
  readonly state: FormState;
  readonly hint?: string;
}

function FieldShell(props: FieldProps & { readonly children?: unknown }) {
  const problem = problemFor(props.state, props.name);
  const id = fieldId(props.name);
  return (
    <div class={problem ? 'field field-invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {problem && (
        <p class="field-error" id={`${id}-error`}>
          {problem}
        </p>
      )}
      {props.children}
    </div>
  );
}

function describedBy(props: FieldProps): string | undefined {
  const id = fieldId(props.name);
  const ids = [
    props.hint ? `${id}-hint` : '',
    problemFor(props.state, props.name) ? `${id}-error` : '',
  ].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function TextField(props: FieldProps & { readonly numeric?: boolean }) {
  return (
    <FieldShell {...props}>
      <input
        type="text"
        id={fieldId(props.name)}
        name={props.name}
        value={props.state.values[props.name] ?? ''}
        inputmode={props.numeric ? 'decimal' : undefined}
        aria-describedby={describedBy(props)}
        aria-invalid={problemFor(props.state, props.name) ? 'true' : undefined}
      />
    </FieldShell>
  );
}

function DateField(props: FieldProps) {
  return (
    <FieldShell {...props}>
      <input
        type="date"
        id={fieldId(props.name)}
        name={props.name}
        value={props.state.values[props.name] ?? ''}
        aria-describedby={describedBy(props)}
        aria-invalid={problemFor(props.state, props.name) ? 'true' : undefined}
      />
    </FieldShell>
  );
}

function TextArea(props: FieldProps & { readonly rows?: number }) {
  return (
    <FieldShell {...props}>
      <textarea
        id={fieldId(props.name)}
        name={props.name}
        rows={props.rows ?? 4}
        aria-describedby={describedBy(props)}
        aria-invalid={problemFor(props.state, props.name) ? 'true' : undefined}
      >
        {props.state.values[props.name] ?? ''}
      </textarea>
    </FieldShell>
  );
}

function Select(
  props: FieldProps & {
    readonly options: ReadonlyArray<readonly [string, string]>;
    readonly value?: string;
  },
) {
  const value = props.value ?? props.state.values[props.name] ?? '';
  return (
    <FieldShell {...props}>
      <select id={fieldId(props.name)} name={props.name} aria-describedby={describedBy(props)}>
        {props.options.map(([key, label]) => (
          <option value={key} selected={key === value}>
            {label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

function StaffSelect(
  props: FieldProps & { readonly staff: readonly StaffOption[]; readonly value: string },
) {
  const options: Array<readonly [string, string]> = [
    ['', 'Choose…'],
    ...props.staff.map((s) => [s.id, s.name] as const),
  ];
  return <Select {...props} options={options} />;
}

const WEEKDAYS = [
  [1, 'Mon'],
  [2, 'Tue'],
  [3, 'Wed'],
  [4, 'Thu'],
  [5, 'Fri'],
] as const;

/** One goal's fields, prefixed `g{index}.`. */
function GoalFieldset(props: {
  readonly index: number;
  readonly state: FormState;
  readonly staff: readonly StaffOption[];
  readonly optional: boolean;
}) {
  const { state, index } = props;
  const p = `g${index}.`;
  const preview = state.previews[index];
  return (
    <fieldset class="panel iep-goal-fields">
      <legend>
        Goal {index + 1}
        {props.optional ? ' (leave empty to skip)' : ''}
      </legend>
      <div class="iep-grid">
        <TextField
          name={`${p}area`}
          label="Area"
          hint="Reading, math, communication, behavior, motor, self-care, …"
          state={state}
        />
        <Select
          name={`${p}collectionType`}
          label="Measurement type"
          state={state}
          options={COLLECTION_TYPES.map((t) => [t, COLLECTION_TYPE_NAMES[t]] as const)}
        />
        <TextField
          name={`${p}unitLabel`}
          label="Unit shown on the graph"
          hint="For example: % of trials correct"
          state={state}
        />
      </div>
      <TextArea name={`${p}statement`} label="Goal statement" state={state} rows={3} />
      <div class="iep-grid">
        <DateField name={`${p}baselineDate`} label="Baseline date" state={state} />
        <TextField name={`${p}baselineValue`} label="Baseline value" state={state} numeric />
        <TextField name={`${p}baselineMethod`} label="How the baseline was found" state={state} />
        <DateField name={`${p}targetDate`} label="Goal date" state={state} />
        <TextField name={`${p}targetValue`} label="Target value" state={state} numeric />
      </div>
      <fieldset class="iep-criterion-fields">
        <legend>Mastery criterion</legend>
        <div class="iep-grid">
          <Select
            name={`${p}comparison`}
            label="Comparison"
            state={state}
            options={[
              ['atLeast', 'at least (should increase)'],
              ['atMost', 'at most (should decrease)'],
            ]}
          />
          <TextField name={`${p}threshold`} label="Threshold" state={state} numeric />
          <TextField
            name={`${p}minTrials`}
            label="Minimum trials per session (optional)"
            state={state}
            numeric
          />
          <Select
            name={`${p}window`}
            label="Sessions"
            state={state}
            options={[
              ['consecutive', 'n consecutive sessions'],
              ['kOfN', 'k of the last n sessions'],
            ]}
          />
          <TextField name={`${p}windowN`} label="n" state={state} numeric />
          <TextField name={`${p}windowK`} label="k (for k of n)" state={state} numeric />
        </div>
        {preview !== undefined &&
          (typeof preview === 'string' ? (
            <p class="field-error" role="status">
              {preview}
            </p>
          ) : (
            <div role="status">
              <CriterionSentences sentences={preview} />
            </div>
          ))}
      </fieldset>
      <details class="iep-more">
        <summary>Settings for some measurement types, schedule and decision rule</summary>
        <div class="iep-grid">
          <TextField
            name={`${p}hierarchy`}
            label="Prompt hierarchy (prompt level), most independent first, comma-separated"
            state={state}
          />
          <TextField
            name={`${p}ceilingSeconds`}
            label="Ceiling in seconds (latency)"
            state={state}
            numeric
          />
          <Select
            name={`${p}intervalMethod`}
            label="Interval method (interval recording)"
            state={state}
            options={[
              ['partial', 'partial interval'],
              ['whole', 'whole interval'],
              ['momentary', 'momentary time sampling'],
            ]}
          />
          <TextField
            name={`${p}probesPerSession`}
            label="Probes per session (CBM) or intervals"
            state={state}
            numeric
          />
        </div>
        <TextArea
          name={`${p}stepNames`}
          label="Task-analysis steps, one per line"
          state={state}
          rows={3}
        />
        <fieldset class="field">
          <legend>Data is due on</legend>
          <div class="checks">
            {WEEKDAYS.map(([day, label]) => (
              <label class="check">
                <input
                  type="checkbox"
                  name={`${p}weekdays`}
                  value={String(day)}
                  checked={(state.multi[`${p}weekdays`] ?? []).includes(String(day))}
                />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
        <div class="iep-grid">
          <Select
            name={`${p}trendMethod`}
            label="Trend line"
            state={state}
            options={[
              ['ols', 'Least squares'],
              ['tukey', 'Tukey (median of thirds)'],
            ]}
          />
          <Select
            name={`${p}ruleKind`}
            label="Decision rule"
            state={state}
            options={[
              ['consecutive', 'Consecutive points against the goal line'],
              ['trend', 'Trend against the goal line'],
            ]}
          />
          <TextField
            name={`${p}ruleSize`}
            label="Points the rule needs"
            hint="4 consecutive, or 8 for the trend rule"
            state={state}
            numeric
          />
        </div>
        <TextArea
          name={`${p}objectives`}
          label="Short-term objectives, one per line"
          state={state}
          rows={3}
        />
      </details>
    </fieldset>
  );
}

function AccommodationRows(props: { readonly state: FormState; readonly rows: number }) {
  return (
    <fieldset class="panel">
      <legend>Accommodations and supports</legend>
      <p class="hint">Fill a row for each; rows left without a description are skipped.</p>
      {Array.from({ length: props.rows }, (_, i) => (
        <div class="iep-grid iep-row">
          <Select
            name={`acc${i}.kind`}
            label={`Kind ${i + 1}`}
            state={props.state}
            options={[
              ['accommodation', 'accommodation'],
              ['modification', 'modification'],
              ['support', 'support'],
            ]}
          />
          <TextField name={`acc${i}.description`} label={`What ${i + 1}`} state={props.state} />
          <TextField name={`acc${i}.settings`} label={`Where ${i + 1}`} state={props.state} />
          <TextField name={`acc${i}.frequency`} label={`How often ${i + 1}`} state={props.state} />
          <TextField
            name={`acc${i}.provider`}
            label={`Who provides it ${i + 1}`}
            state={props.state}
          />
        </div>
      ))}
    </fieldset>
  );
}

function ServiceRows(props: { readonly state: FormState; readonly rows: number }) {
  return (
    <fieldset class="panel">
      <legend>Service minutes</legend>
      {Array.from({ length: props.rows }, (_, i) => (
        <div class="iep-grid iep-row">
          <TextField name={`svc${i}.service`} label={`Service ${i + 1}`} state={props.state} />
          <TextField
            name={`svc${i}.minutes`}
            label={`Minutes ${i + 1}`}
            state={props.state}
            numeric
          />
          <Select
            name={`svc${i}.per`}
            label={`Per ${i + 1}`}
            state={props.state}
            options={[
              ['week', 'week'],
              ['day', 'day'],
              ['month', 'month'],
            ]}
          />
          <TextField name={`svc${i}.setting`} label={`Setting ${i + 1}`} state={props.state} />
          <TextField name={`svc${i}.provider`} label={`Provider ${i + 1}`} state={props.state} />
        </div>
      ))}
    </fieldset>
  );
}
