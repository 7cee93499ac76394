/**
 * The mastery settings pages: a class's calculation method (and its standards' own methods),
 * the administrator's district, school and class settings (method, scale, course summary),
 * and the confirmation every change passes through, which says how many students and results
 * it recalculates before anything is stored.
 */
import { METHOD_PARAMETERS } from '../../domain/mastery/methods.js';
import { METHOD_WORDING } from '../../domain/mastery/methods-explained.js';
import type { ScopedPolicy } from '../../domain/mastery/policy.js';
import { MASTERY_METHODS, type CalculationPolicy } from '../../domain/mastery/types.js';
import type { ProficiencyScale } from '../../domain/scale.js';
import type {
  ClassSettings,
  OrgSettings,
  PolicyInForce,
  PolicySource,
} from '../../services/mastery-settings.service.js';
import { policyText } from './calculation.view.js';
import { ClassNav } from './class-nav.js';
import { Layout, type PageFrame } from './layout.js';
import { shortCode } from './levels.js';

const SOURCE_TEXT: Readonly<Record<PolicySource, string>> = {
  standard: 'set for this standard',
  course: 'set for this class',
  school: 'set for the school',
  district: 'set for the district',
  default: 'the Trellis default',
};

/** A policy in force with where it comes from: "Mean (set for the school)". */
export function inForceText(inForce: PolicyInForce): string {
  return `${policyText(inForce.policy)} (${SOURCE_TEXT[inForce.source]})`;
}

/** Form values of a policy form, as sent back after a problem. */
export type PolicyValues = Readonly<Record<string, string>>;

/** The class settings page. */
export interface ClassSettingsModel {
  readonly settings: ClassSettings;
  /** Administrators may also set a standard's own method (it applies in every class). */
  readonly isAdmin: boolean;
  readonly notice: string | null;
  readonly errors: Readonly<Record<string, string>>;
}

/** The class settings page. */
export function ClassSettingsPage(props: PageFrame & { readonly model: ClassSettingsModel }) {
  const { settings, isAdmin } = props.model;
  const { scope } = settings;
  const action = `/classes/${scope.classId}/mastery-settings/policy`;
  return (
    <Layout {...props}>
      <div class="page-head">
        <div>
          <p class="eyebrow">
            <a href={`/classes/${scope.classId}`}>{scope.title}</a>
            {scope.schoolName ? ` · ${scope.schoolName}` : ''}
          </p>
          <h1>Mastery settings</h1>
        </div>
        <a class="button-secondary" href="/mastery/how#methods">
          About the methods
        </a>
      </div>
      <ClassNav classId={scope.classId} current="mastery-settings" canRecord={!isAdmin} />
      <Notices notice={props.model.notice} errors={props.model.errors} />
      <section class="panel" aria-labelledby="class-method-h">
        <h2 id="class-method-h">Calculation method for this class</h2>
        <p>
          In force now: <strong>{inForceText(settings.inForce)}</strong>.
        </p>
        <PolicyForm
          action={action}
          csrfToken={props.csrfToken}
          hidden={{ scopeKind: 'course' }}
          current={settings.inForce.policy}
          idPrefix="class"
        />
      </section>
      <section class="panel" aria-labelledby="standard-method-h">
        <h2 id="standard-method-h">Standards with their own method</h2>
        <p>
          A standard’s own method wins over the class’s, in every class that works on it.
          {isAdmin ? '' : ' An administrator sets it.'}
        </p>
        <table class="settings-table">
          <thead>
            <tr>
              <th scope="col">Standard</th>
              <th scope="col">Own method</th>
              {isAdmin && <th scope="col">Change</th>}
            </tr>
          </thead>
          <tbody>
            {settings.standards.map(({ standard, own }) => (
              <tr>
                <th scope="row">
                  <span class="code">{shortCode(standard.code)}</span> {standard.statement}
                </th>
                <td>{own ? policyText(own) : 'None: uses the class’s method'}</td>
                {isAdmin && (
                  <td>
                    <PolicyForm
                      action={action}
                      csrfToken={props.csrfToken}
                      hidden={{ scopeKind: 'standard', standardId: standard.id }}
                      current={own ?? settings.inForce.policy}
                      idPrefix={`std-${standard.id}`}
                      compact
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Layout>
  );
}

function Notices(props: {
  readonly notice: string | null;
  readonly errors: Readonly<Record<string, string>>;
}) {
  const problems = Object.values(props.errors);
  return (
    <>
      {props.notice && (
        <p class="alert alert-success" role="status">
          {props.notice}
        </p>
      )}
      {problems.length > 0 && (
        <div class="alert alert-error" role="alert">
          <h2>Nothing was changed</h2>
          <ul>
            {problems.map((problem) => (
              <li>{problem}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/** A form choosing a method, its parameter and the minimum evidence. */
function PolicyForm(props: {
  readonly action: string;
  readonly csrfToken: string;
  readonly hidden: Readonly<Record<string, string>>;
  readonly current: CalculationPolicy;
  readonly idPrefix: string;
  readonly compact?: boolean;
}) {
  const { current, idPrefix } = props;
  return (
    <form
      method="post"
      action={props.action}
      class={props.compact ? 'policy-form compact' : 'policy-form'}
    >
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      {Object.entries(props.hidden).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <div class="form-row">
        <div class="field">
          <label for={`${idPrefix}-method`}>Method</label>
          <select id={`${idPrefix}-method`} name="method">
            {MASTERY_METHODS.map((method) => (
              <option value={method} selected={method === current.method}>
                {METHOD_WORDING[method].name}
                {parameterHint(method)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${idPrefix}-param`}>w or n (when the method takes one)</label>
          <input
            type="number"
            id={`${idPrefix}-param`}
            name="param"
            min="1"
            max="99"
            value={current.param === null ? '' : String(current.param)}
          />
        </div>
        <div class="field">
          <label for={`${idPrefix}-min`}>Scores before a level shows</label>
          <input
            type="number"
            id={`${idPrefix}-min`}
            name="minEvidence"
            min="1"
            max="20"
            value={String(current.minEvidence)}
          />
        </div>
      </div>
      <button type="submit" class="button-primary">
        Review the change
      </button>
    </form>
  );
}

function parameterHint(method: CalculationPolicy['method']): string {
  const rule = METHOD_PARAMETERS[method];
  return rule ? ` (${rule.name} ${rule.min}–${rule.max})` : '';
}

/** What the confirmation page says and sends on. */
export interface ConfirmModel {
  readonly heading: string;
  /** "Change the method for Grade 5 Math from ... to ...". */
  readonly change: string;
  readonly students: number;
  readonly results: number;
  readonly action: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly cancelHref: string;
}

/** The confirmation every settings change passes through (nothing is stored yet). */
export function ConfirmChangePage(props: PageFrame & { readonly model: ConfirmModel }) {
  const { model } = props;
  return (
    <Layout {...props}>
      <div class="page-head">
        <div>
          <p class="eyebrow">Mastery settings · nothing is changed yet</p>
          <h1>{model.heading}</h1>
        </div>
      </div>
      <section class="panel confirm" aria-labelledby="confirm-h">
        <h2 id="confirm-h">Please confirm</h2>
        <p>{model.change}</p>
        <p class="confirm-counts">
          This recalculates <strong>{countText(model.results, 'result')}</strong> of{' '}
          <strong>{countText(model.students, 'student')}</strong>.
        </p>
        <p>Levels may go up or down. The evidence itself does not change.</p>
        <form method="post" action={model.action} class="confirm-actions">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          {Object.entries(model.fields).map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="confirm" value="yes" />
          <button type="submit" class="button-primary">
            Recalculate now
          </button>
          <a class="button-secondary" href={model.cancelHref}>
            Cancel
          </a>
        </form>
      </section>
    </Layout>
  );
}

/** "1 student", "3 results". */
export function countText(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The administrator's settings page. */
export interface OrgSettingsModel {
  readonly settings: OrgSettings;
  readonly notice: string | null;
  readonly errors: Readonly<Record<string, string>>;
}

/** The administrator's settings page: district, schools, classes. */
export function OrgSettingsPage(props: PageFrame & { readonly model: OrgSettingsModel }) {
  const { settings } = props.model;
  return (
    <Layout {...props} current="mastery-settings">
      <div class="page-head">
        <div>
          <p class="eyebrow">Administrator</p>
          <h1>Mastery settings</h1>
        </div>
        <a class="button-secondary" href="/mastery/how">
          How mastery is calculated
        </a>
      </div>
      <Notices notice={props.model.notice} errors={props.model.errors} />
      {settings.districtAllowed && (
        <section class="panel" aria-labelledby="district-h">
          <h2 id="district-h">District calculation method</h2>
          <p>
            In force now: <strong>{inForceText(settings.district)}</strong>. Schools, classes and
            standards with their own method keep it.
          </p>
          <PolicyForm
            action="/admin/mastery/policy"
            csrfToken={props.csrfToken}
            hidden={{ scopeKind: 'district' }}
            current={settings.district.policy}
            idPrefix="district"
          />
        </section>
      )}
      {settings.schools.map((school) => (
        <SchoolPanel school={school} scales={settings.scales} csrfToken={props.csrfToken} />
      ))}
      <ClassScales settings={settings} csrfToken={props.csrfToken} />
    </Layout>
  );
}

function SchoolPanel(props: {
  readonly school: OrgSettings['schools'][number];
  readonly scales: readonly ProficiencyScale[];
  readonly csrfToken: string;
}) {
  const { school, csrfToken } = props;
  const id = school.school.id;
  return (
    <section class="panel" aria-labelledby={`school-${id}-h`}>
      <h2 id={`school-${id}-h`}>{school.school.name}</h2>
      <h3>Calculation method</h3>
      <p>
        In force now: <strong>{inForceText(school.inForce)}</strong>.
      </p>
      <PolicyForm
        action="/admin/mastery/policy"
        csrfToken={csrfToken}
        hidden={{ scopeKind: 'school', scopeId: id }}
        current={school.own ?? school.inForce.policy}
        idPrefix={`school-${id}`}
      />
      <h3>Proficiency scale</h3>
      <p>
        Now: <strong>{scaleText(school.scale)}</strong>.
      </p>
      <ScaleForm
        scopeKind="school"
        scopeId={id}
        scales={props.scales}
        current={school.scale}
        csrfToken={csrfToken}
      />
      <h3>Course summary level</h3>
      <form method="post" action="/admin/mastery/course-summary" class="inline-form">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <input type="hidden" name="schoolId" value={id} />
        <input type="hidden" name="enabled" value={school.courseSummary ? 'no' : 'yes'} />
        <p>
          {school.courseSummary
            ? 'On: each class also shows one summary level (the mean of its standards).'
            : 'Off (the default): each standard shows its own level and no single grade hides them.'}
        </p>
        <button type="submit" class="button-secondary">
          {school.courseSummary ? 'Turn the course summary off' : 'Turn the course summary on'}
        </button>
      </form>
    </section>
  );
}

/** "Four-level proficiency scale, mastery at 3 Proficient". */
function scaleText(scale: ProficiencyScale): string {
  const mastery = scale.levels.find((level) => level.isMastery);
  return mastery ? `${scale.name}, mastery at ${mastery.value} ${mastery.label}` : scale.name;
}

function ScaleForm(props: {
  readonly scopeKind: 'school' | 'course';
  readonly scopeId: string;
  readonly scales: readonly ProficiencyScale[];
  readonly current: ProficiencyScale;
  readonly csrfToken: string;
}) {
  const prefix = `scale-${props.scopeKind}-${props.scopeId}`;
  const values = [...new Set(props.scales.flatMap((s) => s.levels.map((l) => l.value)))].sort(
    (a, b) => a - b,
  );
  const currentMastery = props.current.levels.find((level) => level.isMastery)?.value;
  return (
    <form method="post" action="/admin/mastery/scale" class="policy-form">
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      <input type="hidden" name="scopeKind" value={props.scopeKind} />
      <input type="hidden" name="scopeId" value={props.scopeId} />
      <div class="form-row">
        <div class="field">
          <label for={`${prefix}-base`}>Scale</label>
          <select id={`${prefix}-base`} name="baseScaleId">
            {props.scales.map((scale) => (
              <option value={scale.id} selected={scale.id === props.current.id}>
                {scale.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${prefix}-mastery`}>Mastery level</label>
          <select id={`${prefix}-mastery`} name="masteryValue">
            {values.map((value) => (
              <option value={String(value)} selected={value === currentMastery}>
                {value}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" class="button-primary">
        Review the change
      </button>
    </form>
  );
}

function ClassScales(props: { readonly settings: OrgSettings; readonly csrfToken: string }) {
  const { settings } = props;
  if (settings.classes.length === 0) return <></>;
  return (
    <section class="panel" aria-labelledby="classes-h">
      <h2 id="classes-h">Classes</h2>
      <p>A class’s method is set on its own settings page. Its scale is set here.</p>
      <table class="settings-table">
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col">Scale now</th>
            <th scope="col">Change the scale</th>
          </tr>
        </thead>
        <tbody>
          {settings.classes.map((c) => (
            <tr>
              <th scope="row">
                <a href={`/classes/${c.classId}/mastery-settings`}>{c.title}</a>
                {c.schoolName && <span class="format">{c.schoolName}</span>}
              </th>
              <td>{scaleText(c.scale)}</td>
              <td>
                <ScaleForm
                  scopeKind="course"
                  scopeId={c.classId}
                  scales={settings.scales}
                  current={c.scale}
                  csrfToken={props.csrfToken}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A stored policy's words for a confirmation ("none" when the scope has none). */
export function ownPolicyText(policy: ScopedPolicy | null): string {
  return policy ? policyText(policy) : 'none of its own';
}
