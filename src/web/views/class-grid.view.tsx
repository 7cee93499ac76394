/**
 * The class gradebook: students by standards, each cell the student's mastery in the chosen
 * period (current, or as of a past period's last day) as color, symbol and word with the
 * number of pieces of evidence behind it and its marks (override, revision waiting to be
 * scored, not enough evidence yet). An ARIA grid: grid.js moves focus with the arrow keys,
 * Enter opens the cell's evidence and calculation, Escape closes it. The period choice,
 * filters and the class summary per standard sit around it; each keeps the others in its links.
 */
import { periodParams, type GradebookPeriod } from '../../services/gradebook-period.js';
import type { Gradebook } from '../../services/gradebook.service.js';
import { LITTLE_EVIDENCE } from '../../services/gradebook.service.js';
import type {
  MasteryCell,
  SessionSpan,
  StandardSummary,
} from '../../store/gradebook.repository.js';
import type { StudentSummary } from '../../store/roster.repository.js';
import { ClassNav } from './class-nav.js';
import { LevelBadge, ScaleLegend } from './components.js';
import { Layout, type PageFrame } from './layout.js';
import { evidenceCountText, levelFor, levelSymbol, shortCode } from './levels.js';

/** Everything the class page shows. */
export interface ClassGridModel extends Gradebook {
  readonly classInfo: {
    readonly id: string;
    readonly title: string;
    readonly subject: string | null;
    readonly schoolName: string | null;
  };
  readonly canRecord: boolean;
  /** Whether the viewer holds the bulk-export permission (shows the CSV export link). */
  readonly canExport?: boolean;
  /** The cell just saved: its student and standard, announced and highlighted. */
  readonly saved: { readonly studentId: string; readonly standardId: string } | null;
  readonly filters: {
    readonly strand: string | null;
    readonly iepOnly: boolean;
    readonly littleEvidenceOnly: boolean;
  };
  /** The sessions offered as periods, earliest first. */
  readonly periods: readonly SessionSpan[];
  readonly period: GradebookPeriod;
  /** Why the period asked for was refused (the page then shows current mastery), or null. */
  readonly periodError: string | null;
  readonly today: string;
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
        {model.canExport && (
          <a class="button-secondary" href={`/classes/${info.id}/mastery.csv`} download>
            Export mastery (CSV)
          </a>
        )}
      </div>
      <ClassNav classId={info.id} current="gradebook" canRecord={model.canRecord} />
      <SavedNotice model={model} />
      {model.periodError && (
        <p class="alert alert-error" role="alert">
          {model.periodError}
        </p>
      )}
      <PeriodChooser model={model} />
      <PeriodNotice period={model.period} />
      <Filters model={model} />
      <ScaleLegend levels={model.levels} />
      <MarkLegend />
      <Grid model={model} />
      <Summary model={model} />
      <StandardList standards={model.standards} />
      <dialog id="cell-dialog" class="cell-dialog" aria-labelledby="cell-dialog-title">
        <div class="dialog-bar">
          <p id="cell-dialog-title" class="dialog-title">
            Evidence and calculation
          </p>
          <button type="button" class="button-quiet" data-close-dialog>
            Close <span class="key">Esc</span>
          </button>
        </div>
        <div class="dialog-body" data-dialog-body></div>
      </dialog>
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

/** The filter fields of the query string: only those set. */
function filterParams(filters: ClassGridModel['filters']): Record<string, string> {
  return {
    ...(filters.strand !== null ? { strand: filters.strand } : {}),
    ...(filters.iepOnly ? { iep: '1' } : {}),
    ...(filters.littleEvidenceOnly ? { little: '1' } : {}),
  };
}

/** The class page's address with these query fields, e.g. "/classes/c1?period=t1&iep=1". */
function classHref(classId: string, params: Record<string, string>): string {
  const query = new URLSearchParams(params).toString();
  return `/classes/${classId}${query === '' ? '' : `?${query}`}`;
}

/** Hidden fields that carry query values through a GET form. */
function HiddenFields(props: { readonly params: Record<string, string> }) {
  return (
    <>
      {Object.entries(props.params).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A day as people read it: "2026-10-31" → "31 Oct 2026". */
function showDay(date: string): string {
  return dayFormat.format(new Date(`${date}T00:00:00Z`));
}

function samePeriod(period: GradebookPeriod, sessionId: string | null): boolean {
  if (sessionId === null) return period.kind === 'current';
  return period.kind === 'session' && period.session.id === sessionId;
}

/** Links to current mastery and to each begun session, and a form for any past day. */
function PeriodChooser(props: { readonly model: ClassGridModel }) {
  const { model } = props;
  const classId = model.classInfo.id;
  const filters = filterParams(model.filters);
  const begun = model.periods.filter((s) => s.startDate <= model.today);
  const chosenDay = model.period.kind === 'date' ? model.period.asOf : '';
  return (
    <form class="period-chooser panel" method="get" action={`/classes/${classId}`}>
      <fieldset>
        <legend>Period</legend>
        <ul class="period-links" aria-label="Periods of this class">
          <li>
            <a
              href={classHref(classId, filters)}
              aria-current={samePeriod(model.period, null) ? 'true' : undefined}
            >
              Current
            </a>
          </li>
          {begun.map((session) => (
            <li>
              <a
                href={classHref(classId, { period: session.id, ...filters })}
                aria-current={samePeriod(model.period, session.id) ? 'true' : undefined}
              >
                {session.name}: {showDay(session.startDate)} to {showDay(session.endDate)}
              </a>
            </li>
          ))}
        </ul>
        <HiddenFields params={filters} />
        <div class="period-fields">
          <div class="field">
            <label for="period-as-of">Or mastery as of a day</label>
            <input type="date" id="period-as-of" name="asOf" value={chosenDay} max={model.today} />
          </div>
          <div class="field field-button">
            <button type="submit" class="button-secondary">
              Show that day
            </button>
          </div>
        </div>
      </fieldset>
    </form>
  );
}

/** What a past period's cells mean; nothing for current. */
function PeriodNotice(props: { readonly period: GradebookPeriod }) {
  const { period } = props;
  if (period.kind === 'current') return null;
  const when =
    period.kind === 'session'
      ? `${period.session.name}, as of ${showDay(period.asOf)}`
      : `As of ${showDay(period.asOf)}`;
  return (
    <p class="period-notice" role="status">
      <strong>{when}.</strong> Each level is calculated from the evidence observed by the end of
      that day (whenever it was entered), with today's calculation method and scale. Marks show the
      overrides in force then.
    </p>
  );
}

/** The caption's first sentence: what the cells show. */
function gridSubject(period: GradebookPeriod): string {
  switch (period.kind) {
    case 'current':
      return 'Current mastery';
    case 'session':
      return `Mastery in ${period.session.name} as of ${showDay(period.asOf)}`;
    case 'date':
      return `Mastery as of ${showDay(period.asOf)}`;
  }
}

function Filters(props: { readonly model: ClassGridModel }) {
  const { model } = props;
  const { filters } = model;
  const filtered = filters.strand !== null || filters.iepOnly || filters.littleEvidenceOnly;
  const kept = periodParams(model.period);
  return (
    <form class="filters panel" method="get" action={`/classes/${model.classInfo.id}`}>
      <h2 class="visually-hidden">Filters</h2>
      <HiddenFields params={kept} />
      <div class="field">
        <label for="filter-strand">Strand or unit</label>
        <select id="filter-strand" name="strand">
          <option value="">All strands</option>
          {model.strands.map((strand) => (
            <option value={strand.key} selected={filters.strand === strand.key}>
              {strand.label}
            </option>
          ))}
        </select>
      </div>
      <div class="check">
        <input type="checkbox" id="filter-iep" name="iep" value="1" checked={filters.iepOnly} />
        <label for="filter-iep">Only students with an IEP</label>
      </div>
      <div class="check">
        <input
          type="checkbox"
          id="filter-little"
          name="little"
          value="1"
          checked={filters.littleEvidenceOnly}
        />
        <label for="filter-little">
          Only standards with little evidence (half the class or more under {LITTLE_EVIDENCE}{' '}
          pieces)
        </label>
      </div>
      <div class="filter-actions">
        <button type="submit" class="button-secondary">
          Apply filters
        </button>
        {filtered && (
          <a class="button-quiet" href={classHref(model.classInfo.id, kept)}>
            Clear filters
          </a>
        )}
      </div>
      <p class="muted filter-count" role="status">
        Showing {model.students.length} of {model.totals.students} students and{' '}
        {model.standards.length} of {model.totals.standards} standards.
      </p>
    </form>
  );
}

function MarkLegend() {
  return (
    <ul class="legend-list mark-legend" aria-label="Cell marks">
      <li>
        <span class="mark" aria-hidden="true">
          ✎
        </span>{' '}
        level set by a teacher (override)
      </li>
      <li>
        <span class="mark" aria-hidden="true">
          ↻
        </span>{' '}
        revision waiting to be scored
      </li>
      <li>
        <span class="mark" aria-hidden="true">
          …
        </span>{' '}
        not enough evidence yet
      </li>
    </ul>
  );
}

function Grid(props: { readonly model: ClassGridModel }) {
  const { model } = props;
  const cellOf = new Map(model.cells.map((cell) => [`${cell.studentId}|${cell.standardId}`, cell]));
  if (model.students.length === 0 || model.standards.length === 0) {
    return <p class="empty">No students or standards to show. Change the filters above.</p>;
  }
  return (
    <div class="grid-scroll" tabindex={0} role="region" aria-labelledby="grid-caption">
      <table
        class="mastery-grid"
        role="grid"
        data-grid="mastery"
        aria-labelledby="grid-caption"
        aria-describedby="grid-help"
        aria-rowcount={model.students.length + 1}
        aria-colcount={model.standards.length + 1}
      >
        <caption id="grid-caption">
          {gridSubject(model.period)} by student and standard. Each cell shows the level and how
          much evidence it rests on.
          <span id="grid-help" class="grid-help">
            Arrow keys move between cells; Enter opens a cell's evidence; Escape closes it.
          </span>
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
                <a href={`/students/${student.id}/profile`}>
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

/** The words a screen reader hears for a cell, e.g. "Ama Owusu, 5.NBT.A.1: Proficient, ...". */
export function cellLabel(
  student: StudentSummary,
  standard: StandardSummary,
  shown: { readonly level: string | null; readonly count: number },
  marks: { readonly overridden: boolean; readonly revisionWaiting: boolean },
): string {
  const parts = [
    `${student.givenName} ${student.familyName}, ${shortCode(standard.code)}: ${
      shown.level ?? 'not enough evidence yet'
    }`,
    evidenceCountText(shown.count),
    ...(marks.overridden ? ['level set by a teacher'] : []),
    ...(marks.revisionWaiting ? ['revision waiting to be scored'] : []),
  ];
  return parts.join(', ');
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
  const key = `${student.id}|${standard.id}`;
  const marks = {
    overridden: model.marks.overridden.has(key),
    revisionWaiting: model.marks.revisionWaiting.has(key),
  };
  const justSaved = model.saved?.studentId === student.id && model.saved.standardId === standard.id;
  const href = `/classes/${model.classInfo.id}/cells/${student.id}/${standard.id}`;
  const label = cellLabel(student, standard, { level: level?.label ?? null, count }, marks);

  return (
    <td
      class={`cell ${level ? `level-${level.rank}` : 'cell-none'}${justSaved ? ' just-saved' : ''}`}
      role="gridcell"
      data-student={student.id}
      data-standard={standard.id}
    >
      <a href={href} aria-label={label} data-cell-link>
        {level ? (
          <span class="badge">
            <span class="symbol" aria-hidden="true">
              {levelSymbol(level.rank)}
            </span>
            {level.label}
          </span>
        ) : (
          <span class="badge badge-none">Not enough evidence yet</span>
        )}
      </a>
      <span class="cell-foot" aria-hidden="true">
        <span class="count">{count}</span>
        {marks.overridden && <span class="mark">✎</span>}
        {marks.revisionWaiting && <span class="mark">↻</span>}
        {!level && <span class="mark">…</span>}
      </span>
    </td>
  );
}

function Summary(props: { readonly model: ClassGridModel }) {
  const { model } = props;
  if (model.standards.length === 0) return null;
  const byId = new Map(model.standards.map((s) => [s.id, s]));
  return (
    <section class="panel" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Class summary by standard</h2>
      <p class="muted">How many of the {model.students.length} students shown are at each level.</p>
      <div class="table-scroll" role="region" aria-label="Class summary table" tabindex={0}>
        <table class="data-table summary-table">
          <thead>
            <tr>
              <th scope="col">Standard</th>
              {model.levels.map((level, i) => (
                <th scope="col" class="numeric">
                  <LevelBadge level={{ ...level, rank: i + 1 }} />
                </th>
              ))}
              <th scope="col" class="numeric">
                Not enough evidence yet
              </th>
              <th scope="col">Distribution</th>
            </tr>
          </thead>
          <tbody>
            {model.summary.map((d) => (
              <tr>
                <th scope="row" class="code">
                  {shortCode(byId.get(d.standardId)?.code ?? null)}
                </th>
                {d.byLevel.map((l) => (
                  <td class="numeric">{l.students}</td>
                ))}
                <td class="numeric">{d.notEnough}</td>
                <td>
                  <DistributionBar byLevel={d.byLevel} notEnough={d.notEnough} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function DistributionBar(props: {
  readonly byLevel: ReadonlyArray<{ readonly value: number; readonly students: number }>;
  readonly notEnough: number;
}) {
  const parts = [
    ...props.byLevel.map((l, i) => ({ className: `level-${i + 1}`, n: l.students })),
    { className: 'none', n: props.notEnough },
  ];
  const total = parts.reduce((sum, p) => sum + p.n, 0);
  if (total === 0) return <span class="muted">—</span>;

  let x = 0;
  return (
    <svg class="dist-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
      {parts.map((part) => {
        const width = (part.n / total) * 100;
        const rect = (
          <rect class={`dist-${part.className}`} x={x} y={0} width={width} height={10} />
        );
        x += width;
        return part.n > 0 ? rect : null;
      })}
    </svg>
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
