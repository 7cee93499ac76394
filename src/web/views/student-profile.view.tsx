/**
 * The student profile for staff, on one page: standards mastery, IEP goals with graphs,
 * accommodations and supports with who provides them, recent feedback and upcoming review
 * dates. Sections families and the student do not see carry a "Staff only" mark.
 */
import { ProgressGraph } from '../../reports/charts/progress-graph.js';
import type { StudentProfile } from '../../services/student-profile.service.js';
import type { StudentSummary } from '../../store/roster.repository.js';
import { LevelBadge } from './components.js';
import { Layout, type PageFrame } from './layout.js';
import { evidenceCountText, formatDay, levelFor, shortCode } from './levels.js';

/** Everything the profile page shows. */
export interface StudentProfileModel {
  readonly student: StudentSummary;
  readonly profile: StudentProfile;
}

/** The profile page. */
export function StudentProfilePage(props: PageFrame & { readonly model: StudentProfileModel }) {
  const { student, profile } = props.model;
  const iep = profile.ieps[0] ?? null;
  return (
    <Layout {...props}>
      <div class="page-head">
        <div>
          <p class="eyebrow">
            Grade {student.gradeLevel ?? '—'} · {student.schoolName ?? ''}
          </p>
          <h1>
            {student.givenName} {student.familyName}
          </h1>
        </div>
        <a class="button-quiet" href={`/students/${student.id}`}>
          Page as the family sees it
        </a>
      </div>
      <p class="staff-legend">
        <StaffOnly /> marks what only staff see: it is not on the student's or the family's pages.
      </p>
      <div class="profile-grid">
        <div>
          <Mastery profile={profile} />
          <Feedback profile={profile} />
          <PortfolioHighlights profile={profile} studentId={props.model.student.id} />
        </div>
        <div>
          <Supports profile={profile} />
          <Upcoming profile={profile} />
        </div>
      </div>
      {iep && <Goals profile={profile} />}
      {iep && (
        <section class="panel staff-only" aria-labelledby="iep-facts-heading">
          <h2 id="iep-facts-heading">
            IEP details <StaffOnly />
          </h2>
          <dl class="profile-facts">
            <dt>Present levels</dt>
            <dd>{iep.iep.present_levels ?? '—'}</dd>
            <dt>Disability category</dt>
            <dd>{iep.iep.disability ?? '—'}</dd>
            <dt>Case manager</dt>
            <dd>{iep.caseManagerName ?? '—'}</dd>
            <dt>Setting</dt>
            <dd>{iep.iep.setting ?? '—'}</dd>
            <dt>In effect</dt>
            <dd>
              {formatDay(iep.iep.begin_date)} – {formatDay(iep.iep.end_date)}
            </dd>
          </dl>
        </section>
      )}
    </Layout>
  );
}

function StaffOnly() {
  return <span class="staff-badge">Staff only</span>;
}

function Mastery(props: { readonly profile: StudentProfile }) {
  const { profile } = props;
  const cellOf = new Map(profile.mastery.map((m) => [m.standardId, m]));
  return (
    <section class="panel" aria-labelledby="mastery-heading">
      <h2 id="mastery-heading">Standards mastery</h2>
      {profile.standards.length === 0 ? (
        <p class="empty">No evidence on any standard yet.</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">Standard</th>
              <th scope="col">Level</th>
              <th scope="col" class="numeric">
                Evidence
              </th>
            </tr>
          </thead>
          <tbody>
            {profile.standards.map((s) => {
              const cell = cellOf.get(s.id);
              const count = cell?.evidenceCount ?? 0;
              const level = count > 0 ? levelFor(profile.levels, cell?.levelValue ?? null) : null;
              return (
                <tr>
                  <th scope="row">
                    <span class="code">{shortCode(s.code)}</span>
                    <span class="muted block">{s.studentWording ?? s.statement}</span>
                  </th>
                  <td>
                    <LevelBadge level={level} />
                  </td>
                  <td class="numeric">{evidenceCountText(count)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Supports(props: { readonly profile: StudentProfile }) {
  const { supports, services } = props.profile;
  return (
    <section class="panel staff-only" aria-labelledby="supports-heading">
      <h2 id="supports-heading">
        Accommodations and supports <StaffOnly />
      </h2>
      {supports.length === 0 ? (
        <p class="empty">None recorded.</p>
      ) : (
        <ul class="support-list">
          {supports.map((s) => (
            <li>
              <strong>{s.description}</strong>
              <span class="muted block">
                {s.kind} · {s.applies} · provided by {s.provider}
                {s.source === 'teacher' ? ' · noted by a teacher' : ' · from the IEP'}
              </span>
            </li>
          ))}
        </ul>
      )}
      {services.length > 0 && (
        <>
          <h3>Services</h3>
          <ul class="support-list">
            {services.map((s) => (
              <li>
                <strong>{s.service}</strong>
                <span class="muted block">
                  {s.minutes} minutes a {s.per} · {s.setting} · provided by {s.provider}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Upcoming(props: { readonly profile: StudentProfile }) {
  const { upcoming } = props.profile;
  return (
    <section class="panel" aria-labelledby="upcoming-heading">
      <h2 id="upcoming-heading">Upcoming review dates</h2>
      {upcoming.length === 0 ? (
        <p class="empty">Nothing scheduled.</p>
      ) : (
        <ul class="date-list">
          {upcoming.map((d) => (
            <li>
              <span class="nowrap">{formatDay(d.date)}</span> · {d.what}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The work the student chose to represent their progress, linked to the full portfolio. */
function PortfolioHighlights(props: {
  readonly profile: StudentProfile;
  readonly studentId: string;
}) {
  const { portfolioHighlights } = props.profile;
  const portfolioHref = `/students/${props.studentId}/portfolio`;
  return (
    <section class="panel" aria-labelledby="portfolio-heading">
      <h2 id="portfolio-heading">Portfolio highlights</h2>
      {portfolioHighlights.length === 0 ? (
        <p class="empty">The student has not chosen any work yet.</p>
      ) : (
        <ul class="feedback-list">
          {portfolioHighlights.map((artifact) => (
            <li>
              <p>
                <strong>{artifact.title}</strong>
              </p>
              <p class="muted">
                {formatDay(artifact.observedOn)} · {artifact.setting}
                {artifact.endorsedAt ? ' · endorsed' : ''}
              </p>
              {artifact.reflection && <p>In the student's words: {artifact.reflection}</p>}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={portfolioHref}>Open the portfolio</a>
      </p>
    </section>
  );
}

function Feedback(props: { readonly profile: StudentProfile }) {
  const { recentFeedback, standards } = props.profile;
  const codeOf = new Map(standards.map((s) => [s.id, shortCode(s.code)]));
  return (
    <section class="panel" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">Recent feedback</h2>
      {recentFeedback.length === 0 ? (
        <p class="empty">No feedback yet.</p>
      ) : (
        <ul class="feedback-list">
          {recentFeedback.map((e) => (
            <li>
              <p class="muted">
                {formatDay(e.observedAt)} · {e.taskTitle ?? 'Recorded directly'} ·{' '}
                <span class="code">{codeOf.get(e.standardId) ?? ''}</span>
              </p>
              {e.strength && <p>Strength: {e.strength}</p>}
              {e.nextStep && <p>Next step: {e.nextStep}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Goals(props: { readonly profile: StudentProfile }) {
  const { profile } = props;
  const goals = profile.ieps.flatMap((i) => i.goals).filter((g) => g.ended_in_version_id === null);
  return (
    <section class="panel" aria-labelledby="goals-heading">
      <h2 id="goals-heading">IEP goals</h2>
      <div class="goal-cards">
        {goals.map((goal) => {
          const progress = profile.goalProgress.get(goal.id);
          return (
            <article class="goal-card" aria-labelledby={`goal-${goal.id}`}>
              <h3 id={`goal-${goal.id}`}>
                <a href={`/goals/${goal.id}`}>{goal.area}</a>
              </h3>
              <p>{goal.statement}</p>
              {progress ? (
                <>
                  <p class="staff-only-line">
                    Decision rule: <strong>{progress.decision.label.en}</strong> <StaffOnly />
                  </p>
                  <div class="graph small-graph">
                    <ProgressGraph
                      progress={progress}
                      options={{ size: 'pdf', idPrefix: `profile-${goal.id}` }}
                    />
                  </div>
                </>
              ) : (
                <p class="empty">No data collected yet.</p>
              )}
            </article>
          );
        })}
      </div>
    </section>
  );
}
