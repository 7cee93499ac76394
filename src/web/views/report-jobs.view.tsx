/**
 * A class's family reports made as one job: the form that starts a job (language and period),
 * the class's recent jobs, and the job page, whose progress is polled with htmx every two
 * seconds until the job ends; then the downloads appear (a zip, or one PDF at a time).
 */
import { REPORT_LANGUAGES } from '../../reports/i18n/index.js';
import type { ReportJobFileEntry, ReportJobRow } from '../../store/report-job.repository.js';
import { LANGUAGE_NAMES, pageLanguage } from '../i18n/index.js';
import { ClassNav } from './class-nav.js';
import { Layout, type PageFrame } from './layout.js';

/** The class a report job belongs to. */
export interface JobClass {
  readonly id: string;
  readonly title: string;
  readonly schoolName: string | null;
}

/** Where the class's report pages live. */
export function classReportsPath(classId: string, rest = ''): string {
  return `/classes/${encodeURIComponent(classId)}/family-reports${rest}`;
}

/** A job's page, its status fragment and its downloads. */
export function jobPath(classId: string, jobId: string, rest = ''): string {
  return classReportsPath(classId, `/jobs/${encodeURIComponent(jobId)}${rest}`);
}

/** The class's family reports page: start a job, see the recent ones. */
export function ClassReportsPage(
  props: PageFrame & {
    readonly klass: JobClass;
    readonly jobs: readonly ReportJobRow[];
    readonly errors?: Readonly<Record<string, string>>;
  },
) {
  const { klass, errors = {} } = props;
  return (
    <Layout {...props}>
      <p class="eyebrow">{klass.schoolName}</p>
      <h1>Family reports: {klass.title}</h1>
      <ClassNav classId={klass.id} current="family-reports" canRecord={true} />
      {Object.keys(errors).length > 0 && (
        <div class="alert alert-error" role="alert">
          <h2>Please check the form</h2>
          <ul>
            {Object.entries(errors).map(([field, message]) => (
              <li>
                <a href={`#job-${field}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <section class="panel job-panel" aria-labelledby="new-job-title">
        <h2 id="new-job-title">Make every family's report</h2>
        <p>
          One PDF for each student of the class, in the language you choose. Reports are made in the
          background; you can leave the page and come back.
        </p>
        <JobForm klass={klass} csrfToken={props.csrfToken} errors={errors} />
      </section>
      <section aria-labelledby="jobs-title">
        <h2 id="jobs-title">Recent report jobs</h2>
        {props.jobs.length === 0 ? (
          <p class="muted">No reports have been made for this class yet.</p>
        ) : (
          <JobTable klass={klass} jobs={props.jobs} />
        )}
      </section>
    </Layout>
  );
}

function JobForm(props: {
  readonly klass: JobClass;
  readonly csrfToken: string;
  readonly errors: Readonly<Record<string, string>>;
}) {
  const { errors } = props;
  return (
    <form method="post" action={classReportsPath(props.klass.id)} class="stack job-form">
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      <div class="field">
        <label for="job-lang">Language</label>
        <select id="job-lang" name="lang" aria-invalid={errors.lang ? 'true' : undefined}>
          <option value="guardian">Each family's preferred language</option>
          {REPORT_LANGUAGES.map((lang) => (
            <option value={lang}>Everyone in {LANGUAGE_NAMES[lang]}</option>
          ))}
        </select>
        <p class="hint">
          A student whose guardians read different languages gets one PDF in each language.
        </p>
      </div>
      <div class="form-row">
        <DateField id="job-from" name="from" label="Period starts" error={errors.from} />
        <DateField id="job-to" name="to" label="Period ends" error={errors.to} />
      </div>
      <p class="hint">Leave the dates empty for the current reporting period.</p>
      <div class="actions">
        <button type="submit" class="button-primary">
          Make the reports
        </button>
      </div>
    </form>
  );
}

function DateField(props: {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly error: string | undefined;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        type="date"
        id={props.id}
        name={props.name}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
      />
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

function JobTable(props: { readonly klass: JobClass; readonly jobs: readonly ReportJobRow[] }) {
  return (
    <table class="data-table job-table">
      <caption class="visually-hidden">Recent report jobs, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Asked for</th>
          <th scope="col">Language</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {props.jobs.map((job) => (
          <tr>
            <td>
              <a href={jobPath(props.klass.id, job.id)}>{whenText(job.created_at)}</a>
            </td>
            <td>
              <LangName lang={job.lang} />
            </td>
            <td>{stateText(job)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A job's page: its settings, its progress and, when it is done, its downloads. */
export function ReportJobPage(
  props: PageFrame & {
    readonly klass: JobClass;
    readonly job: ReportJobRow;
    readonly files: readonly ReportJobFileEntry[];
  },
) {
  const { klass, job } = props;
  return (
    <Layout {...props}>
      <p class="eyebrow">{klass.title}</p>
      <h1>Family reports</h1>
      <ClassNav classId={klass.id} current="family-reports" canRecord={true} />
      <dl class="job-facts">
        <div>
          <dt>Asked for</dt>
          <dd>{whenText(job.created_at)}</dd>
        </div>
        <div>
          <dt>Language</dt>
          <dd>
            <LangName lang={job.lang} />
          </dd>
        </div>
        <div>
          <dt>Period</dt>
          <dd>{periodText(job)}</dd>
        </div>
      </dl>
      <section class="panel job-panel" aria-labelledby="progress-title">
        <h2 id="progress-title">Progress</h2>
        <JobStatus klass={klass} job={job} />
        <JobHint klass={klass} job={job} />
      </section>
      <JobDownloads klass={klass} job={job} files={props.files} />
    </Layout>
  );
}

/**
 * The progress line: a live region whose content htmx refreshes every two seconds while the
 * job runs (the region itself stays, so screen readers announce each change). The answer
 * after the job ends has status 286, which stops the polling.
 */
export function JobStatus(props: { readonly klass: JobClass; readonly job: ReportJobRow }) {
  const { klass, job } = props;
  const polling = !finished(job);
  return (
    <div
      id="job-status"
      class="job-status"
      role="status"
      hx-get={polling ? jobPath(klass.id, job.id, '/status') : undefined}
      hx-trigger={polling ? 'every 2s' : undefined}
      hx-swap={polling ? 'innerHTML' : undefined}
    >
      <JobProgress job={job} />
    </div>
  );
}

/**
 * While the job runs: a note that the page updates itself, with a link for browsers without
 * script. The last status answer replaces it (out of band) with nothing.
 */
export function JobHint(props: {
  readonly klass: JobClass;
  readonly job: ReportJobRow;
  readonly outOfBand?: boolean;
}) {
  const { klass, job } = props;
  return (
    <p id="job-hint" class="hint" hx-swap-oob={props.outOfBand ? 'true' : undefined}>
      {!finished(job) && (
        <>
          This page updates itself. <a href={jobPath(klass.id, job.id)}>Check again</a>
        </>
      )}
    </p>
  );
}

/** The state, the counts and a progress bar of a job. */
export function JobProgress(props: { readonly job: ReportJobRow }) {
  const { job } = props;
  const label = progressText(job);
  return (
    <>
      <p class={`job-state job-state-${job.state}`}>
        <StateIcon state={job.state} />
        <strong>{stateWord(job)}</strong> {label}
      </p>
      {job.state === 'queued' || (job.state === 'running' && job.total === 0) ? (
        <progress aria-label="Report progress">{label}</progress>
      ) : (
        <progress value={job.done} max={Math.max(job.total, 1)} aria-label="Report progress">
          {label}
        </progress>
      )}
    </>
  );
}

/**
 * The downloads of a finished job: the zip of every PDF, and each PDF on its own; the
 * reports that could not be made, with the reason. Sent out of band with the last status.
 */
export function JobDownloads(props: {
  readonly klass: JobClass;
  readonly job: ReportJobRow;
  readonly files: readonly ReportJobFileEntry[];
  readonly outOfBand?: boolean;
}) {
  const { klass, job, files } = props;
  const written = files.filter((file) => file.written);
  const failed = files.filter((file) => !file.written);
  return (
    <section
      id="job-downloads"
      aria-labelledby="downloads-title"
      hx-swap-oob={props.outOfBand ? 'true' : undefined}
    >
      {job.state === 'done' && (
        <>
          <h2 id="downloads-title">Download the reports</h2>
          {written.length > 0 && (
            <p>
              <a class="button-primary" href={jobPath(klass.id, job.id, '/reports.zip')} download>
                Download all {written.length} PDFs as a zip
              </a>
            </p>
          )}
          <ul class="plain-list file-list">
            {written.map((file) => (
              <li>
                <a
                  href={jobPath(klass.id, job.id, `/files/${encodeURIComponent(file.id)}`)}
                  download
                >
                  {file.studentName}, <LangName lang={file.lang ?? ''} />
                </a>{' '}
                <span class="muted">({file.fileName})</span>
              </li>
            ))}
          </ul>
          {failed.length > 0 && (
            <div class="alert alert-error">
              <h3>Reports that could not be made</h3>
              <ul>
                {failed.map((file) => (
                  <li>
                    {file.studentName}: {file.problem}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function StateIcon(props: { readonly state: ReportJobRow['state'] }) {
  const paths: Record<ReportJobRow['state'], string> = {
    queued: 'M8 3 L8 8 L11 10',
    running: 'M8 2.5 A5.5 5.5 0 1 1 2.5 8',
    done: 'M3 8.5 L6.5 12 L13 4.5',
    failed: 'M4 4 L12 12 M12 4 L4 12',
  };
  return (
    <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path
        d={paths[props.state]}
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
      />
    </svg>
  );
}

/** True once a job has ended, done or failed. */
export function finished(job: ReportJobRow): boolean {
  return job.state === 'done' || job.state === 'failed';
}

function stateWord(job: ReportJobRow): string {
  switch (job.state) {
    case 'queued':
      return 'Waiting to start.';
    case 'running':
      return 'Making reports.';
    case 'done':
      return 'Done.';
    case 'failed':
      return 'Stopped.';
  }
}

function progressText(job: ReportJobRow): string {
  if (job.state === 'failed') return job.problem ?? 'The job could not finish.';
  if (job.total === 0) {
    return job.state === 'done' ? 'The class has no students.' : 'Preparing the first report.';
  }
  const made = job.done - job.failed;
  const failed = job.failed > 0 ? `, ${job.failed} could not be made` : '';
  return `${made} of ${job.total} reports made${failed}.`;
}

function stateText(job: ReportJobRow): string {
  return `${stateWord(job)} ${progressText(job)}`.trim();
}

/** A job's or report's language: its own name, marked with its language for screen readers. */
function LangName(props: { readonly lang: string }) {
  if (props.lang === 'guardian') return <>Each family's preferred language</>;
  const known = REPORT_LANGUAGES.find((each) => each === props.lang);
  if (!known) return <>{props.lang}</>;
  const tag = pageLanguage(known);
  return (
    <span lang={tag.htmlLang} dir={tag.dir}>
      {LANGUAGE_NAMES[known]}
    </span>
  );
}

function periodText(job: ReportJobRow): string {
  if (!job.period_from && !job.period_to) return 'The current reporting period';
  return `${job.period_from ?? '…'} to ${job.period_to ?? '…'}`;
}

/** An instant as "2026-10-02 14:05 UTC". */
function whenText(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
