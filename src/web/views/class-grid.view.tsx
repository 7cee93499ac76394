/**
 * The class view: students by standards, each cell the student's current mastery as color,
 * symbol and word with the number of pieces of evidence behind it.
 */
import type { MasteryCell, ScaleLevel, StandardSummary } from '../../store/gradebook.repository.js';
import type { StudentSummary } from '../../store/roster.repository.js';
import { LevelBadge, ScaleLegend } from './components.js';
import { Layout, type PageFrame } from './layout.js';
import { evidenceCountText, levelFor, shortCode } from './levels.js';

/** Everything the class page shows. */
export interface ClassGridModel {
  readonly classInfo: {
    readonly id: string;
    readonly title: string;
    readonly subject: string | null;
    readonly schoolName: string | null;
  };
  readonly standards: readonly StandardSummary[];
  readonly students: readonly StudentSummary[];
  readonly iepStudentIds: ReadonlySet<string>;
  readonly cells: readonly MasteryCell[];
  readonly levels: readonly ScaleLevel[];
  readonly canRecord: boolean;
  /** The cell just saved: its student and standard, announced and highlighted. */
  readonly saved: { readonly studentId: string; readonly standardId: string } | null;
}

/** The class page. */
export function ClassGridPage(props: PageFrame & { readonly model: ClassGridModel }) {
  const { model } = props;
  const info = model.classInfo;
  return (
    <Layout {...props}>
      <div class="page-head">
        <div>
          <p class="eyebrow">{[info.schoolName, info.subject].filter(Boolean).join(' · ')}</p>
          <h1>{info.title}</h1>
        </div>
        {model.canRecord && (
          <a class="button-primary" href={`/classes/${info.id}/evidence/new`}>
            Record evidence
          </a>
        )}
      </div>
      <SavedNotice model={model} />
      <ScaleLegend levels={model.levels} />
      <Grid model={model} />
      <StandardList standards={model.standards} />
    </Layout>
  );
}

function SavedNotice(props: { readonly model: ClassGridModel }) {
  const { saved, students, standards } = props.model;
  const student = saved && students.find((s) => s.id === saved.studentId);
  const standard = saved && standards.find((s) => s.id === saved.standardId);
  return (
    <p class="alert alert-success" id="saved" role="status" hidden={!student || !standard}>
      {student && standard
        ? `Saved. ${student.givenName} ${student.familyName}'s mastery on ${shortCode(standard.code)} is updated below.`
        : ''}
    </p>
  );
}

function Grid(props: { readonly model: ClassGridModel }) {
  const { model } = props;
  const cellOf = new Map(model.cells.map((cell) => [`${cell.studentId}|${cell.standardId}`, cell]));
  if (model.students.length === 0 || model.standards.length === 0) {
    return <p class="empty">This class has no students or standards yet.</p>;
  }
  return (
    <div class="grid-scroll" tabindex={0} role="region" aria-labelledby="grid-caption">
      <table class="mastery-grid" data-grid="mastery">
        <caption id="grid-caption">
          Current mastery by student and standard. Each cell shows the level and how much evidence
          it rests on.
        </caption>
        <thead>
          <tr>
            <th scope="col">Student</th>
            {model.standards.map((standard) => (
              <th scope="col">
                <a href={`#standard-${standard.id}`} class="code" title={standard.statement}>
                  {shortCode(standard.code)}
                </a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.students.map((student) => (
            <tr>
              <th scope="row">
                <a href={`/students/${student.id}`}>
                  {student.familyName}, {student.givenName}
                </a>
                {model.iepStudentIds.has(student.id) && (
                  <span class="tag" title="Has an IEP">
                    IEP
                  </span>
                )}
              </th>
              {model.standards.map((standard) => (
                <GridCell
                  model={model}
                  student={student}
                  standard={standard}
                  cell={cellOf.get(`${student.id}|${standard.id}`)}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function GridCell(props: {
  readonly model: ClassGridModel;
  readonly student: StudentSummary;
  readonly standard: StandardSummary;
  readonly cell: MasteryCell | undefined;
}) {
  const { model, student, standard, cell } = props;
  const count = cell?.evidenceCount ?? 0;
  const level = count > 0 ? levelFor(model.levels, cell?.levelValue ?? null) : null;
  const justSaved = model.saved?.studentId === student.id && model.saved.standardId === standard.id;
  const href = model.canRecord
    ? `/classes/${model.classInfo.id}/evidence/new?student=${student.id}&standard=${standard.id}`
    : `/students/${student.id}#standard-${standard.id}`;
  const label = `${student.givenName} ${student.familyName}, ${shortCode(standard.code)}: ${
    level ? level.label : 'not enough evidence yet'
  }, ${evidenceCountText(count)}${model.canRecord ? '. Record evidence' : ''}`;

  return (
    <td
      class={`cell ${level ? `level-${level.rank}` : 'cell-none'}${justSaved ? ' just-saved' : ''}`}
      data-student={student.id}
      data-standard={standard.id}
    >
      <a href={href} aria-label={label}>
        <LevelBadge level={level} />
        {count > 0 && <span class="count">{evidenceCountText(count)}</span>}
      </a>
    </td>
  );
}

function StandardList(props: { readonly standards: readonly StandardSummary[] }) {
  return (
    <section class="panel standards-list" aria-labelledby="standards-heading">
      <h2 id="standards-heading">Standards in this class</h2>
      <dl>
        {props.standards.map((standard) => (
          <div id={`standard-${standard.id}`}>
            <dt>
              <span class="code">{shortCode(standard.code)}</span>
            </dt>
            <dd>
              {standard.statement}
              {standard.studentWording && (
                <span class="student-wording">Student wording: {standard.studentWording}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
