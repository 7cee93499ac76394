/**
 * Periodic progress reporting on IEP goals: a reporting period's page (each goal's suggested
 * code with the data behind it; confirm it or override it with a reason, write the narrative,
 * mark the report sent), the list of reports due, overdue and sent, the district's progress
 * code set for administrators, the case manager's dashboard section, and goal attainment
 * scaling reviews.
 */
import type { ProgressCodeRule } from '../../domain/progress/progress-code.js';
import type {
  CaseManagerDashboard,
  PeriodModel,
  ReportLine,
} from '../../services/iep-pages.service.js';
import type { GasReviewView } from '../../services/gas.service.js';
import type { ProgressCodeRow } from '../../store/iep-records.repository.js';
import type { DistrictOption } from '../../store/iep-web.repository.js';
import { decisionLine } from './iep-goal.view.js';
import { Layout, type PageFrame } from './layout.js';
import { formatDay } from './levels.js';

/** How each step of the suggestion rule reads on screen. */
export const RULE_WORDS: Readonly<Record<ProgressCodeRule, string>> = {
  criterion_met: 'the mastery criterion was met by the end of the period',
  no_data_in_period: 'no data point falls in the period',
  worse_than_baseline: "the period's median is on the wrong side of the baseline",
  decision_rule: 'the decision rule pointed to it at the end of the period',
  goal_line: "too few points for the decision rule: the period's median against the goal line",
};

/** One problem of the confirm form in plain words, with the field it is about (if any). */
export interface ReportFieldProblem {
  readonly field: 'code' | 'reason' | 'narrative' | null;
  readonly message: string;
}

/** The problems shown next to one goal's form, all at once, with the values sent. */
export interface ReportFormProblem {
  readonly goalId: string;
  readonly problems: readonly ReportFieldProblem[];
  readonly values: Readonly<Record<string, string>>;
}

/** Everything the reporting period page shows. */
export interface PeriodPageModel {
  readonly studentId: string;
  readonly studentName: string;
  readonly iepId: string;
  readonly model: PeriodModel;
  readonly canEdit: boolean;
  readonly problem: ReportFormProblem | null;
  readonly notice: string | null;
}

/** A reporting period's progress report page for one IEP. */
export function ProgressPeriodPage(props: PageFrame & { readonly page: PeriodPageModel }) {
  const { page } = props;
  const { model } = page;
  const base = `/students/${page.studentId}/iep/${page.iepId}/progress`;
  return (
    <Layout {...props}>
      <p class="eyebrow">
        <a href={`/students/${page.studentId}/iep?iep=${page.iepId}`}>{page.studentName} · IEP</a> ·{' '}
        <a href={iepProgressHref(page.studentId)}>IEP progress report for the family</a>
      </p>
      <h1>Progress report{model.period ? `: ${model.period.name}` : ''}</h1>
      {page.notice && (
        <p class="alert alert-success" role="status">
          {page.notice}
        </p>
      )}
      {model.periods.length > 1 && (
        <form method="get" action={base} class="form-row">
          <div class="field">
            <label for="period">Reporting period</label>
            <select id="period" name="period">
              {model.periods.map((p) => (
                <option value={p.id} selected={p.id === model.period?.id}>
                  {p.name} ({formatDay(p.start_date)} – {formatDay(p.end_date)})
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <button type="submit" class="button-secondary">
              Show
            </button>
          </div>
        </form>
      )}
      {!model.period && <p class="empty">No reporting periods are set up for this school.</p>}
      {model.period && (
        <p class="muted">
          {formatDay(model.period.start_date)} to {formatDay(model.period.end_date)}; due{' '}
          {formatDay(model.period.due_date)}.{' '}
          <a
            href={`/students/${page.studentId}/iep-progress?from=${model.period.start_date}&to=${model.period.end_date}`}
          >
            The report for the family (page and PDF)
          </a>
        </p>
      )}
      {model.period &&
        model.goals.map((g) => (
          <GoalReport
            page={page}
            goal={g}
            csrfToken={props.csrfToken}
            action={`${base}/${g.goal.id}`}
          />
        ))}
    </Layout>
  );
}

function codeLabel(codes: readonly ProgressCodeRow[], code: string | null): string {
  if (code === null) return '—';
  return codes.find((c) => c.code === code)?.label ?? code;
}

function GoalReport(props: {
  readonly page: PeriodPageModel;
  readonly goal: PeriodModel['goals'][number];
  readonly csrfToken: string;
  readonly action: string;
}) {
  const { page, goal: g } = props;
  const codes = page.model.codes;
  const headingId = `report-${g.goal.id}`;
  const report = g.report;
  const sent = report?.sent_at != null;
  return (
    <section class="panel iep-period-goal" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <a href={`/iep-goals/${g.goal.id}`}>{g.goal.area}</a>
      </h2>
      <p class="muted">{g.goal.statement}</p>
      {g.suggestion && (
        <p>
          <strong>Suggested: {g.suggestion.label}</strong>{' '}
          <span class="muted">(because {suggestionReason(g)})</span>
        </p>
      )}
      {g.summary && (
        <p>
          {g.summary.points === 0
            ? 'No data points in this period.'
            : `${g.summary.points} data points in the period: first ${round(g.summary.first)}, ` +
              `last ${round(g.summary.last)}, median ${round(g.summary.median)} ` +
              `(baseline ${g.goal.baseline.value}, target ${g.goal.target.value} ${g.goal.unitLabel}).`}
        </p>
      )}
      {g.progress && <p class="muted">{decisionLine(g.progress)}.</p>}
      {g.progress?.criterion && (
        <p class="muted">
          Mastery criterion:{' '}
          {g.progress.criterion.met
            ? `met on ${formatDay(g.progress.criterion.metOn)}`
            : `not met yet (${g.progress.criterion.shortfall?.en ?? ''})`}
          .
        </p>
      )}
      {report && (
        <p data-report-status={sent ? 'sent' : report.confirmed_code ? 'confirmed' : 'draft'}>
          <strong>Confirmed: {codeLabel(codes, report.confirmed_code)}</strong>
          {report.override_reason && <> (override; reason: {report.override_reason})</>}
          {sent && <> · sent {formatDay(report.sent_at)}</>}
        </p>
      )}
      {report?.narrative && sent && <p>{report.narrative}</p>}
      {page.canEdit && !sent && g.suggestion && <ConfirmForm {...props} />}
      {page.canEdit && report && !sent && report.confirmed_code && (
        <form method="post" action={`${props.action}/sent`} class="inline-form">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <input type="hidden" name="reportId" value={report.id} />
          <input type="hidden" name="period" value={page.model.period?.id ?? ''} />
          <input type="hidden" name="expectedVersion" value={String(report.version)} />
          <button type="submit" class="button-secondary">
            Mark sent to the family<span class="visually-hidden">: {g.goal.area}</span>
          </button>
        </form>
      )}
    </section>
  );
}

/**
 * Why the code was suggested, in words; for the decision rule also what it decided.
 * Example: "the 4-point rule decided “Continue the intervention” at the end of the period:
 * the last 4 points are not all on one side of the goal line".
 */
function suggestionReason(g: PeriodModel['goals'][number]): string {
  const rule = g.suggestion?.rule;
  if (rule === undefined) return '';
  if (rule !== 'decision_rule' || !g.progress) return RULE_WORDS[rule];

  const d = g.progress.decision;
  const why = d.why.en.replace(/\.$/, '');
  const reason = why.charAt(0).toLowerCase() + why.slice(1);
  return `the ${d.ruleName.en} decided “${d.label.en}” at the end of the period: ${reason}`;
}

function round(value: number | null): string {
  return value === null ? '—' : String(Math.round(value * 10) / 10);
}

function ConfirmForm(props: {
  readonly page: PeriodPageModel;
  readonly goal: PeriodModel['goals'][number];
  readonly csrfToken: string;
  readonly action: string;
}) {
  const { page, goal: g } = props;
  const problem = page.problem?.goalId === g.goal.id ? page.problem : null;
  const values = problem?.values ?? {};
  const chosen = values.code ?? g.report?.confirmed_code ?? g.suggestion?.districtCode ?? '';
  const id = (name: string) => `${name}-${g.goal.id.slice(0, 8)}`;
  const about = (field: ReportFieldProblem['field']) =>
    problem?.problems.filter((p) => p.field === field) ?? [];
  const invalid = (field: ReportFieldProblem['field']) => about(field).length > 0 || undefined;
  return (
    <form method="post" action={props.action} class="stack iep-confirm">
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      <input type="hidden" name="period" value={page.model.period?.id ?? ''} />
      {g.report && <input type="hidden" name="expectedVersion" value={String(g.report.version)} />}
      {problem && (
        <div class="alert alert-error" role="alert" id={id('problem')}>
          <p>Not saved. Please fix:</p>
          <ul>
            {problem.problems.map((p) => (
              <li>{p.field ? <a href={`#${id(p.field)}`}>{p.message}</a> : p.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="field">
        <label for={id('code')}>Progress code</label>
        <FieldErrors problems={about('code')} />
        <select id={id('code')} name="code" aria-invalid={invalid('code')}>
          {page.model.codes.map((c) => (
            <option value={c.code} selected={c.code === chosen}>
              {c.label}
              {c.code === g.suggestion?.districtCode ? ' (suggested)' : ''}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={id('reason')}>Reason for overriding the suggestion</label>
        <p class="hint" id={id('reason-hint')}>
          Needed only when you choose a code other than the suggested one.
        </p>
        <FieldErrors problems={about('reason')} />
        <input
          type="text"
          id={id('reason')}
          name="reason"
          value={values.reason ?? g.report?.override_reason ?? ''}
          aria-describedby={id('reason-hint')}
          aria-invalid={invalid('reason')}
        />
      </div>
      <div class="field">
        <label for={id('narrative')}>Narrative for the family</label>
        <FieldErrors problems={about('narrative')} />
        <textarea
          id={id('narrative')}
          name="narrative"
          rows={3}
          aria-invalid={invalid('narrative')}
        >
          {values.narrative ?? g.report?.narrative ?? ''}
        </textarea>
      </div>
      <button type="submit" class="button-primary">
        {g.report?.confirmed_code ? 'Save the report' : 'Confirm the code'}
        <span class="visually-hidden">: {g.goal.area}</span>
      </button>
    </form>
  );
}

function FieldErrors(props: { readonly problems: readonly ReportFieldProblem[] }) {
  return (
    <>
      {props.problems.map((p) => (
        <p class="field-error">{p.message}</p>
      ))}
    </>
  );
}

/** The reports-due list's model. */
export interface ReportsListModel {
  readonly today: string;
  readonly due: readonly ReportLine[];
  readonly sent: readonly ReportLine[];
}

/** Progress reports due, overdue and sent across the viewer's students. */
export function ReportsListPage(props: PageFrame & { readonly model: ReportsListModel }) {
  const { model } = props;
  const overdue = model.due.filter((r) => r.overdue);
  const due = model.due.filter((r) => !r.overdue);
  return (
    <Layout {...props}>
      <p class="eyebrow">As of {formatDay(model.today)}</p>
      <h1>IEP progress reports</h1>
      <ReportTable id="overdue" title={`Overdue (${overdue.length})`} rows={overdue} />
      <ReportTable id="due" title={`Due (${due.length})`} rows={due} />
      <ReportTable id="sent" title={`Sent (${model.sent.length})`} rows={model.sent} />
    </Layout>
  );
}

/** The periodic IEP progress report of a student as the family gets it (page and PDF). */
export function iepProgressHref(studentId: string): string {
  return `/students/${studentId}/iep-progress`;
}

function reportHref(r: ReportLine): string {
  return `/students/${r.studentId}/iep/${r.iepId}/progress?period=${encodeURIComponent(r.period.id)}`;
}

function ReportTable(props: {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly ReportLine[];
}) {
  return (
    <section class="panel" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.rows.length === 0 ? (
        <p class="empty">None.</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col">Goal</th>
                <th scope="col">Period</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={reportHref(r)}>{r.studentName}</a>
                  </th>
                  <td>{r.area}</td>
                  <td>
                    {r.period.name}{' '}
                    <a href={iepProgressHref(r.studentId)}>
                      IEP progress report<span class="visually-hidden"> of {r.studentName}</span>
                    </a>
                  </td>
                  <td class="nowrap">{formatDay(r.period.dueDate)}</td>
                  <td>
                    {r.status === 'sent'
                      ? `sent ${formatDay(r.sentAt)}`
                      : r.status === 'confirmed'
                        ? 'confirmed, not sent'
                        : 'not started'}
                    {r.overdue && <span class="tag tag-stale">overdue</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The case manager's dashboard section on the home page. */
export function CaseManagerSection(props: { readonly dashboard: CaseManagerDashboard }) {
  const { act, due } = props.dashboard;
  const overdue = due.filter((r) => r.overdue).length;
  return (
    <section class="panel alert-panel iep-dashboard" aria-labelledby="attention-heading">
      <h2 id="attention-heading">Needs your attention</h2>
      <h3>Goals whose decision rule says to act ({act.length})</h3>
      {act.length === 0 ? (
        <p class="muted">No goal's decision rule asks for a change right now.</p>
      ) : (
        <ul class="plain-list">
          {act.map((g) => (
            <li>
              <a href={`/iep-goals/${g.goalId}`}>
                {g.studentName}: {g.area}
              </a>{' '}
              — <strong>{g.decisionLabel}</strong>. {g.decisionWhy}
            </li>
          ))}
        </ul>
      )}
      <h3>
        Progress reports due ({due.length}
        {overdue > 0 ? `, ${overdue} overdue` : ''})
      </h3>
      {due.length === 0 ? (
        <p class="muted">Nothing due.</p>
      ) : (
        <ul class="plain-list">
          {due.slice(0, 6).map((r) => (
            <li>
              <a href={reportHref(r)}>
                {r.studentName}: {r.area}
              </a>{' '}
              — {r.period.name}, due {formatDay(r.period.dueDate)}
              {r.overdue && <span class="tag tag-stale">overdue</span>}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/progress-reports">All progress reports</a>
      </p>
    </section>
  );
}

/** The progress code set page's model. */
export interface CodesModel {
  readonly districts: readonly DistrictOption[];
  readonly districtId: string;
  readonly codes: readonly ProgressCodeRow[];
  /** True while the district uses the defaults (no codes of its own). */
  readonly usingDefaults: boolean;
  readonly problem: string | null;
  readonly notice: string | null;
}

const MEANINGS = [
  ['', '(none)'],
  ['mastered', 'mastered'],
  ['sufficient_progress', 'sufficient progress'],
  ['insufficient_progress', 'insufficient progress'],
  ['not_yet_addressed', 'not yet addressed'],
  ['regressed', 'regressed'],
] as const;

/** The district's progress codes, with a form to edit labels and descriptions. */
export function ProgressCodesPage(props: PageFrame & { readonly model: CodesModel }) {
  const { model } = props;
  const rows = [...model.codes, null];
  return (
    <Layout {...props}>
      <h1>Progress codes</h1>
      <p class="lede">
        The codes a case manager picks in a progress report. Each code may stand for one of the five
        meanings Trellis suggests from the data; the label and description are the district's own
        words.
      </p>
      {model.districts.length > 1 && (
        <form method="get" action="/admin/progress-codes" class="form-row">
          <div class="field">
            <label for="district">District</label>
            <select id="district" name="district">
              {model.districts.map((d) => (
                <option value={d.id} selected={d.id === model.districtId}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <button type="submit" class="button-secondary">
              Show
            </button>
          </div>
        </form>
      )}
      {model.notice && (
        <p class="alert alert-success" role="status">
          {model.notice}
        </p>
      )}
      {model.problem && (
        <p class="alert alert-error" role="alert">
          {model.problem}
        </p>
      )}
      {model.usingDefaults && (
        <p class="muted">This district uses the default codes until you save its own.</p>
      )}
      <form method="post" action={`/admin/progress-codes?district=${model.districtId}`}>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <div class="table-scroll">
          <table class="data-table iep-codes">
            <caption class="visually-hidden">Progress codes</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Meaning</th>
                <th scope="col">Label</th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c, i) => (
                <tr>
                  <td>
                    <label class="visually-hidden" for={`code${i}`}>
                      Code {i + 1}
                    </label>
                    <input
                      type="text"
                      id={`code${i}`}
                      name={`code${i}.code`}
                      value={c?.code ?? ''}
                    />
                  </td>
                  <td>
                    <label class="visually-hidden" for={`meaning${i}`}>
                      Meaning {i + 1}
                    </label>
                    <select id={`meaning${i}`} name={`code${i}.meaning`}>
                      {MEANINGS.map(([value, label]) => (
                        <option value={value} selected={(c?.meaning ?? '') === value}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <label class="visually-hidden" for={`label${i}`}>
                      Label {i + 1}
                    </label>
                    <input
                      type="text"
                      id={`label${i}`}
                      name={`code${i}.label`}
                      value={c?.label ?? ''}
                    />
                  </td>
                  <td>
                    <label class="visually-hidden" for={`description${i}`}>
                      Description {i + 1}
                    </label>
                    <textarea id={`description${i}`} name={`code${i}.description`} rows={2}>
                      {c?.description ?? ''}
                    </textarea>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p class="hint">Leave a row's code empty to remove it. The last row adds a code.</p>
        <button type="submit" class="button-primary">
          Save the code set
        </button>
      </form>
    </Layout>
  );
}

/** The GAS page's model. */
export interface GasModel {
  readonly studentId: string;
  readonly studentName: string;
  readonly iepId: string;
  readonly goals: ReadonlyArray<{ readonly id: string; readonly area: string }>;
  readonly reviews: readonly GasReviewView[];
  readonly canEdit: boolean;
  readonly today: string;
  readonly problem: string | null;
}

/** Goal attainment scaling reviews of an IEP, with the T-score of each. */
export function GasPage(props: PageFrame & { readonly model: GasModel }) {
  const { model } = props;
  const area = new Map(model.goals.map((g) => [g.id, g.area]));
  return (
    <Layout {...props}>
      <p class="eyebrow">
        <a href={`/students/${model.studentId}/iep?iep=${model.iepId}`}>
          {model.studentName} · IEP
        </a>
      </p>
      <h1>Goal attainment scaling</h1>
      <p class="lede">
        At a review, score each goal that suits it: −2 much less than expected, −1 somewhat less, 0
        the expected outcome, +1 somewhat more, +2 much more. The T-score of the set is T = 50 + 10
        Σ wᵢxᵢ / √((1 − ρ) Σ wᵢ² + ρ (Σ wᵢ)²); 50 means the goals were met as expected.
      </p>
      {model.reviews.length === 0 && <p class="empty">No reviews scored yet.</p>}
      {model.reviews.map((r) => (
        <section class="panel" aria-labelledby={`gas-${r.id}`}>
          <h2 id={`gas-${r.id}`}>
            Review of {formatDay(r.reviewDate)}: T ={' '}
            <span data-t-score={r.tScore.toFixed(4)}>{r.tScore.toFixed(1)}</span>
          </h2>
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Goal</th>
                <th scope="col" class="numeric">
                  Level
                </th>
                <th scope="col" class="numeric">
                  Weight
                </th>
              </tr>
            </thead>
            <tbody>
              {orderLevels(r.levels, model.goals).map((l) => (
                <tr>
                  <th scope="row">{area.get(l.goalId) ?? 'ended goal'}</th>
                  <td class="numeric">{signed(l.level)}</td>
                  <td class="numeric">{String(l.weight)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="muted">
            ρ = {String(r.rho)}
            {r.note ? ` · ${r.note}` : ''}
          </p>
        </section>
      ))}
      {model.canEdit && <GasForm model={model} csrfToken={props.csrfToken} />}
    </Layout>
  );
}

/** A level with its sign: +2, 0, −1 (a true minus sign). */
function signed(level: number): string {
  return level > 0 ? `+${level}` : level < 0 ? `−${-level}` : '0';
}

/** The levels in the order the IEP lists its goals; ended goals last. */
function orderLevels(levels: GasReviewView['levels'], goals: GasModel['goals']) {
  const at = (goalId: string) => {
    const index = goals.findIndex((g) => g.id === goalId);
    return index < 0 ? goals.length : index;
  };
  return [...levels].sort((a, b) => at(a.goalId) - at(b.goalId));
}

function GasForm(props: { readonly model: GasModel; readonly csrfToken: string }) {
  const { model } = props;
  return (
    <section class="panel" aria-labelledby="gas-form-heading">
      <h2 id="gas-form-heading">Score a review</h2>
      {model.problem && (
        <p class="alert alert-error" role="alert">
          {model.problem}
        </p>
      )}
      <form
        method="post"
        action={`/students/${model.studentId}/iep/${model.iepId}/gas`}
        class="stack"
      >
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <div class="form-row">
          <div class="field">
            <label for="reviewDate">Review date</label>
            <input type="date" id="reviewDate" name="reviewDate" value={model.today} />
          </div>
          <div class="field">
            <label for="rho">ρ (correlation between goals)</label>
            <input type="text" inputmode="decimal" id="rho" name="rho" value="0.3" />
          </div>
        </div>
        {model.goals.map((g, i) => (
          <div class="form-row">
            <input type="hidden" name={`goal${i}.id`} value={g.id} />
            <div class="field">
              <label for={`level${i}`}>{g.area}: level</label>
              <select id={`level${i}`} name={`goal${i}.level`}>
                <option value="">not scored (does not suit GAS)</option>
                {['-2', '-1', '0', '1', '2'].map((level) => (
                  <option value={level}>
                    {level === '0' ? '0 (expected)' : signed(Number(level))}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for={`weight${i}`}>{g.area}: weight</label>
              <input
                type="text"
                inputmode="decimal"
                id={`weight${i}`}
                name={`goal${i}.weight`}
                value="1"
              />
            </div>
          </div>
        ))}
        <div class="field">
          <label for="note">Note (optional)</label>
          <input type="text" id="note" name="note" />
        </div>
        <button type="submit" class="button-primary">
          Save the review
        </button>
      </form>
    </section>
  );
}
