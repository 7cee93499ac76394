/**
 * The IEP progress report page for staff: the period chooser (the school's reporting periods,
 * or any two days), the report's language, where each goal's report for the period stands
 * with the "mark sent" action, the PDF link, and then the report itself: the PDF's template
 * (IepReportSections) in its own language and direction, styled by its scoped sheet.
 */
import type { IepProgressReportModel } from '../../reports/iep/iep-progress-report.model.js';
import { IepReportSections } from '../../reports/iep/iep-progress-report.view.js';
import { REPORT_LANGUAGES, type ReportLang } from '../../reports/i18n/index.js';
import type { GoalReportState, PagePeriod } from '../../services/iep-progress-page.service.js';
import { LANGUAGE_NAMES } from '../i18n/index.js';
import { Layout, type PageFrame } from './layout.js';

/** What the IEP progress report page shows. */
export interface IepProgressScreenModel {
  readonly studentId: string;
  readonly studentName: string;
  readonly report: IepProgressReportModel;
  readonly period: PagePeriod;
  readonly periods: readonly PagePeriod[];
  readonly lang: ReportLang;
  readonly goals: readonly GoalReportState[];
  readonly pdfHref: string;
  readonly pageHref: (period: PagePeriod) => string;
  /** The student's IEP page, when the app has one. */
  readonly iepHref: string | null;
  readonly canMarkSent: boolean;
  readonly notice: string | null;
}

/** The IEP progress report page. */
export function IepProgressScreen(props: PageFrame & { readonly model: IepProgressScreenModel }) {
  const { model } = props;
  return (
    <Layout {...props} scripts={false} stylesheets={['/static/iep-progress-report.css']}>
      <p class="eyebrow">
        <a href={`/students/${encodeURIComponent(model.studentId)}`}>{model.studentName}</a>
        {model.iepHref && (
          <>
            {' · '}
            <a href={model.iepHref}>IEP</a>
          </>
        )}
      </p>
      {model.notice && (
        <p class="alert alert-success" role="status">
          {model.notice}
        </p>
      )}
      <div class="report-tools iep-tools">
        <PeriodChooser model={model} />
        <SendState model={model} csrfToken={props.csrfToken} />
        <p class="report-download">
          <a class="button-primary" href={model.pdfHref} download>
            Download PDF
          </a>
        </p>
      </div>
      <div class="iep-report" lang={model.report.htmlLang} dir={model.report.dir}>
        <div class="report">
          <IepReportSections model={model.report} />
        </div>
      </div>
    </Layout>
  );
}

function PeriodChooser(props: { readonly model: IepProgressScreenModel }) {
  const { model } = props;
  const action = `/students/${encodeURIComponent(model.studentId)}/iep-progress`;
  return (
    <form method="get" action={action} class="period-chooser">
      <fieldset>
        <legend>Reporting period and language</legend>
        {model.periods.length > 0 && (
          <ul class="period-links" aria-label="The school's reporting periods">
            {model.periods.map((period) => (
              <li>
                <a
                  href={model.pageHref(period)}
                  aria-current={samePeriod(period, model.period) ? 'true' : undefined}
                >
                  {period.name ?? 'Period'}: {period.from} to {period.to}
                </a>
              </li>
            ))}
          </ul>
        )}
        <div class="period-fields">
          <div class="field">
            <label for="period-from">From</label>
            <input type="date" id="period-from" name="from" value={model.period.from} required />
          </div>
          <div class="field">
            <label for="period-to">To</label>
            <input type="date" id="period-to" name="to" value={model.period.to} required />
          </div>
          <div class="field">
            <label for="period-lang">Report language</label>
            <select id="period-lang" name="lang">
              {REPORT_LANGUAGES.map((lang) => (
                <option value={lang} selected={lang === model.lang}>
                  {LANGUAGE_NAMES[lang]}
                </option>
              ))}
            </select>
          </div>
          <div class="field field-button">
            <button type="submit" class="button-secondary">
              Show the report
            </button>
          </div>
        </div>
      </fieldset>
    </form>
  );
}

function SendState(props: { readonly model: IepProgressScreenModel; readonly csrfToken: string }) {
  const { model } = props;
  if (model.goals.length === 0) return null;
  const ready = model.goals.filter((goal) => goal.state === 'confirmed').length;
  return (
    <div class="send-state">
      <table class="data-table">
        <caption>Sent to the family for this period</caption>
        <thead>
          <tr>
            <th scope="col">Goal</th>
            <th scope="col">Report</th>
          </tr>
        </thead>
        <tbody>
          {model.goals.map((goal) => (
            <tr>
              <td>
                <a href={`/goals/${encodeURIComponent(goal.goalId)}`}>{goal.area}</a>
              </td>
              <td>
                <GoalState goal={goal} confirmHref={confirmHref(model, goal)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {model.canMarkSent && ready > 0 && (
        <form
          method="post"
          action={`/students/${encodeURIComponent(model.studentId)}/iep-progress/sent`}
        >
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <input type="hidden" name="from" value={model.period.from} />
          <input type="hidden" name="to" value={model.period.to} />
          <input type="hidden" name="lang" value={model.lang} />
          <button type="submit" class="button-secondary">
            Mark {ready} confirmed {ready === 1 ? 'report' : 'reports'} as sent today
          </button>
        </form>
      )}
    </div>
  );
}

/** Where a goal's code is confirmed: the IEP's page for the period, else the goal's page. */
function confirmHref(model: IepProgressScreenModel, goal: GoalReportState): string {
  const student = encodeURIComponent(model.studentId);
  if (!model.period.id) return `/goals/${encodeURIComponent(goal.goalId)}`;
  const period = encodeURIComponent(model.period.id);
  return `/students/${student}/iep/${encodeURIComponent(goal.iepId)}/progress?period=${period}`;
}

function GoalState(props: { readonly goal: GoalReportState; readonly confirmHref: string }) {
  const { goal } = props;
  switch (goal.state) {
    case 'sent':
      return (
        <span class="send-sent">
          <span aria-hidden="true">✓ </span>Sent on {goal.sentAt?.slice(0, 10)}
        </span>
      );
    case 'confirmed':
      return (
        <span class="send-ready">
          <span aria-hidden="true">● </span>Code confirmed, not sent yet
        </span>
      );
    case 'not_confirmed':
      return (
        <span class="send-waiting">
          <span aria-hidden="true">○ </span>Code not confirmed yet:{' '}
          <a href={props.confirmHref}>confirm it for this period</a>
        </span>
      );
  }
}

function samePeriod(a: PagePeriod, b: PagePeriod): boolean {
  return a.from === b.from && a.to === b.to;
}
