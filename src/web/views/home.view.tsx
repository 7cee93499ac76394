/** The home page of each role: classes, caseload, children, or schools with a student search. */
import type { ClassSummary, SchoolSummary, StudentSummary } from '../../store/roster.repository.js';
import type { ServedGoal } from '../../store/access.repository.js';
import type { Child } from 'hono/jsx';
import { Layout, type PageFrame } from './layout.js';

/** A teacher's home: the classes they teach. */
export function TeacherHome(props: PageFrame & { readonly classes: readonly ClassSummary[] }) {
  return (
    <Layout {...props} current="home">
      <h1>My classes</h1>
      <ClassCards classes={props.classes} />
    </Layout>
  );
}

/** A special educator's home: their caseload, then the classes they co-teach. */
export function SpecialEducatorHome(
  props: PageFrame & {
    readonly caseload: readonly StudentSummary[];
    readonly classes: readonly ClassSummary[];
    /** Shown first: IEP goals to act on and progress reports due (iep pages). */
    readonly attention?: Child;
  },
) {
  return (
    <Layout {...props} current="home">
      <h1>My caseload and classes</h1>
      {props.attention}
      <section aria-labelledby="caseload-heading">
        <h2 id="caseload-heading">Caseload</h2>
        <StudentTable students={props.caseload} empty="No students on your caseload yet." />
      </section>
      <section aria-labelledby="classes-heading">
        <h2 id="classes-heading">Classes</h2>
        <ClassCards classes={props.classes} />
      </section>
    </Layout>
  );
}

/** A family's home: their children, each with the student page and the family report. */
export function GuardianHome(
  props: PageFrame & {
    readonly linkedStudents: readonly StudentSummary[];
    readonly reportHref: ((studentId: string) => string) | null;
  },
) {
  return (
    <Layout {...props} current="home">
      <h1>My children</h1>
      {props.linkedStudents.length === 0 && (
        <p class="empty">No children are linked to this account.</p>
      )}
      <ul class="cards">
        {props.linkedStudents.map((child) => (
          <li class="card">
            <h2>
              {child.givenName} {child.familyName}
            </h2>
            <p class="muted">
              {[child.schoolName, child.gradeLevel && `Grade ${child.gradeLevel}`]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <p class="card-links">
              <a href={`/students/${child.id}`}>Progress and feedback</a>
              {props.reportHref && <a href={props.reportHref(child.id)}>Family report</a>}
              <a href={`/students/${child.id}/portfolio`}>Work samples</a>
            </p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** An administrator's home: schools with student counts, and a student search. */
export function AdminHome(
  props: PageFrame & {
    readonly schools: readonly SchoolSummary[];
    /** Whether the account holds the bulk-export permission (shows each school's export). */
    readonly canExport?: boolean;
  },
) {
  return (
    <Layout {...props} current="home">
      <h1>Schools</h1>
      <StudentSearchForm query="" />
      <p class="card-links">
        <a href="/progress-reports">IEP progress reports</a>
        <a href="/admin/progress-codes">IEP progress codes</a>
      </p>
      <table class="data-table">
        <caption class="visually-hidden">Schools and their student counts</caption>
        <thead>
          <tr>
            <th scope="col">School</th>
            <th scope="col">District</th>
            <th scope="col" class="numeric">
              Students
            </th>
            {props.canExport && <th scope="col">Export</th>}
          </tr>
        </thead>
        <tbody>
          {props.schools.map((school) => (
            <tr>
              <th scope="row">{school.name}</th>
              <td>{school.districtName ?? '—'}</td>
              <td class="numeric">{school.studentCount}</td>
              {props.canExport && (
                <td>
                  <a href={`/schools/${school.id}/mastery.csv`} download>
                    Export mastery (CSV)
                    <span class="visually-hidden"> of {school.name}</span>
                  </a>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

/** The student search page with its results. */
export function StudentSearchPage(
  props: PageFrame & { readonly query: string; readonly results: readonly StudentSummary[] | null },
) {
  return (
    <Layout {...props} current="search">
      <h1>Find a student</h1>
      <StudentSearchForm query={props.query} />
      {props.results && (
        <section aria-labelledby="results-heading" aria-live="polite">
          <h2 id="results-heading">
            {props.results.length === 0
              ? 'No students found'
              : `${props.results.length} student${props.results.length === 1 ? '' : 's'} found`}
          </h2>
          <StudentTable students={props.results} empty="" />
        </section>
      )}
    </Layout>
  );
}

function StudentSearchForm(props: { readonly query: string }) {
  return (
    <form method="get" action="/admin/students" class="search" role="search">
      <label for="q">Search students by name or id</label>
      <div class="search-row">
        <input id="q" name="q" type="search" value={props.query} required minlength={2} />
        <button type="submit" class="button-primary">
          Search
        </button>
      </div>
    </form>
  );
}

function ClassCards(props: { readonly classes: readonly ClassSummary[] }) {
  if (props.classes.length === 0) return <p class="empty">No classes yet.</p>;
  return (
    <ul class="cards">
      {props.classes.map((item) => (
        <li class="card">
          <h3>
            <a href={`/classes/${item.id}`}>{item.title}</a>
          </h3>
          <p class="muted">
            {[item.subject, item.gradeLevel && `Grade ${item.gradeLevel}`]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <p>{item.studentCount} students</p>
        </li>
      ))}
    </ul>
  );
}

function StudentTable(props: {
  readonly students: readonly StudentSummary[];
  readonly empty: string;
}) {
  if (props.students.length === 0) return props.empty ? <p class="empty">{props.empty}</p> : null;
  return (
    <table class="data-table">
      <thead>
        <tr>
          <th scope="col">Student</th>
          <th scope="col">Student id</th>
          <th scope="col">School</th>
          <th scope="col">Grade</th>
        </tr>
      </thead>
      <tbody>
        {props.students.map((student) => (
          <tr>
            <th scope="row">
              <a href={`/students/${student.id}`}>
                {student.familyName}, {student.givenName}
              </a>
            </th>
            <td>{student.sourceId}</td>
            <td>{student.schoolName ?? '—'}</td>
            <td>{student.gradeLevel ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A related-service provider's home: the IEP goals they collect data for. */
export function ProviderHome(props: PageFrame & { readonly goals: readonly ServedGoal[] }) {
  return (
    <Layout {...props} current="home">
      <h1>Goals I serve</h1>
      {props.goals.length === 0 ? (
        <p class="empty">No IEP goals name you as a data collector yet.</p>
      ) : (
        <table class="data-table">
          <caption class="visually-hidden">IEP goals you collect data for</caption>
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">Goal area</th>
            </tr>
          </thead>
          <tbody>
            {props.goals.map((goal) => (
              <tr>
                <td>
                  {goal.studentFamilyName}, {goal.studentGivenName}
                </td>
                <td>
                  <a href={`/goals/${goal.goalId}`}>{goal.area}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
