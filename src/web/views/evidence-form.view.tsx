/**
 * Recording evidence with feedback: one student, one standard, a level on the scale, the day
 * it was observed, the format of the demonstration, and the feedback (strength, next step,
 * supports). Errors are listed at the top and beside each field.
 */
import type { ScaleLevel, StandardSummary } from '../../store/gradebook.repository.js';
import type { StudentSummary } from '../../store/roster.repository.js';
import { Layout, type PageFrame } from './layout.js';
import { levelSymbol, shortCode } from './levels.js';

/** The formats a demonstration can take. */
export const EVIDENCE_FORMATS = ['written', 'verbal', 'hands-on', 'multimodal'] as const;

/** The values typed so far (all text, as the form sends them). */
export type EvidenceFormValues = Partial<
  Record<
    | 'studentId'
    | 'standardId'
    | 'score'
    | 'observedOn'
    | 'format'
    | 'strength'
    | 'nextStep'
    | 'supports',
    string
  >
>;

/** Everything the form shows. */
export interface EvidenceFormModel {
  readonly classId: string;
  readonly classTitle: string;
  readonly students: readonly StudentSummary[];
  readonly standards: readonly StandardSummary[];
  readonly levels: readonly ScaleLevel[];
  readonly values: EvidenceFormValues;
  /** Problems by field name. */
  readonly errors: Readonly<Record<string, string>>;
}

/** The record-evidence page. */
export function EvidenceFormPage(props: PageFrame & { readonly model: EvidenceFormModel }) {
  const { model } = props;
  const errorList = Object.entries(model.errors);
  return (
    <Layout {...props}>
      <p class="eyebrow">
        <a href={`/classes/${model.classId}`}>{model.classTitle}</a>
      </p>
      <h1>Record evidence</h1>
      {errorList.length > 0 && (
        <div class="alert alert-error" role="alert" tabindex={-1} id="form-errors">
          <h2>Please fix {errorList.length === 1 ? 'this' : 'these'} first</h2>
          <ul>
            {errorList.map(([field, message]) => (
              <li>
                <a href={`#${field}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form
        method="post"
        action={`/classes/${model.classId}/evidence`}
        class="panel evidence-form"
        novalidate
      >
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <div class="form-row">
          <SelectField
            name="studentId"
            label="Student"
            model={model}
            options={model.students.map((s) => [s.id, `${s.familyName}, ${s.givenName}`])}
          />
          <SelectField
            name="standardId"
            label="Standard"
            model={model}
            options={model.standards.map((s) => [s.id, `${shortCode(s.code)}: ${s.statement}`])}
          />
        </div>
        <LevelChoice model={model} />
        <div class="form-row">
          <div class="field">
            <label for="observedOn">Date observed</label>
            <input
              id="observedOn"
              name="observedOn"
              type="date"
              required
              value={model.values.observedOn ?? ''}
              {...invalid(model, 'observedOn')}
            />
            <FieldError model={model} name="observedOn" />
          </div>
          <SelectField
            name="format"
            label="Format"
            model={model}
            options={EVIDENCE_FORMATS.map((f) => [f, f[0]!.toUpperCase() + f.slice(1)])}
          />
        </div>
        <TextField
          name="strength"
          label="Strength"
          hint="What the student did well."
          model={model}
          area
        />
        <TextField
          name="nextStep"
          label="Next step"
          hint="One concrete thing to try next."
          model={model}
          area
        />
        <TextField
          name="supports"
          label="Supports used"
          hint="For example: read aloud, extra time, manipulatives."
          model={model}
        />
        <div class="actions">
          <button type="submit" class="button-primary">
            Save evidence
          </button>
          <a href={`/classes/${model.classId}`} class="button-quiet">
            Cancel
          </a>
        </div>
      </form>
    </Layout>
  );
}

function invalid(model: EvidenceFormModel, name: string) {
  return model.errors[name]
    ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${name}-error` }
    : {};
}

function FieldError(props: { readonly model: EvidenceFormModel; readonly name: string }) {
  const message = props.model.errors[props.name];
  return message ? (
    <p class="field-error" id={`${props.name}-error`}>
      {message}
    </p>
  ) : null;
}

function SelectField(props: {
  readonly name: keyof EvidenceFormValues;
  readonly label: string;
  readonly model: EvidenceFormModel;
  readonly options: ReadonlyArray<readonly [string, string]>;
}) {
  const { name, label, model, options } = props;
  const chosen = model.values[name] ?? '';
  return (
    <div class="field">
      <label for={name}>{label}</label>
      <select id={name} name={name} required {...invalid(model, name)}>
        <option value="" selected={chosen === ''}>
          Choose…
        </option>
        {options.map(([value, text]) => (
          <option value={value} selected={value === chosen}>
            {text}
          </option>
        ))}
      </select>
      <FieldError model={model} name={name} />
    </div>
  );
}

function LevelChoice(props: { readonly model: EvidenceFormModel }) {
  const { model } = props;
  return (
    <fieldset
      class={`field level-choice${model.errors.score ? ' field-invalid' : ''}`}
      id="score"
      aria-describedby={model.errors.score ? 'score-error' : undefined}
    >
      <legend>Level on the scale</legend>
      <div class="level-options">
        {model.levels.map((level, index) => (
          <label class={`level-option level-${index + 1}`}>
            <input
              type="radio"
              name="score"
              value={String(level.value)}
              checked={model.values.score === String(level.value)}
              required
            />
            <span class="symbol" aria-hidden="true">
              {levelSymbol(index + 1)}
            </span>
            <span>
              {level.value} {level.label}
            </span>
          </label>
        ))}
      </div>
      <FieldError model={model} name="score" />
    </fieldset>
  );
}

function TextField(props: {
  readonly name: 'strength' | 'nextStep' | 'supports';
  readonly label: string;
  readonly hint: string;
  readonly model: EvidenceFormModel;
  readonly area?: boolean;
}) {
  const { name, label, hint, model, area } = props;
  const value = model.values[name] ?? '';
  const describedBy = [`${name}-hint`, model.errors[name] ? `${name}-error` : null]
    .filter(Boolean)
    .join(' ');
  const common = {
    id: name,
    name,
    'aria-describedby': describedBy,
    'aria-invalid': model.errors[name] ? ('true' as const) : undefined,
    maxlength: 2000,
  };
  return (
    <div class="field">
      <label for={name}>{label}</label>
      <p class="hint" id={`${name}-hint`}>
        {hint}
      </p>
      {area ? (
        <textarea rows={3} {...common}>
          {value}
        </textarea>
      ) : (
        <input type="text" value={value} {...common} />
      )}
      <FieldError model={model} name={name} />
    </div>
  );
}
