/**
 * The IEP overview of a student, in three readings: the case manager's (everything, with the
 * actions and the version history), a teacher's (goals, accommodations and supports, services)
 * and a family's or the student's (goals in plain words with what success looks like, the
 * supports, and the progress reports sent home; no staff-only fields).
 */
import type { Sentences } from '../../domain/criterion/criterion-sentence.js';
import type { GoalCard, IepOverview, VersionLine } from '../../services/iep-pages.service.js';
import { COLLECTION_TYPE_NAMES } from '../../services/iep-pages.service.js';
import type { ProgressReportRow } from '../../store/iep-records.repository.js';
import { Layout, type PageFrame } from './layout.js';
import { formatDay } from './levels.js';
import { iepProgressHref } from './progress-report.view.js';

/** How much of the IEP the viewer sees. */
export type IepReading = 'manager' | 'staff' | 'family';

/** A report sent home, as the family reading lists it. */
export interface SentReport {
  readonly goalId: string;
  readonly periodEnd: string;
  readonly label: string;
  readonly narrative: string | null;
  readonly sentAt: string;
}

/** Everything the IEP overview page shows. */
export interface IepPageModel {
  readonly studentId: string;
  readonly studentName: string;
  readonly overview: IepOverview | null;
  /** Other IEPs of the student, newest first. */
  readonly otherIeps: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  readonly reading: IepReading;
  readonly canEdit: boolean;
  readonly lang: 'en' | 'es';
  readonly sentReports: readonly SentReport[];
  readonly notice: string | null;
}

/** The IEP overview page. */
export function IepPage(props: PageFrame & { readonly model: IepPageModel }) {
  const { model } = props;
  const overview = model.overview;
  return (
    <Layout {...props}>
      <p class="eyebrow">
        <a href={`/students/${model.studentId}`}>{model.studentName}</a> · IEP
      </p>
      <div class="page-head">
        <h1>
          {model.reading === 'family'
            ? 'IEP goals and supports'
            : 'Individualized education program'}
        </h1>
        {model.canEdit && <ManagerActions model={model} />}
        {!model.canEdit && model.reading !== 'family' && model.overview && (
          <a class="button-secondary" href={iepProgressHref(model.studentId)}>
            IEP progress report
          </a>
        )}
      </div>
      {model.notice && (
        <p class="alert alert-success" role="status">
          {model.notice}
        </p>
      )}
      {!overview && <p class="empty">No IEP has been written for this student yet.</p>}
      {overview && <Plan model={model} overview={overview} />}
      {model.otherIeps.length > 0 && (
        <section class="panel" aria-labelledby="other-ieps">
          <h2 id="other-ieps">Other IEPs</h2>
          <ul>
            {model.otherIeps.map((other) => (
              <li>
                <a href={`/students/${model.studentId}/iep?iep=${other.id}`}>{other.label}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}

function ManagerActions(props: { readonly model: IepPageModel }) {
  const { model } = props;
  const base = `/students/${model.studentId}/iep`;
  const overview = model.overview;
  if (!overview) {
    return (
      <a class="button-primary" href={`${base}/new`}>
        Write an IEP
      </a>
    );
  }
  const iep = overview.iep.iepId;
  return (
    <div class="iep-actions">
      <a class="button-primary" href={`${base}/${iep}/goals/new`}>
        Add a goal
      </a>
      <a class="button-secondary" href={`${base}/${iep}/amend`}>
        Amend
      </a>
      <a class="button-secondary" href={`${base}/${iep}/progress`}>
        Progress report
      </a>
      <a class="button-secondary" href={`${base}/${iep}/gas`}>
        Goal attainment scaling
      </a>
      <a class="button-secondary" href={iepProgressHref(model.studentId)}>
        IEP progress report
      </a>
    </div>
  );
}

function Plan(props: { readonly model: IepPageModel; readonly overview: IepOverview }) {
  const { model, overview } = props;
  const { iep } = overview;
  const family = model.reading === 'family';
  return (
    <>
      {!overview.isCurrent && (
        <p class="alert" role="note">
          You are reading version {iep.version.number}, kept as it was; it is not the current
          version. <a href={`/students/${model.studentId}/iep?iep=${iep.iepId}`}>Current version</a>
        </p>
      )}
      <section class="panel" aria-labelledby="plan-heading">
        <h2 id="plan-heading">The plan</h2>
        <dl class="facts">
          <Fact term="Starts">{formatDay(iep.version.begin_date)}</Fact>
          <Fact term="Ends">{formatDay(iep.version.end_date)}</Fact>
          <Fact term="Annual review">{formatDay(iep.version.annual_review_date)}</Fact>
          <Fact term="Re-evaluation">{formatDay(iep.version.reevaluation_date)}</Fact>
          <Fact term="Case manager">{overview.caseManagerName ?? '—'}</Fact>
          {!family && (
            <Fact term="Version">{`${iep.version.number} of ${iep.versions.length}`}</Fact>
          )}
          {model.reading === 'manager' && (
            <Fact term="Disability category">{overview.disability ?? '—'}</Fact>
          )}
          {!family && <Fact term="Setting">{overview.setting ?? '—'}</Fact>}
        </dl>
        {model.reading === 'manager' && (
          <>
            <h3>Team</h3>
            <ul class="plain-list">
              {overview.team.map((m) => (
                <li>
                  {m.name} <span class="muted">({m.role})</span>
                </li>
              ))}
            </ul>
            <h3>Present levels of performance</h3>
            <p class="iep-present">{iep.version.present_levels}</p>
          </>
        )}
      </section>
      <Goals model={model} goals={overview.goals} />
      <Supports overview={overview} />
      {!family && <Services overview={overview} />}
      {family && model.sentReports.length > 0 && (
        <FamilyReports model={model} overview={overview} />
      )}
      {model.reading === 'manager' && (
        <History studentId={model.studentId} iepId={iep.iepId} history={overview.history} />
      )}
    </>
  );
}

function Fact(props: { readonly term: string; readonly children?: unknown }) {
  return (
    <div>
      <dt>{props.term}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

function Goals(props: { readonly model: IepPageModel; readonly goals: readonly GoalCard[] }) {
  const { model } = props;
  return (
    <section class="panel" aria-labelledby="goals-heading">
      <h2 id="goals-heading">
        {model.reading === 'family' ? 'Goals' : `Annual goals (${props.goals.length})`}
      </h2>
      {props.goals.length === 0 && <p class="empty">No goals yet.</p>}
      <ol class="iep-goals">
        {props.goals.map((card) => (
          <li class="iep-goal">
            {model.reading === 'family' ? (
              <FamilyGoal card={card} lang={model.lang} />
            ) : (
              <StaffGoal card={card} manager={model.reading === 'manager'} />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function StaffGoal(props: { readonly card: GoalCard; readonly manager: boolean }) {
  const { goal, criterion, objectives } = props.card;
  return (
    <>
      <h3 class="goal-area">
        <a href={`/iep-goals/${goal.id}`}>{goal.area}</a>
      </h3>
      <p>{goal.statement}</p>
      <dl class="facts iep-goal-facts">
        <Fact term="Baseline">
          {`${goal.baseline.value} ${goal.unitLabel} on ${formatDay(goal.baseline.date)}`}
        </Fact>
        <Fact term="Target">
          {`${goal.target.value} ${goal.unitLabel} by ${formatDay(goal.target.date)}`}
        </Fact>
        <Fact term="Measured as">
          {goal.collectionType ? COLLECTION_TYPE_NAMES[goal.collectionType] : goal.measurement}
        </Fact>
        {props.manager && <Fact term="How the baseline was found">{goal.baseline.method}</Fact>}
      </dl>
      {criterion && <CriterionSentences sentences={criterion} />}
      {objectives.length > 0 && (
        <>
          <h4>Short-term objectives</h4>
          <ul>
            {objectives.map((o) => (
              <li>
                {o.statement}
                {o.targetDate && <span class="muted"> (by {formatDay(o.targetDate)})</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The criterion's sentence in English and Spanish, as the domain writes them. */
export function CriterionSentences(props: { readonly sentences: Sentences }) {
  return (
    <div class="iep-criterion">
      <p>
        <strong>Mastery criterion:</strong> {props.sentences.en}
      </p>
      <p lang="es">
        <strong>Criterio de dominio:</strong> {props.sentences.es}
      </p>
    </div>
  );
}

function FamilyGoal(props: { readonly card: GoalCard; readonly lang: 'en' | 'es' }) {
  const { goal, criterion } = props.card;
  return (
    <>
      <h3 class="goal-area">{goal.area}</h3>
      <p>{goal.statement}</p>
      <p>
        Aim: {goal.target.value} {goal.unitLabel} by {formatDay(goal.target.date)}. Starting point:{' '}
        {goal.baseline.value} on {formatDay(goal.baseline.date)}.
      </p>
      {criterion && (
        <p lang={props.lang}>
          <strong>{props.lang === 'es' ? 'Se logra con: ' : 'Met when: '}</strong>
          {criterion[props.lang]}
        </p>
      )}
    </>
  );
}

function Supports(props: { readonly overview: IepOverview }) {
  const rows = props.overview.iep.accommodations;
  return (
    <section class="panel" aria-labelledby="supports-heading">
      <h2 id="supports-heading">Accommodations and supports</h2>
      {rows.length === 0 ? (
        <p class="empty">None listed.</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">Kind</th>
                <th scope="col">Where</th>
                <th scope="col">How often</th>
                <th scope="col">Who provides it</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr>
                  <th scope="row">{a.description}</th>
                  <td>{a.kind}</td>
                  <td>{a.settings}</td>
                  <td>{a.frequency}</td>
                  <td>{a.provider}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Services(props: { readonly overview: IepOverview }) {
  const rows = props.overview.iep.services;
  return (
    <section class="panel" aria-labelledby="services-heading">
      <h2 id="services-heading">Service minutes</h2>
      {rows.length === 0 ? (
        <p class="empty">None listed.</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col" class="numeric">
                Minutes
              </th>
              <th scope="col">Per</th>
              <th scope="col">Setting</th>
              <th scope="col">Provider</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr>
                <th scope="row">{s.service}</th>
                <td class="numeric">{String(s.minutes)}</td>
                <td>{s.per}</td>
                <td>{s.setting}</td>
                <td>{s.provider}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function FamilyReports(props: { readonly model: IepPageModel; readonly overview: IepOverview }) {
  const areas = new Map(props.overview.goals.map((c) => [c.goal.id, c.goal.area]));
  return (
    <section class="panel" aria-labelledby="family-reports">
      <h2 id="family-reports">Progress reports sent home</h2>
      <ul class="plain-list">
        {props.model.sentReports.map((r) => (
          <li>
            <p>
              <strong>{areas.get(r.goalId) ?? ''}</strong>, period ending {formatDay(r.periodEnd)}:{' '}
              {r.label}
            </p>
            {r.narrative && <p>{r.narrative}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function History(props: {
  readonly studentId: string;
  readonly iepId: string;
  readonly history: readonly VersionLine[];
}) {
  return (
    <section class="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">Version history</h2>
      <p class="muted">Amendments add a version; earlier versions are kept as they were.</p>
      <ol class="iep-history" reversed>
        {props.history.map((v) => (
          <li>
            <p>
              <a href={`/students/${props.studentId}/iep?iep=${props.iepId}&version=${v.number}`}>
                Version {v.number}
              </a>{' '}
              · {v.kind === 'initial' ? 'first version' : 'amendment'}, effective{' '}
              {formatDay(v.effectiveDate)}
              {v.createdBy && <span class="muted"> · by {v.createdBy}</span>}
            </p>
            {v.reason && <p>Reason: {v.reason}</p>}
            {v.changes.length > 0 && (
              <ul>
                {v.changes.map((line) => (
                  <li>{line}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The label of a sent report's code, for the family reading. */
export function sentReportOf(
  report: ProgressReportRow,
  labels: ReadonlyMap<string, string>,
): SentReport | null {
  if (report.sent_at === null || report.confirmed_code === null) return null;
  return {
    goalId: report.goal_id,
    periodEnd: report.period_end,
    label: labels.get(report.confirmed_code) ?? report.confirmed_code,
    narrative: report.narrative,
    sentAt: report.sent_at,
  };
}
