/**
 * The mastery panels of the student page: levels "as of" a chosen date (for reports of a
 * period), the rollup from standards to their parents in the framework, and course summary
 * levels where a school turned them on. All numbers come from the mastery engine.
 */
import { formatScore } from '../../domain/scale.js';
import type { StudentMasteryPanels } from '../../services/mastery-detail.service.js';
import type { ScaleLevel } from '../../store/gradebook.repository.js';
import { LevelBadge } from './components.js';
import { formatDay, levelFor, shortCode } from './levels.js';
import { masteryDetailHref } from './mastery-detail.view.js';

/** The panels, after the standards' header. */
export function MasteryPanels(props: {
  readonly studentId: string;
  readonly panels: StudentMasteryPanels;
  readonly levels: readonly ScaleLevel[];
  readonly asOfValue: string;
}) {
  const { panels, levels } = props;
  return (
    <>
      <AsOf studentId={props.studentId} panels={panels} levels={levels} value={props.asOfValue} />
      {panels.rollups.length > 0 && <Rollups panels={panels} levels={levels} />}
      {panels.courseSummaries.length > 0 && <CourseSummaries panels={panels} levels={levels} />}
    </>
  );
}

function AsOf(props: {
  readonly studentId: string;
  readonly panels: StudentMasteryPanels;
  readonly levels: readonly ScaleLevel[];
  readonly value: string;
}) {
  const { asOf } = props.panels;
  return (
    <section class="panel as-of" aria-labelledby="as-of-heading">
      <h2 id="as-of-heading">Mastery as of a date</h2>
      <form method="get" action={`/students/${props.studentId}`} class="inline-form">
        <label for="as-of-date">Show the levels as they stood at the end of</label>
        <input type="date" id="as-of-date" name="asOf" value={props.value} required />
        <button type="submit" class="button-secondary">
          Show
        </button>
        {asOf && (
          <a class="button-quiet" href={`/students/${props.studentId}`}>
            Back to today
          </a>
        )}
      </form>
      {asOf && (
        <table class="settings-table">
          <caption>Levels at the end of {formatDay(asOf.date)}</caption>
          <thead>
            <tr>
              <th scope="col">Standard</th>
              <th scope="col">Level then</th>
              <th scope="col">Score then</th>
              <th scope="col">Evidence known then</th>
            </tr>
          </thead>
          <tbody>
            {asOf.levels.map((line) => (
              <tr>
                <th scope="row">
                  <a href={masteryDetailHref(props.studentId, line.standardId)}>
                    <span class="code">{shortCode(line.code)}</span>
                  </a>{' '}
                  {line.statement}
                </th>
                <td>
                  <LevelBadge
                    level={levelFor(
                      props.levels,
                      line.override?.levelValue ?? line.level?.value ?? null,
                    )}
                  />
                  {line.override && <span class="tag tag-override">Set by hand</span>}
                </td>
                <td>{line.shownScore ?? '—'}</td>
                <td>{line.evidenceCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Rollups(props: {
  readonly panels: StudentMasteryPanels;
  readonly levels: readonly ScaleLevel[];
}) {
  return (
    <section class="panel" aria-labelledby="rollup-heading">
      <h2 id="rollup-heading">Rollup to broader standards</h2>
      <p>
        A broader standard’s score is the mean of its sub-standards’ current scores; those without a
        score are left out, never counted as 0.
      </p>
      <table class="settings-table">
        <thead>
          <tr>
            <th scope="col">Broader standard</th>
            <th scope="col">Level</th>
            <th scope="col">Score</th>
            <th scope="col">Sub-standards with a score</th>
          </tr>
        </thead>
        <tbody>
          {props.panels.rollups.map(({ standard, rollup }) => (
            <tr>
              <th scope="row">
                <span class="code">{shortCode(standard.code)}</span> {standard.statement}
              </th>
              <td>
                <LevelBadge level={levelFor(props.levels, rollup.level?.value ?? null)} />
              </td>
              <td>{rollup.score === null ? '—' : formatScore(rollup.score)}</td>
              <td>
                {rollup.scoredChildCount} of {rollup.childCount}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function CourseSummaries(props: {
  readonly panels: StudentMasteryPanels;
  readonly levels: readonly ScaleLevel[];
}) {
  return (
    <section class="panel" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Course summary</h2>
      <p>The school shows one summary level per class: the mean of its standards’ scores.</p>
      <ul class="plain-list">
        {props.panels.courseSummaries.map(({ title, summary }) =>
          summary.kind === 'summary' ? (
            <li>
              <strong>{title}</strong>:{' '}
              <LevelBadge level={levelFor(props.levels, summary.level?.value ?? null)} />{' '}
              {summary.score === null
                ? ''
                : `${formatScore(summary.score)}, over ${summary.standardCount} ${
                    summary.standardCount === 1 ? 'standard' : 'standards'
                  }`}
            </li>
          ) : (
            <></>
          ),
        )}
      </ul>
    </section>
  );
}
