/**
 * One gradebook cell opened: a student's evidence on one standard in date order (format,
 * feedback, revisions, whether each counts) and the calculation behind the level, with a quick
 * form to record more. Served as a whole page, and as a fragment for the grid's dialog.
 */
import type { MasteryExplained } from '../../services/mastery.service.js';
import type { ScaleLevel, StandardSummary } from '../../store/gradebook.repository.js';
import type { StudentSummary } from '../../store/roster.repository.js';
import type { CellEvidence } from '../../store/workspace.repository.js';
import { Calculation } from './calculation.view.js';
import { LevelBadge } from './components.js';
import { EVIDENCE_FORMATS } from './evidence-form.view.js';
import { Layout, type PageFrame } from './layout.js';
import { masteryDetailHref } from './mastery-detail.view.js';
import { evidenceCountText, formatDay, formatScore, levelFor, shortCode } from './levels.js';

/** Everything a cell's detail shows. */
export interface CellDetailModel {
  readonly classId: string;
  readonly student: StudentSummary;
  readonly standard: StandardSummary;
  readonly levels: readonly ScaleLevel[];
  readonly evidence: readonly CellEvidence[];
  readonly explained: MasteryExplained;
  readonly canRecord: boolean;
  readonly csrfToken: string;
  readonly today: string;
}

/** The detail as a whole page (without script, or opened in a new tab). */
export function CellDetailPage(props: PageFrame & { readonly model: CellDetailModel }) {
  return (
    <Layout {...props}>
      <p>
        <a href={`/classes/${props.model.classId}`}>← Back to the gradebook</a>
      </p>
      <CellDetail model={props.model} headingLevel={1} />
    </Layout>
  );
}

/** The detail itself; `headingLevel` 2 inside the dialog. */
export function CellDetail(props: {
  readonly model: CellDetailModel;
  readonly headingLevel: 1 | 2;
}) {
  const { model } = props;
  const { student, standard, explained } = model;
  const level = explained.level ? levelFor(model.levels, explained.level.value) : null;
  const Heading = props.headingLevel === 1 ? 'h1' : 'h2';
  return (
    <article class="cell-detail" aria-labelledby="cell-heading">
      <Heading id="cell-heading" tabindex={-1}>
        {student.givenName} {student.familyName} · {shortCode(standard.code)}
      </Heading>
      <p class="statement">{standard.statement}</p>
      <p class="cell-level">
        <LevelBadge level={level} />{' '}
        <span class="muted">
          {evidenceCountText(model.evidence.length)} · {explained.methodName}
          {explained.shownScore !== null && ` · score ${explained.shownScore}`}
        </span>
        {explained.override && (
          <span class="tag">
            Level set by a teacher{explained.override.stale ? ' (newer evidence since)' : ''}
          </span>
        )}
      </p>
      <Calculation
        audience="staff"
        policy={explained.policy}
        steps={explained.steps}
        shownScore={explained.shownScore}
        level={explained.level}
        headingLevel={3}
        detailHref={masteryDetailHref(student.id, standard.id)}
      />
      <EvidenceHistory model={model} />
      {model.canRecord && <QuickRecord model={model} />}
    </article>
  );
}

const STATUS_WORDS = {
  counted: 'Counts',
  superseded: 'Replaced by a revision or later attempt',
  excluded: 'Not counted (excluded)',
  no_score: 'Not scored',
} as const;

function EvidenceHistory(props: { readonly model: CellDetailModel }) {
  const { model } = props;
  const statusOf = new Map(model.explained.evidence.map((e) => [e.item.id, e]));
  if (model.evidence.length === 0) {
    return <p class="empty">No evidence on this standard yet.</p>;
  }
  return (
    <section aria-labelledby="history-heading">
      <h3 id="history-heading">Evidence, oldest first</h3>
      <div class="table-scroll" role="region" aria-label="Evidence table" tabindex={0}>
        <table class="evidence-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Task</th>
              <th scope="col">Format</th>
              <th scope="col">Level</th>
              <th scope="col">Feedback</th>
              <th scope="col">Counts?</th>
            </tr>
          </thead>
          <tbody>
            {model.evidence.map((e) => {
              const ordered = statusOf.get(e.id);
              const status = ordered?.status ?? (e.excluded ? 'excluded' : 'counted');
              const shown = e.score === null ? null : levelFor(model.levels, e.score);
              return (
                <tr class={status === 'counted' ? '' : 'superseded'}>
                  <td class="nowrap">{formatDay(e.observedAt)}</td>
                  <td>
                    {e.taskTitle ?? 'Recorded directly'}
                    {e.revisesId !== null && <span class="tag">Revision</span>}
                    {e.judgedBy && <span class="muted block">by {e.judgedBy}</span>}
                  </td>
                  <td class="format-cell">{e.format}</td>
                  <td class="level-cell">
                    <LevelBadge level={shown} /> <span class="muted">{formatScore(e.score)}</span>
                  </td>
                  <td class="feedback-cell">
                    {e.strength && <p>Strength: {e.strength}</p>}
                    {e.nextStep && <p>Next step: {e.nextStep}</p>}
                    {e.supports && <p>Supports: {e.supports}</p>}
                  </td>
                  <td>{STATUS_WORDS[status]}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function QuickRecord(props: { readonly model: CellDetailModel }) {
  const { model } = props;
  return (
    <form class="quick-record" method="post" action={`/classes/${model.classId}/evidence`}>
      <h3>Record new evidence</h3>
      <input type="hidden" name="_csrf" value={model.csrfToken} />
      <input type="hidden" name="studentId" value={model.student.id} />
      <input type="hidden" name="standardId" value={model.standard.id} />
      <fieldset class="level-options">
        <legend>Level</legend>
        {model.levels.map((level, i) => (
          <label class={`level-option level-${i + 1}`}>
            <input type="radio" name="score" value={String(level.value)} required />
            {level.value} {level.label}
          </label>
        ))}
      </fieldset>
      <div class="form-row">
        <div class="field">
          <label for="quick-date">Observed on</label>
          <input type="date" id="quick-date" name="observedOn" value={model.today} required />
        </div>
        <div class="field">
          <label for="quick-format">Format</label>
          <select id="quick-format" name="format">
            {EVIDENCE_FORMATS.map((f) => (
              <option value={f}>{f}</option>
            ))}
          </select>
        </div>
      </div>
      <div class="field">
        <label for="quick-strength">Strength</label>
        <input type="text" id="quick-strength" name="strength" />
      </div>
      <div class="field">
        <label for="quick-next">Next step</label>
        <input type="text" id="quick-next" name="nextStep" />
      </div>
      <div class="actions">
        <button type="submit" class="button-primary">
          Save evidence
        </button>
      </div>
    </form>
  );
}
